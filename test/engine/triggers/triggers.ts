/**
 * The three SMS triggers under test, with authentication on and helpers to build gateway calls.
 * Every test runs at each typeVersion the triggers declare: the versions must answer, authenticate
 * and filter identically, so the same tests run unchanged at each (describeEachVersion).
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { InboundSmsTrigger } from '../../../nodes/InboundSms/InboundSmsTrigger.node';
import { SmsDeliveryReportTrigger } from '../../../nodes/SmsDeliveryReport/SmsDeliveryReportTrigger.node';
import { TRIGGER_VERSIONS } from '../../../nodes/shared/webhooks/properties';
import { SmsOptOutTrigger } from '../../../nodes/SmsOptOut/SmsOptOutTrigger.node';
import type { FakeRequestInit, TriggerUnderTest } from '../../harness/webhook';
import { triggerUnderTest } from '../../harness/webhook';

export const SECRET = 'tr1gger-s3cret-7f1c';

export const TRIGGERS = {
	inbound: () => new InboundSmsTrigger(),
	deliveryReport: () => new SmsDeliveryReportTrigger(),
	optOut: () => new SmsOptOutTrigger(),
};

export type TriggerKind = keyof typeof TRIGGERS;

export type TriggerBuilder = (
	kind: TriggerKind,
	parameters: INodeParameters,
	credentials?: Record<string, ICredentialDataDecryptedObject>,
) => TriggerUnderTest;

/** Builds triggers as nodes of the given typeVersion. */
export function triggerAt(typeVersion: number): TriggerBuilder {
	return (kind, parameters, credentials) =>
		triggerUnderTest({
			nodeClass: TRIGGERS[kind](),
			parameters: { authentication: 'token', secretToken: SECRET, ...parameters },
			credentials,
			typeVersion,
		});
}

/** Every typeVersion the triggers declare (1 and 2). */
export const VERSIONS: number[] = [...TRIGGER_VERSIONS];

/** A `describe` per typeVersion, whose body builds its triggers at that version. */
export function describeEachVersion(
	name: string,
	body: (trigger: TriggerBuilder, typeVersion: number) => void,
): void {
	describe.each(VERSIONS)(`${name}, typeVersion %i`, (typeVersion) =>
		body(triggerAt(typeVersion), typeVersion),
	);
}

/** Each item paired with each typeVersion, for `describe.each` tables. */
export function atEachVersion<T>(items: readonly T[]): Array<[T, number]> {
	return items.flatMap((item) => VERSIONS.map((typeVersion): [T, number] => [item, typeVersion]));
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** A call carrying the trigger's token in the query string, as pasted into a gateway dashboard. */
export function withToken(init: FakeRequestInit): FakeRequestInit {
	return { ...init, query: { token: SECRET, ...(init.query ?? {}) } };
}

export const formCall = (body: string, query?: Record<string, string>) =>
	withToken({ contentType: FORM, body, query });
export const jsonCall = (body: string, query?: Record<string, string>) =>
	withToken({ contentType: JSON_TYPE, body, query });

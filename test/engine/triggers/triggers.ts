/** The three SMS triggers under test, with authentication on and helpers to build gateway calls. */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { InboundSmsTrigger } from '../../../nodes/InboundSms/InboundSmsTrigger.node';
import { SmsDeliveryReportTrigger } from '../../../nodes/SmsDeliveryReport/SmsDeliveryReportTrigger.node';
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

export function trigger(
	kind: TriggerKind,
	parameters: INodeParameters,
	credentials?: Record<string, ICredentialDataDecryptedObject>,
): TriggerUnderTest {
	return triggerUnderTest({
		nodeClass: TRIGGERS[kind](),
		parameters: { authentication: 'token', secretToken: SECRET, ...parameters },
		credentials,
	});
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

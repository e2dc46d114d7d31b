/**
 * Workflows that receive gateway callbacks in a real n8n: one of this package's triggers at a
 * given typeVersion, or n8n's own Webhook node (the reference the issue compares with), each
 * followed by a No-Op, plus the callbacks to send them. Each workflow gets its own webhookId, so
 * several live side by side in one n8n.
 */
import { randomUUID } from 'node:crypto';

import type {
	N8nRestClient,
	WorkflowDefinition,
	WorkflowSummary,
} from '../../../../tooling/n8n/rest-client';
import { DHIS2_INBOUND, AT } from '../../../fixtures/seed-payloads';
import { PACKAGE_NAME } from '../../../../tooling/n8n/workflows';

export const CALLBACK_SECRET = 'callbacks-Secret-4b7e19';

export type TriggerType = 'inboundSmsTrigger' | 'smsDeliveryReportTrigger' | 'smsOptOutTrigger';

export interface CallbackTarget {
	label: string;
	workflow: WorkflowDefinition;
	/** What follows `/webhook/` in the production URL, with the token. */
	webhookPath: string;
}

const PATHS: Record<TriggerType, string> = {
	inboundSmsTrigger: 'inbound',
	smsDeliveryReportTrigger: 'delivery-report',
	smsOptOutTrigger: 'opt-out',
};

/** The package's trigger at `typeVersion` → No-Op. */
export function triggerWorkflow(
	type: TriggerType,
	typeVersion: number,
	parameters: Record<string, unknown>,
	label = `${type} v${typeVersion}`,
	credentials?: Record<string, { id: string; name: string }>,
): CallbackTarget {
	const webhookId = randomUUID();
	const path = parameters.gateway === 'dhis2' ? 'api/sms/inbound' : PATHS[type];
	return {
		label,
		webhookPath: `${webhookId}/${path}?token=${CALLBACK_SECRET}`,
		workflow: withNoOp(label, {
			id: randomUUID(),
			name: 'Trigger',
			type: `${PACKAGE_NAME}.${type}`,
			typeVersion,
			position: [0, 0],
			webhookId,
			parameters: { authentication: 'token', secretToken: CALLBACK_SECRET, ...parameters },
			...(credentials ? { credentials } : {}),
		}),
	};
}

/** n8n's own Webhook node (typeVersion 2, answering at once) → No-Op, at `/webhook/<path>`. */
export function webhookNodeWorkflow(label = 'n8n Webhook node v2'): CallbackTarget {
	const path = `callbacks-${randomUUID()}`;
	return {
		label,
		webhookPath: path,
		workflow: withNoOp(label, {
			id: randomUUID(),
			name: 'Trigger',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		}),
	};
}

function withNoOp(name: string, trigger: WorkflowDefinition['nodes'][number]): WorkflowDefinition {
	return {
		name: `callbacks: ${name}`,
		nodes: [
			trigger,
			{
				id: randomUUID(),
				name: 'No Op',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { Trigger: { main: [[{ node: 'No Op', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Stores and activates the workflow, then waits until n8n serves its URL (a probe without token). */
export async function deployTarget(
	client: N8nRestClient,
	target: CallbackTarget,
): Promise<WorkflowSummary> {
	const stored = await client.createWorkflow(target.workflow);
	const active = await client.activateWorkflow(stored);
	const probe = await client.callWebhook(target.webhookPath.split('?')[0], {
		body: '',
		headers: { 'content-type': 'text/plain' },
		registrationTimeoutMs: 15_000,
	});
	if (probe.status === 404)
		throw new Error(`${target.label}: n8n never registered /webhook/${target.webhookPath}`);
	return active;
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** Africa's Talking's delivery report of a delivered SMS (seed payload), with its own id. */
export function atDeliveryReport(id: string): string {
	return AT.deliveryReport.replace('ATXid_123', `ATXid_${id}`);
}

export const DHIS2_MESSAGE = DHIS2_INBOUND;
export const AT_INBOUND = AT.twoWay;

/** A Twilio-style status callback (form) for one message. */
export function twilioStatusCallback(sid: string): string {
	return new URLSearchParams({
		MessageSid: sid,
		MessageStatus: 'delivered',
		To: '+254711000001',
		ErrorCode: '',
	}).toString();
}

/**
 * Workflows the e2e tests build and deploy. Running an action node for real in n8n means a
 * trigger in front of it: n8n's own Webhook node with `responseMode: lastNode` runs the node when
 * called and answers with its output items (docs/n8n-behaviour.md#running-a-real-n8n).
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { N8nRestClient, WorkflowDefinition, WorkflowSummary } from './rest-client';

export const PACKAGE_NAME = 'n8n-nodes-sms-gateways';

export interface ActionNodeSpec {
	/** The node's `description.name`, e.g. `sendSms`. */
	type: string;
	parameters: Record<string, unknown>;
	/** Credential type name → the stored credential to use. */
	credentials?: Record<string, { id: string; name: string }>;
	name?: string;
}

/** A short random tag for names, webhook paths and phone numbers of one test. */
export function uniqueTag(): string {
	return randomBytes(4).toString('hex');
}

/**
 * A phone number with `prefix` and random trailing digits, so each test can find its own
 * messages in the shared simulator. It never ends in 0000 (the simulator's default failure rule).
 */
export function uniqueNumber(prefix: string, digits: number): string {
	let tail = '';
	for (let i = 0; i < digits; i++) tail += String(randomBytes(1)[0] % 10);
	return `${prefix}${tail.slice(0, -1)}${1 + (randomBytes(1)[0] % 9)}`;
}

/** Webhook (POST /webhook/<path>, answering with every item of the last node) → the action node. */
export function webhookThen(path: string, action: ActionNodeSpec): WorkflowDefinition {
	const actionName = action.name ?? 'Action';
	return {
		name: `e2e ${action.type} ${path}`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: actionName,
				type: `${PACKAGE_NAME}.${action.type}`,
				typeVersion: 1,
				position: [240, 0],
				parameters: action.parameters,
				...(action.credentials ? { credentials: action.credentials } : {}),
			},
		],
		connections: {
			Webhook: { main: [[{ node: actionName, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Stores the workflow and activates it, so its production webhooks answer. */
export async function deployActive(
	client: N8nRestClient,
	workflow: WorkflowDefinition,
): Promise<WorkflowSummary> {
	const stored = await client.createWorkflow(workflow);
	return await client.activateWorkflow(stored);
}

/**
 * A campaign started by one call: Webhook (answering as soon as n8n has started, or in queue mode
 * enqueued, the execution) → Send SMS (Gupshup, one recipient per request) to every number posted
 * in `to`, comma-separated. The queue-mode fault benchmarks and e2e tests interrupt it mid-run.
 */
export function gupshupCampaignWorkflow(
	path: string,
	credential: { id: string; name: string },
): WorkflowDefinition {
	const definition = webhookThen(path, {
		type: 'sendSms',
		name: 'Send SMS',
		parameters: {
			gateway: 'gupshup',
			to: '={{ $json.body.to }}',
			message: 'Clinic day is Thursday',
			options: {},
		},
		credentials: { gupshupApi: { id: credential.id, name: credential.name } },
	});
	definition.nodes[0].parameters = {
		...definition.nodes[0].parameters,
		responseMode: 'onReceived',
	};
	return definition;
}

/**
 * The workflows the bench deploys in n8n. A bulk run is Webhook (responseMode lastNode, every
 * item in the reply) → Split Out (one item per recipient of the posted list) → the sending node,
 * the way a user feeds a list into a workflow; the reply carries the sending node's output items.
 */
import { randomUUID } from 'node:crypto';

import type {
	N8nRestClient,
	WorkflowDefinition,
	WorkflowNode,
} from '../../tooling/n8n/rest-client';
import { deployActive, uniqueTag } from '../../tooling/n8n/workflows';

/** The newest Webhook node version in n8n 2.41 (`Webhook.node.js` `defaultVersion`). */
export const WEBHOOK_NODE_VERSION = 2.1;

export const SENDER_NODE_NAME = 'Send';

export function webhookNode(path: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: WEBHOOK_NODE_VERSION,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, options: {}, ...parameters },
	};
}

export interface SenderNodeSpec {
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

/** Webhook → Split Out (`body.recipients`) → the sender; the reply is the sender's output. */
export function bulkWorkflow(
	name: string,
	path: string,
	sender: SenderNodeSpec,
): WorkflowDefinition {
	const nodes: WorkflowNode[] = [
		webhookNode(path, { responseMode: 'lastNode', responseData: 'allEntries' }),
		{
			id: randomUUID(),
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fieldToSplitOut: 'body.recipients', include: 'noOtherFields', options: {} },
		},
		{
			id: randomUUID(),
			name: SENDER_NODE_NAME,
			type: sender.type,
			typeVersion: sender.typeVersion,
			position: [440, 0],
			parameters: sender.parameters,
			...(sender.credentials ? { credentials: sender.credentials } : {}),
		},
	];
	return {
		name,
		nodes,
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: SENDER_NODE_NAME, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** A workflow of one trigger node (no downstream nodes): what the webhook bench calls. */
export function singleNodeWorkflow(name: string, node: WorkflowNode): WorkflowDefinition {
	return { name, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

export async function deploy(
	client: N8nRestClient,
	workflow: WorkflowDefinition,
): Promise<{ id: string }> {
	return await deployActive(client, workflow);
}

export { uniqueTag };

/**
 * What n8n itself spends per item on one expression parameter, in the same n8n: Edit Fields
 * (`n8n-nodes-base.set`) setting one field from `{{ $json.phone }}` on the same 5,000 items. No
 * network is involved, so its run time is the engine's per-item price that every node with an
 * expression parameter pays (n8n 2.41 evaluates expressions in its `vm` engine by default,
 * `@n8n/config` ExpressionEngineConfig). It explains most of the gap between Send SMS and the floor.
 */
import { randomUUID } from 'node:crypto';

import { newestFinishedExecution } from '../../tooling/n8n/executions';
import type { BenchStack } from '../support/n8n-stack';
import { postWebhook } from '../../tooling/n8n/webhook-call';
import { bulkWorkflow, deploy, SENDER_NODE_NAME, uniqueTag } from '../support/workflows';
import { recipientList } from '../support/gateways';

export interface ExpressionProbe {
	items: number;
	expressionsPerItem: number;
	nodeMs: number;
	perItemMs: number;
	expressionEngine: string;
}

/** n8n 2.41's newest Edit Fields version. */
const SET_NODE_VERSION = 3.4;

export async function probeExpressionCost(
	stack: BenchStack,
	items: number,
	expressionEngine: string,
): Promise<ExpressionProbe> {
	const path = `bench-expression-probe-${uniqueTag()}`;
	const workflow = await deploy(
		stack.client,
		bulkWorkflow('bench expression probe', path, {
			type: 'n8n-nodes-base.set',
			typeVersion: SET_NODE_VERSION,
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: randomUUID(), name: 'to', value: '={{ $json.phone }}', type: 'string' },
					],
				},
				options: {},
			},
		}),
	);
	try {
		const recipients = recipientList('africasTalking', items);
		await postWebhook(stack.n8n.url, path, { recipients: recipients.slice(0, 50) });
		await newestFinishedExecution(stack.client, workflow.id);
		const reply = await postWebhook(stack.n8n.url, path, { recipients });
		if (reply.status !== 200) throw new Error(`the expression probe answered ${reply.status}`);
		const execution = await newestFinishedExecution(stack.client, workflow.id);
		const nodeMs = execution.nodeMs[SENDER_NODE_NAME];
		return {
			items,
			expressionsPerItem: 1,
			nodeMs,
			perItemMs: Number((nodeMs / items).toFixed(3)),
			expressionEngine,
		};
	} finally {
		await stack.client.deactivateWorkflow(workflow.id);
	}
}

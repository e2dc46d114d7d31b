/**
 * The three receivers the settings matrix compares, deployed side by side in the same n8n, each
 * followed by a No-Op: the SMS Delivery Report Trigger at typeVersion 1 and at typeVersion 2, and
 * n8n's own Webhook node (v2, answering at once). The workflows are the callback profiler's
 * (test/e2e/callbacks/support/callback-workflows.ts), so the bench and the profiler measure the
 * same thing; all receive Africa's Talking delivery reports.
 */
import type { N8nRestClient } from '../../../tooling/n8n/rest-client';
import { sleep } from '../../../tooling/n8n/wait-for';
import {
	triggerWorkflow,
	webhookNodeWorkflow,
	type CallbackTarget,
} from '../../../test/e2e/callbacks/support/callback-workflows';

export type ReceiverKind = 'triggerV1' | 'triggerV2' | 'webhookNode';

export const RECEIVERS: ReceiverKind[] = ['triggerV1', 'triggerV2', 'webhookNode'];

export const RECEIVER_LABEL: Record<ReceiverKind, string> = {
	triggerV1: 'Delivery Report Trigger v1',
	triggerV2: 'Delivery Report Trigger v2',
	webhookNode: "n8n's Webhook node v2",
};

export interface DeployedReceiver {
	kind: ReceiverKind;
	workflowId: string;
	/** What follows `/webhook/` in the production URL, with the token. */
	webhookPath: string;
}

function build(kind: ReceiverKind): CallbackTarget {
	if (kind === 'webhookNode') return webhookNodeWorkflow(RECEIVER_LABEL[kind]);
	return triggerWorkflow(
		'smsDeliveryReportTrigger',
		kind === 'triggerV1' ? 1 : 2,
		{ gateway: 'africasTalking' },
		RECEIVER_LABEL[kind],
	);
}

const REGISTRATION_TIMEOUT_MS = 30_000;

/**
 * Stores and activates the receiver's workflow, then waits (bounded) until every receiving
 * process serves its production URL: a probe without a body is answered, by anything but 404.
 */
export async function deployReceiver(
	client: N8nRestClient,
	kind: ReceiverKind,
	webhookBaseUrls: string[],
): Promise<DeployedReceiver> {
	const target = build(kind);
	const stored = await client.createWorkflow(target.workflow);
	const active = await client.activateWorkflow(stored);
	const probePath = target.webhookPath.split('?')[0];
	for (const base of webhookBaseUrls) {
		const deadline = Date.now() + REGISTRATION_TIMEOUT_MS;
		for (;;) {
			const reply = await fetch(`${base}/webhook/${probePath}`, {
				method: 'POST',
				body: '',
				headers: { 'content-type': 'text/plain' },
			});
			await reply.arrayBuffer();
			if (reply.status !== 404) break;
			if (Date.now() >= deadline)
				throw new Error(`${RECEIVER_LABEL[kind]}: ${base} never registered /webhook/${probePath}`);
			await sleep(250);
		}
	}
	return { kind, workflowId: active.id, webhookPath: target.webhookPath };
}

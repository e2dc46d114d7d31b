/**
 * The two receivers the webhook bench compares, deployed side by side in the same n8n:
 * - `trigger`: this package's SMS Delivery Report Trigger, activated, production URL
 *   `/webhook/<webhookId>/delivery-report`, secret token in the URL as a user pastes it.
 * - `webhookNode`: n8n's own Webhook node (newest version, responseMode onReceived, its default),
 *   production URL `/webhook/<path>`, no authentication (its default).
 * Each is the only node of its workflow, so an execution is the receiver's own work.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { N8nRestClient } from '../../tooling/n8n/rest-client';
import { deploy, singleNodeWorkflow, uniqueTag, webhookNode } from '../support/workflows';
import type { PayloadKind } from './payloads';

export type TargetKind = 'trigger' | 'webhookNode';

export const TARGET_LABEL: Record<TargetKind, string> = {
	trigger: 'SMS Delivery Report Trigger',
	webhookNode: "n8n's Webhook node",
};

export interface DeployedTarget {
	kind: TargetKind;
	payload: PayloadKind;
	workflowId: string;
	/** Path under `/webhook/`, with the query string the gateway would call. */
	path: string;
}

export async function deployTarget(
	client: N8nRestClient,
	kind: TargetKind,
	payload: PayloadKind,
	packageName: string,
): Promise<DeployedTarget> {
	if (kind === 'webhookNode') {
		const path = `bench-peer-${payload.toLowerCase()}-${uniqueTag()}`;
		const node = webhookNode(path, {});
		const workflow = await deploy(client, singleNodeWorkflow(`bench webhook node (${payload})`, node));
		return { kind, payload, workflowId: workflow.id, path };
	}
	const secret = randomBytes(24).toString('hex');
	const webhookId = randomUUID();
	const node = {
		id: randomUUID(),
		name: 'SMS Delivery Report Trigger',
		type: `${packageName}.smsDeliveryReportTrigger`,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		webhookId,
		parameters: { gateway: payload, authentication: 'token', secretToken: secret, statusFilter: 'all', options: {} },
	};
	const workflow = await deploy(client, singleNodeWorkflow(`bench delivery report trigger (${payload})`, node));
	return { kind, payload, workflowId: workflow.id, path: `${webhookId}/delivery-report?token=${secret}` };
}

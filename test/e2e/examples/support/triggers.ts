/**
 * Production URLs of the package's trigger nodes in a stored workflow, as the user copies them
 * from the node: `<n8n>/webhook/<webhookId>/<path>` (docs/n8n-behaviour.md#webhook-triggers), plus the
 * `?token=` the triggers' setup notices tell users to add.
 */
import type { WorkflowNode } from '../../../../tooling/n8n/rest-client';
import { PACKAGE_NAME } from '../../../../tooling/n8n/workflows';

/**
 * The webhook path of each trigger for the gateways used here (every gateway but DHIS2, whose
 * path is `api/sms/inbound`): `webhooks[0].path` in nodes/<Trigger>/<Trigger>.node.ts.
 */
export const TRIGGER_PATHS: Record<string, string> = {
	[`${PACKAGE_NAME}.inboundSmsTrigger`]: 'inbound',
	[`${PACKAGE_NAME}.smsDeliveryReportTrigger`]: 'delivery-report',
	[`${PACKAGE_NAME}.smsOptOutTrigger`]: 'opt-out',
};

/** `<webhookId>/<path>`: what follows `/webhook/` in the production URL. */
export function triggerWebhookPath(node: WorkflowNode): string {
	const path = TRIGGER_PATHS[node.type];
	if (!path) throw new Error(`${node.name} (${node.type}) is not one of this package's triggers`);
	if (node.parameters.gateway === 'dhis2')
		throw new Error('DHIS2-format triggers use api/sms/inbound');
	if (typeof node.webhookId !== 'string' || node.webhookId === '')
		throw new Error(`${node.name} has no webhookId`);
	return `${node.webhookId}/${path}`;
}

/** The URL to paste into the gateway: production URL with the secret as `?token=`. */
export function triggerCallbackUrl(n8nUrl: string, node: WorkflowNode, secret: string): string {
	return `${n8nUrl}/webhook/${triggerWebhookPath(node)}?token=${encodeURIComponent(secret)}`;
}

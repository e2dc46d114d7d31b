/**
 * The node description the three SMS webhook triggers (Inbound SMS, SMS Delivery Report, SMS
 * Opt-Out) share, built once so that each trigger states only what is its own: its names, its
 * text, its event kind, its webhook path and its parameters.
 *
 * n8n's lint reads a node's description from the object literal in its class (it checks `icon`,
 * `subtitle`, `displayName`, `name` there), so those stay in each class and the parts below are
 * spread around them, in the order n8n has always been given the keys.
 */
import type { INodeProperties, INodeTypeDescription, IWebhookDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { EventKind } from '../core/webhook-types';
import { TRIGGER_DEFAULT_VERSION, TRIGGER_VERSIONS, triggerCredentials } from './properties';

/** `group`, `version` and `defaultVersion`: between `icon` and `subtitle`. */
export const SMS_TRIGGER_VERSIONING: Pick<
	INodeTypeDescription,
	'group' | 'version' | 'defaultVersion'
> = {
	group: ['trigger'],
	version: TRIGGER_VERSIONS,
	defaultVersion: TRIGGER_DEFAULT_VERSION,
};

export interface SmsTriggerSpec {
	/** The node's display name, also the name a new node gets. */
	displayName: string;
	/** What the node list says the trigger does. */
	description: string;
	kind: EventKind;
	/** The path of the trigger's one webhook: a fixed one, or `gatewayWebhookPath(...)`. */
	webhookPath: Pick<IWebhookDescription, 'path'>;
	properties: INodeProperties[];
}

/**
 * From `description` to `properties`, after `subtitle`: no inputs, one main output, the
 * credentials of the gateways that can send this kind, and one POST webhook answered on receipt.
 */
export function smsTriggerDescription(
	spec: SmsTriggerSpec,
): Pick<
	INodeTypeDescription,
	'description' | 'defaults' | 'inputs' | 'outputs' | 'credentials' | 'webhooks' | 'properties'
> {
	return {
		description: spec.description,
		defaults: { name: spec.displayName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: triggerCredentials(spec.kind),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				...spec.webhookPath,
			},
		],
		properties: spec.properties,
	};
}

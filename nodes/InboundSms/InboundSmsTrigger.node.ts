/**
 * Inbound SMS Trigger: starts a workflow on an incoming SMS. Versions 1 and 2 behave the same;
 * version 2 lets n8n handle each callback without its expression engine (properties.ts).
 */
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { handleSmsWebhook } from '../shared/webhooks/handle-webhook';
import { manualUrlLifecycle } from '../shared/webhooks/lifecycle';
import {
	triggerCredentials,
	gatewaySubtitle,
	gatewayWebhookPath,
	TRIGGER_DEFAULT_VERSION,
	TRIGGER_VERSIONS,
} from '../shared/webhooks/properties';
import { inboundSmsProperties } from './description';

export class InboundSmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbound SMS Trigger',
		name: 'inboundSmsTrigger',
		icon: {
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		},
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: gatewaySubtitle('from'),
		description:
			"Starts the workflow when an SMS arrives through Africa's Talking, Gupshup, SMSBox, a DHIS2-format SMS gateway app or any gateway described by a Custom HTTP Gateway profile",
		defaults: { name: 'Inbound SMS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: triggerCredentials('inbound'),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				...gatewayWebhookPath('inbound'),
			},
		],
		properties: inboundSmsProperties,
	};

	webhookMethods = { default: manualUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'inbound');
	}
}

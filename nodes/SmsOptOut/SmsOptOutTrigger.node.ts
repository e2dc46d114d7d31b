/**
 * SMS Opt-Out Trigger: starts a workflow on an opt-out or opt-in. Versions 1 and 2 behave the same;
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
import { smsOptOutProperties } from './description';

export class SmsOptOutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Opt-Out Trigger',
		name: 'smsOptOutTrigger',
		icon: {
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		},
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: gatewaySubtitle('from'),
		description:
			"Starts the workflow when someone opts out of (or back into) your SMS: Africa's Talking opt-out and subscription notifications, and STOP replies on every gateway",
		defaults: { name: 'SMS Opt-Out Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: triggerCredentials('optOut'),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				...gatewayWebhookPath('opt-out'),
			},
		],
		properties: smsOptOutProperties,
	};

	webhookMethods = { default: manualUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'optOut');
	}
}

import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { handleSmsWebhook } from '../shared/webhooks/handle-webhook';
import { manualUrlLifecycle } from '../shared/webhooks/lifecycle';
import { accountKeyCredentials, gatewaySubtitle, webhookPath } from '../shared/webhooks/properties';
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
		version: 1,
		subtitle: gatewaySubtitle('from'),
		description:
			"Starts the workflow when someone opts out of (or back into) your SMS: Africa's Talking opt-out and subscription notifications, and STOP replies on every gateway",
		defaults: { name: 'SMS Opt-Out Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: accountKeyCredentials('optOut'),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: webhookPath('opt-out'),
			},
		],
		properties: smsOptOutProperties,
	};

	webhookMethods = { default: manualUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'optOut');
	}
}

import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { handleSmsWebhook } from '../shared/webhooks/handle-webhook';
import { accountKeyCredentials, gatewaySubtitle } from '../shared/webhooks/properties';
import { smsDeliveryReportProperties } from './description';

export class SmsDeliveryReportTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Delivery Report Trigger',
		name: 'smsDeliveryReportTrigger',
		icon: {
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: gatewaySubtitle('from'),
		description:
			"Starts the workflow when Africa's Talking or Gupshup reports the delivery status of a sent SMS",
		defaults: { name: 'SMS Delivery Report Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: accountKeyCredentials('deliveryReport'),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'delivery-report',
			},
		],
		properties: smsDeliveryReportProperties,
	};

	// No gateway has an API to register a callback URL: the user pastes it (see the setup notice).
	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return true;
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				return true;
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'deliveryReport');
	}
}

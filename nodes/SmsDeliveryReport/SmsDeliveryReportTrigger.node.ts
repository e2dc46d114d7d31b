/**
 * SMS Delivery Report Trigger: starts a workflow on a delivery status. Versions 1 and 2 behave the
 * same; version 2 lets n8n handle each callback without its expression engine (properties.ts).
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
	TRIGGER_DEFAULT_VERSION,
	TRIGGER_VERSIONS,
} from '../shared/webhooks/properties';
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
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: gatewaySubtitle('from'),
		description:
			"Starts the workflow when Africa's Talking, Gupshup or a Custom HTTP Gateway reports the delivery status of a sent SMS",
		defaults: { name: 'SMS Delivery Report Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: triggerCredentials('deliveryReport'),
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

	webhookMethods = { default: manualUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'deliveryReport');
	}
}

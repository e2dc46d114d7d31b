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

import { handleSmsWebhook } from '../shared/webhooks/handle-webhook';
import { manualUrlLifecycle } from '../shared/webhooks/lifecycle';
import { gatewaySubtitle } from '../shared/webhooks/properties';
import {
	smsTriggerDescription,
	SMS_TRIGGER_VERSIONING,
} from '../shared/webhooks/trigger-description';
import { smsDeliveryReportProperties } from './description';

export class SmsDeliveryReportTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Delivery Report Trigger',
		name: 'smsDeliveryReportTrigger',
		icon: {
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		},
		...SMS_TRIGGER_VERSIONING,
		subtitle: gatewaySubtitle('from'),
		...smsTriggerDescription({
			displayName: 'SMS Delivery Report Trigger',
			description:
				"Starts the workflow when Africa's Talking, Gupshup or a Custom HTTP Gateway reports the delivery status of a sent SMS",
			kind: 'deliveryReport',
			webhookPath: { path: 'delivery-report' },
			properties: smsDeliveryReportProperties,
		}),
	};

	webhookMethods = { default: manualUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'deliveryReport');
	}
}

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

import { handleSmsWebhook } from '../shared/webhooks/handle-webhook';
import { manualUrlLifecycle } from '../shared/webhooks/lifecycle';
import { gatewaySubtitle, gatewayWebhookPath } from '../shared/webhooks/properties';
import {
	smsTriggerDescription,
	SMS_TRIGGER_VERSIONING,
} from '../shared/webhooks/trigger-description';
import { smsOptOutProperties } from './description';

export class SmsOptOutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Opt-Out Trigger',
		name: 'smsOptOutTrigger',
		icon: {
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		},
		...SMS_TRIGGER_VERSIONING,
		subtitle: gatewaySubtitle('from'),
		...smsTriggerDescription({
			displayName: 'SMS Opt-Out Trigger',
			description:
				"Starts the workflow when someone opts out of (or back into) your SMS: Africa's Talking opt-out and subscription notifications, and STOP replies on every gateway",
			kind: 'optOut',
			webhookPath: gatewayWebhookPath('opt-out'),
			properties: smsOptOutProperties,
		}),
	};

	webhookMethods = { default: manualUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'optOut');
	}
}

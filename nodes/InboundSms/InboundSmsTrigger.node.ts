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

import { handleSmsWebhook } from '../shared/webhooks/handle-webhook';
import { manualUrlLifecycle } from '../shared/webhooks/lifecycle';
import { gatewaySubtitle, gatewayWebhookPath } from '../shared/webhooks/properties';
import {
	smsTriggerDescription,
	SMS_TRIGGER_VERSIONING,
} from '../shared/webhooks/trigger-description';
import { inboundSmsProperties } from './description';

export class InboundSmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbound SMS Trigger',
		name: 'inboundSmsTrigger',
		icon: {
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		},
		...SMS_TRIGGER_VERSIONING,
		subtitle: gatewaySubtitle('from'),
		...smsTriggerDescription({
			displayName: 'Inbound SMS Trigger',
			description:
				"Starts the workflow when an SMS arrives through Africa's Talking, Gupshup, SMSBox, a DHIS2-format SMS gateway app or any gateway described by a Custom HTTP Gateway profile",
			kind: 'inbound',
			webhookPath: gatewayWebhookPath('inbound'),
			properties: inboundSmsProperties,
		}),
	};

	webhookMethods = { default: manualUrlLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleSmsWebhook.call(this, 'inbound');
	}
}

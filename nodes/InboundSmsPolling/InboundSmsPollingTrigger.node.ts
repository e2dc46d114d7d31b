/**
 * Inbound SMS (Polling) Trigger: incoming SMS fetched from the gateway at n8n's poll times, for
 * instances that cannot receive the gateway's callbacks. Same items as the Inbound SMS Trigger, so a
 * workflow can switch between them. The polling itself is in poll.ts.
 */
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { gatewayCredentials, gatewaySubtitle } from '../shared/n8n/gateway-property';
import { inboundSmsPollingProperties } from './description';
import { pollInboundSms } from './poll';

export class InboundSmsPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inbound SMS (Polling) Trigger',
		name: 'inboundSmsPollingTrigger',
		icon: {
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: gatewaySubtitle('from', 'inboundPolling'),
		description:
			"Starts the workflow with new SMS fetched from Africa's Talking or DHIS2 at set times, without a public URL",
		defaults: { name: 'Inbound SMS (Polling) Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: gatewayCredentials('inboundPolling'),
		properties: inboundSmsPollingProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollInboundSms.call(this);
	}
}

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { gatewayCredentials, gatewaySubtitle } from '../shared/n8n/gateway-property';
import { getApprovedSenderNames } from '../shared/n8n/sender-name-options';
import { sendSmsProperties } from './description';
import { sendSms } from './execute';

export class SendSms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Send SMS',
		name: 'sendSms',
		icon: { light: 'file:../../icons/sms.svg', dark: 'file:../../icons/sms.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: gatewaySubtitle('via', 'send'),
		description:
			"Send SMS to one or many numbers through Africa's Talking, Gupshup, SMSBox or DHIS2, with one result per recipient",
		defaults: { name: 'Send SMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: gatewayCredentials('send'),
		properties: sendSmsProperties,
	};

	methods = { loadOptions: { getApprovedSenderNames } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendSms.call(this);
	}
}

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { gatewayCredentials, gatewayNames } from '../shared/n8n/gateway-property';
import { getApprovedSenderNames } from '../shared/n8n/sender-name-options';
import { changeScheduledSmsProperties } from './description';
import { changeScheduledSms } from './execute';

export class ChangeScheduledSms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Change Scheduled SMS',
		name: 'changeScheduledSms',
		icon: { light: 'file:../../icons/sms.svg', dark: 'file:../../icons/sms.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: `={{ {"edit":"Edit","reschedule":"Reschedule","resume":"Resume","suspend":"Suspend"}[$parameter["operation"]] + " a scheduled SMS (${gatewayNames('scheduledChanges')})" }}`,
		description:
			'Suspend, resume, reschedule or edit an SMSBox message that is scheduled and not sent yet, for example one sent by mistake',
		defaults: { name: 'Change Scheduled SMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: gatewayCredentials('scheduledChanges'),
		properties: changeScheduledSmsProperties,
	};

	methods = { loadOptions: { getApprovedSenderNames } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await changeScheduledSms.call(this);
	}
}

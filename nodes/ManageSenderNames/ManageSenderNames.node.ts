import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { gatewayCredentials, gatewayNames } from '../shared/n8n/gateway-property';
import { manageSenderNamesProperties } from './description';
import { manageSenderNames } from './execute';

export class ManageSenderNames implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manage Sender Names',
		name: 'manageSenderNames',
		icon: { light: 'file:../../icons/sms.svg', dark: 'file:../../icons/sms.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{ {"getAll":"List sender names","request":"Request a sender name"}[$parameter["operation"]] + " (${gatewayNames('senderNames')})" }}`,
		description:
			'List the sender names of an SMSBox account with their approval status, or request a new one',
		defaults: { name: 'Manage Sender Names' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: gatewayCredentials('senderNames'),
		properties: manageSenderNamesProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await manageSenderNames.call(this);
	}
}

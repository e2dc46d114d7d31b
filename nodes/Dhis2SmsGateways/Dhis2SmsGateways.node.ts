import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { gatewayCredentials } from '../shared/n8n/gateway-property';
import { dhis2SmsGatewaysProperties } from './description';
import { dhis2SmsGateways } from './execute';
import { dhis2SmsMessages } from './sms-messages-execute';
import { getSmsGateways } from './gateway-options';

export class Dhis2SmsGateways implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DHIS2 SMS',
		name: 'dhis2SmsGateways',
		icon: { light: 'file:../../icons/sms.svg', dark: 'file:../../icons/sms.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"create":"Create","delete":"Delete","get":"Get","getAll":"Get many","setDefault":"Set default","update":"Update"}[$parameter["operation"]] + " " + {"smsGateway":"SMS gateway","inboundSms":"inbound SMS","outboundSms":"outbound SMS"}[$parameter["resource"]] }}',
		description:
			'Push incoming SMS into DHIS2, list and delete its incoming and outgoing SMS, and manage the SMS gateways it sends with (DHIS2 2.35 and later)',
		defaults: { name: 'DHIS2 SMS Gateways' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: gatewayCredentials('gatewayAdmin'),
		properties: dhis2SmsGatewaysProperties,
	};

	methods = { loadOptions: { getSmsGateways } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		if (resource === 'inboundSms' || resource === 'outboundSms')
			return await dhis2SmsMessages.call(this, resource);
		return await dhis2SmsGateways.call(this);
	}
}

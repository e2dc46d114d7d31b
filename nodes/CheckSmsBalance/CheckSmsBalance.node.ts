import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { gatewayCredentials, gatewaySubtitle } from '../shared/n8n/gateway-property';
import { checkSmsBalanceProperties } from './description';
import { checkSmsBalance } from './execute';

export class CheckSmsBalance implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Check SMS Balance',
		name: 'checkSmsBalance',
		icon: { light: 'file:../../icons/sms.svg', dark: 'file:../../icons/sms.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: gatewaySubtitle('Balance via', 'balance'),
		description:
			"Read the credit left on an Africa's Talking, Gupshup or SMSBox account, and flag it when it falls below a threshold",
		defaults: { name: 'Check SMS Balance' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: gatewayCredentials('balance'),
		properties: checkSmsBalanceProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await checkSmsBalance.call(this);
	}
}

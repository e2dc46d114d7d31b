import type { INodeProperties } from 'n8n-workflow';

import { gatewayProperty } from '../shared/n8n/gateway-property';

/** DHIS2 is not offered: it has no balance (its SMS gateway's account holds the credit). */
export const checkSmsBalanceProperties: INodeProperties[] = [
	gatewayProperty('balance', 'africasTalking'),
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Balance', value: 'balance' }],
		default: 'balance',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the account balance',
				description: 'Get the credit left on the gateway account',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Alert Threshold',
				name: 'threshold',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				default: 0,
				description:
					"Adds belowThreshold (true or false) to the output: true when the balance is below this amount, in the account's currency, so a workflow can alert before a campaign runs dry",
			},
		],
	},
];

/**
 * Premium SMS Subscriptions: the subscribers of a premium short code and keyword (create, get many,
 * delete), on the gateways whose adapter has the premiumSubscriptions capability (Africa's Talking).
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { gatewayCredentials } from '../shared/n8n/gateway-property';
import { premiumSubscriptionsProperties } from './description';
import { premiumSubscriptions } from './execute';

export class PremiumSubscriptions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Premium SMS Subscriptions',
		name: 'premiumSubscriptions',
		icon: { light: 'file:../../icons/sms.svg', dark: 'file:../../icons/sms.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"create":"Subscribe","delete":"Unsubscribe","getAll":"List subscribers"}[$parameter["operation"]] }}',
		description:
			"Subscribe numbers to a premium SMS short code and keyword, list its subscribers, or unsubscribe them (Africa's Talking)",
		defaults: { name: 'Premium SMS Subscriptions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: gatewayCredentials('premiumSubscriptions'),
		properties: premiumSubscriptionsProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await premiumSubscriptions.call(this);
	}
}

/**
 * The Premium SMS Subscriptions node's parameters: the premium product (short code and keyword) and,
 * per operation, the number to subscribe or unsubscribe or how many subscribers to list. The Gateway
 * parameter follows the registry (shared/n8n/gateway-property.ts): hidden while only one gateway
 * manages subscriptions.
 */
import type { INodeProperties } from 'n8n-workflow';

import { gatewayProperty } from '../shared/n8n/gateway-property';
import { returnAllAndLimit } from '../shared/n8n/list-properties';

const showFor = (...operation: string[]) => ({ show: { resource: ['subscription'], operation } });

export const premiumSubscriptionsProperties: INodeProperties[] = [
	gatewayProperty('premiumSubscriptions', 'africasTalking'),
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Subscription', value: 'subscription' }],
		default: 'subscription',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a subscription',
				description:
					'Subscribe a number to a premium short code and keyword; the subscriber confirms on the phone',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a subscription',
				description: 'Unsubscribe a number from a premium short code and keyword',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many subscriptions',
				description: 'List the subscribers of a premium short code and keyword',
			},
		],
		default: 'create',
	},
	{
		displayName: 'Short Code',
		name: 'shortCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '12345',
		displayOptions: { show: { resource: ['subscription'] } },
		description: 'The premium short code of your account',
	},
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'NEWS',
		displayOptions: { show: { resource: ['subscription'] } },
		description: 'The premium keyword of that short code',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711000001',
		displayOptions: showFor('create', 'delete'),
		description: 'The number to subscribe or unsubscribe, with + and its country code',
	},
	...returnAllAndLimit('subscription'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: showFor('getAll'),
		default: {},
		options: [
			{
				displayName: 'After ID',
				name: 'afterId',
				type: 'string',
				default: '',
				description:
					'Only subscriptions with an ID after this one (the ID of the last subscription you already have); empty lists from the first',
			},
		],
	},
];

import type { INodeProperties } from 'n8n-workflow';

import {
	SAMPLE_CONTENT_MAX_LENGTH,
	SAMPLE_CONTENT_MIN_LENGTH,
	SENDER_NAME_MAX_LENGTH,
} from '../shared/adapters/smsbox/sender-names';
import { gatewayProperty } from '../shared/n8n/gateway-property';
import { returnAllAndLimit } from '../shared/n8n/list-properties';

const showFor = (operation: string) => ({
	show: { resource: ['senderName'], operation: [operation] },
});

export const manageSenderNamesProperties: INodeProperties[] = [
	gatewayProperty('senderNames', 'smsBox'),
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Sender Name', value: 'senderName' }],
		default: 'senderName',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['senderName'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many sender names',
				description: 'Get many sender names',
			},
			{
				name: 'Request',
				value: 'request',
				action: 'Request a sender name',
				description: 'Ask the gateway to approve a new sender name; it starts as pending',
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit('senderName'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: showFor('getAll'),
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Only names whose name or sample content contains this text',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Approved', value: 'approved', description: 'Can be used as a sender' },
					{ name: 'Pending', value: 'pending', description: 'Waiting for review' },
					{ name: 'Rejected', value: 'rejected', description: 'Refused by the gateway' },
				],
				default: 'approved',
			},
		],
	},
	{
		displayName: 'Sender ID',
		name: 'senderId',
		type: 'string',
		required: true,
		displayOptions: showFor('request'),
		default: '',
		placeholder: 'CLINIC',
		description: `The sender name to request: at most ${SENDER_NAME_MAX_LENGTH} characters, only letters, digits, space, "-" and ".". It should relate to your organisation and not imitate another brand.`,
	},
	{
		displayName: 'Sample Content',
		name: 'sampleContent',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		displayOptions: showFor('request'),
		default: '',
		placeholder: 'Your appointment at the clinic is tomorrow at 9:00',
		description: `An example of the messages this name will send (${SAMPLE_CONTENT_MIN_LENGTH} to ${SAMPLE_CONTENT_MAX_LENGTH} characters); the gateway reviews it`,
	},
];

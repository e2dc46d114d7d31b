/**
 * The parameters of the DHIS2 node's Inbound SMS and Outbound SMS resources (DHIS2's stored SMS,
 * `/api/sms/inbound` and `/api/sms/outbound`): push one incoming SMS into DHIS2, list them with
 * filters, delete one. The SMS Gateway resource's parameters are in description.ts.
 */
import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../shared/n8n/list-properties';

const forResource = (resource: string, ...operation: string[]) => ({
	show: { resource: [resource], operation },
});

export const inboundSmsOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['inboundSms'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Push an incoming SMS into DHIS2',
			description:
				'Store one incoming SMS in DHIS2, which then runs its SMS commands (data entry, tracker) on it',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an incoming SMS',
			description: 'Delete one incoming SMS DHIS2 stored',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many incoming SMS',
			description: 'List the incoming SMS DHIS2 stored',
		},
	],
	default: 'create',
};

export const outboundSmsOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['outboundSms'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an outgoing SMS',
			description: 'Delete one outgoing SMS DHIS2 stored',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many outgoing SMS',
			description: 'List the SMS DHIS2 sent',
		},
	],
	default: 'getAll',
};

export const smsMessageProperties: INodeProperties[] = [
	{
		displayName: 'Originator',
		name: 'originator',
		type: 'string',
		required: true,
		displayOptions: forResource('inboundSms', 'create'),
		default: '',
		placeholder: '+254711000111',
		description:
			'The phone number the SMS came from. DHIS2 takes SMS only from numbers of its users, unless an SMS command accepts unregistered senders.',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		displayOptions: forResource('inboundSms', 'create'),
		default: '',
		description: 'The text of the SMS, for example a DHIS2 SMS command such as "VISIT 12 3"',
	},
	{
		displayName: 'Gateway ID',
		name: 'inboundGatewayId',
		type: 'string',
		displayOptions: forResource('inboundSms', 'create'),
		default: '',
		description:
			'The gateway the SMS came through, as DHIS2 should record it (DHIS2 stores "UNKNOWN" when empty)',
	},
	{
		displayName: 'Received Date',
		name: 'receivedDate',
		type: 'dateTime',
		displayOptions: forResource('inboundSms', 'create'),
		default: '',
		description: 'When the gateway received the SMS; DHIS2 uses the time it stores it when empty',
	},
	{
		displayName: 'SMS ID',
		name: 'smsId',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['inboundSms', 'outboundSms'], operation: ['delete'] } },
		default: '',
		description: 'The DHIS2 ID of the SMS, as Get Many gives it',
	},
	...returnAllAndLimit('inboundSms'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: forResource('inboundSms', 'getAll'),
		default: {},
		options: [
			{
				displayName: 'Originator',
				name: 'originator',
				type: 'string',
				default: '',
				description: 'Only SMS from this number, as DHIS2 stored it',
			},
			{
				displayName: 'Received After',
				name: 'receivedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only SMS received at or after this time',
			},
			{
				displayName: 'Received Before',
				name: 'receivedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only SMS received at or before this time',
			},
			{
				displayName: 'Text Contains',
				name: 'textContains',
				type: 'string',
				default: '',
				description: 'Only SMS whose text contains this',
			},
		],
	},
	...returnAllAndLimit('outboundSms'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: forResource('outboundSms', 'getAll'),
		default: {},
		options: [
			{
				displayName: 'Message Contains',
				name: 'messageContains',
				type: 'string',
				default: '',
				description: 'Only SMS whose text contains this',
			},
			{
				displayName: 'Sent After',
				name: 'sentAfter',
				type: 'dateTime',
				default: '',
				description: 'Only SMS sent at or after this time',
			},
			{
				displayName: 'Sent Before',
				name: 'sentBefore',
				type: 'dateTime',
				default: '',
				description: 'Only SMS sent at or before this time',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Any', value: '' },
					{ name: 'Delivered', value: 'DELIVERED' },
					{ name: 'Error', value: 'ERROR' },
					{ name: 'Failed', value: 'FAILED' },
					{ name: 'Outbound', value: 'OUTBOUND' },
					{ name: 'Pending', value: 'PENDING' },
					{ name: 'Scheduled', value: 'SCHEDULED' },
					{ name: 'Sent', value: 'SENT' },
				],
				default: '',
				description: 'Only SMS with this DHIS2 status',
			},
		],
	},
];

import type { INodeProperties } from 'n8n-workflow';

import { gatewayProperty } from '../shared/n8n/gateway-property';
import { createProperties, updateOptions } from './gateway-fields';
import {
	inboundSmsOperation,
	outboundSmsOperation,
	smsMessageProperties,
} from './sms-message-fields';

const resource = ['smsGateway'];
const showFor = (...operation: string[]) => ({ show: { resource, operation } });

const isDefaultOption: INodeProperties = {
	displayName: 'Is Default',
	name: 'isDefault',
	type: 'boolean',
	default: false,
	description:
		'Whether this gateway is the default. DHIS2 refuses it while another gateway is the default ("Default gateway already exists"): use the Set Default operation to switch.',
};

export const dhis2SmsGatewaysProperties: INodeProperties[] = [
	gatewayProperty('gatewayAdmin', 'dhis2'),
	{
		displayName:
			'Needs DHIS2 2.35 or later (the /api/gateways endpoint). Older servers are configured in their own user interface.',
		name: 'versionNotice',
		type: 'notice',
		displayOptions: { show: { resource } },
		default: '',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Inbound SMS Message',
				value: 'inboundSms',
				description: 'The incoming SMS DHIS2 stores and runs its SMS commands on',
			},
			{ name: 'Outbound SMS Message', value: 'outboundSms', description: 'The SMS DHIS2 sent' },
			{
				name: 'SMS Gateway',
				value: 'smsGateway',
				description: 'The gateways DHIS2 sends SMS with',
			},
		],
		default: 'smsGateway',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an SMS gateway',
				description: 'Add a gateway configuration; the first one becomes the default',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an SMS gateway',
				description:
					'Remove a gateway configuration; if it was the default, another one becomes the default',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an SMS gateway',
				description: 'Get one gateway configuration, secrets masked',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SMS gateways',
				description: 'Get many SMS gateways',
			},
			{
				name: 'Set Default',
				value: 'setDefault',
				action: 'Set the default SMS gateway',
				description: 'Make a gateway the one DHIS2 sends with',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an SMS gateway',
				description: 'Change some fields of a gateway configuration; the others keep their values',
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'SMS Gateway Name or ID',
		name: 'gatewayId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSmsGateways' },
		required: true,
		displayOptions: showFor('get', 'update', 'delete', 'setDefault'),
		default: '',
		description:
			'The gateway configuration. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Gateway Type',
		name: 'gatewayType',
		type: 'options',
		noDataExpression: true,
		required: true,
		displayOptions: showFor('create', 'update'),
		options: [
			{
				name: 'BulkSMS',
				value: 'bulksms',
				description: 'BulkSMS.com, with its username and password',
			},
			{ name: 'Clickatell', value: 'clickatell', description: 'Clickatell, with its API key' },
			{
				name: 'Generic HTTP',
				value: 'http',
				description: 'Any provider with an HTTP API, described by a URL, a template and parameters',
			},
			{ name: 'SMPP', value: 'smpp', description: 'An SMS centre reached over SMPP' },
		],
		default: 'http',
		description:
			'The kind of gateway. An existing gateway keeps its type: on update, choose the type it has.',
	},
	...createProperties({ resource, operation: ['create'] }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: showFor('update'),
		default: {},
		options: [...updateOptions(), isDefaultOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	inboundSmsOperation,
	outboundSmsOperation,
	...smsMessageProperties,
];

/**
 * The fields of a DHIS2 SMS gateway configuration, defined once per field and per gateway type
 * (docs/gateways/dhis2.md#gateway-administration), and shown twice: as parameters of "Create" and as "Update Fields".
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	BIND_TYPES,
	CONTENT_TYPES,
	NUMBER_PLAN_INDICATORS,
	TYPES_OF_NUMBER,
} from '../shared/adapters/dhis2/gateway-config';
import type { SmsGatewayType } from '../shared/core/adapter';

export interface GatewayField {
	types: SmsGatewayType[];
	/** The types for which "Create" cannot work without it. */
	requiredFor?: SmsGatewayType[];
	property: INodeProperties;
}

const CONTENT_TYPE_NAMES: Record<(typeof CONTENT_TYPES)[number], string> = {
	APPLICATION_JSON: 'JSON (application/json)',
	APPLICATION_XML: 'XML (application/xml)',
	FORM_URL_ENCODED: 'Form (application/x-www-form-urlencoded)',
	TEXT_PLAIN: 'Text (text/plain)',
};

const words = (value: string) =>
	value
		.split('_')
		.map((w) => w.charAt(0) + w.slice(1).toLowerCase())
		.join(' ');

export const GATEWAY_FIELDS: GatewayField[] = [
	{
		types: ['http', 'bulksms', 'clickatell', 'smpp'],
		requiredFor: ['http', 'bulksms', 'clickatell', 'smpp'],
		property: {
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'A name to recognise the gateway by in DHIS2',
		},
	},
	{
		types: ['http', 'clickatell'],
		requiredFor: ['http'],
		property: {
			displayName: 'URL',
			name: 'urlTemplate',
			type: 'string',
			default: '',
			placeholder: 'https://sms.example.com/api/send',
			description:
				'The address DHIS2 calls to send each SMS (Clickatell: https://platform.clickatell.com/messages)',
		},
	},
	{
		types: ['http', 'bulksms', 'clickatell'],
		requiredFor: ['bulksms'],
		property: {
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description: 'The account name at the SMS provider',
		},
	},
	{
		types: ['http', 'bulksms', 'clickatell', 'smpp'],
		requiredFor: ['bulksms'],
		property: {
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The password at the SMS provider. DHIS2 stores it encrypted and this node never shows it; on update, leave it out to keep the stored one.',
		},
	},
	{
		types: ['clickatell'],
		requiredFor: ['clickatell'],
		property: {
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The Clickatell API key. DHIS2 stores it encrypted and this node never shows it; on update, leave it out to keep the stored one.',
		},
	},
	{
		types: ['http'],
		property: {
			displayName: 'Configuration Template',
			name: 'configurationTemplate',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: '{"to": "${recipients}", "body": "${text}", "key": "${apiKey}"}',
			description:
				'The request body DHIS2 sends: ${text}, ${recipients} (comma-separated) and ${key} of each parameter are replaced. DHIS2 URL-encodes the text even in a JSON body.',
		},
	},
	{
		types: ['http'],
		property: {
			displayName: 'Content Type',
			name: 'contentType',
			type: 'options',
			options: CONTENT_TYPES.map((value) => ({ name: CONTENT_TYPE_NAMES[value], value })).sort(
				(a, b) => a.name.localeCompare(b.name),
			),
			default: 'FORM_URL_ENCODED',
			description: 'The Content-Type of the request DHIS2 sends',
		},
	},
	{
		types: ['http'],
		property: {
			displayName: 'Use GET',
			name: 'useGet',
			type: 'boolean',
			default: false,
			description: 'Whether DHIS2 calls the URL with GET instead of POST',
		},
	},
	{
		types: ['http'],
		property: {
			displayName: 'Send URL Parameters',
			name: 'sendUrlParameters',
			type: 'boolean',
			default: false,
			description: 'Whether DHIS2 also appends the filled-in template to the URL as a query string',
		},
	},
	{
		types: ['http'],
		property: {
			displayName: 'Parameters',
			name: 'parameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			description: 'Values DHIS2 puts into the template as ${key}, or sends as headers',
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{
							displayName: 'Confidential',
							name: 'confidential',
							type: 'boolean',
							default: false,
							description:
								'Whether DHIS2 stores the value encrypted and never shows it again (use it for keys and passwords). On update, an empty value keeps the stored one.',
						},
						{
							displayName: 'Encode',
							name: 'encode',
							type: 'boolean',
							default: false,
							description: 'Whether DHIS2 Base64-encodes the value before sending it',
						},
						{
							displayName: 'Header',
							name: 'header',
							type: 'boolean',
							default: false,
							description:
								'Whether to send it as an HTTP header instead of in the body (a key "Authorization" gets a "Basic " prefix from DHIS2)',
						},
						{
							displayName: 'Key',
							name: 'key',
							type: 'string',
							default: '',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
	},
	{
		types: ['smpp'],
		requiredFor: ['smpp'],
		property: {
			displayName: 'System ID',
			name: 'systemId',
			type: 'string',
			default: '',
			description: 'The SMPP account (system_id) given by the SMS centre',
		},
	},
	{
		types: ['smpp'],
		requiredFor: ['smpp'],
		property: {
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: '',
			placeholder: 'smpp.example.com',
			description: 'The SMS centre to connect to',
		},
	},
	{
		types: ['smpp'],
		requiredFor: ['smpp'],
		property: {
			displayName: 'Port',
			name: 'port',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 65535 },
			default: 2775,
		},
	},
	{
		types: ['smpp'],
		property: {
			displayName: 'System Type',
			name: 'systemType',
			type: 'string',
			default: '',
			description: 'The system_type the SMS centre expects, often empty',
		},
	},
	{
		types: ['smpp'],
		property: {
			displayName: 'Bind Type',
			name: 'bindType',
			type: 'options',
			options: BIND_TYPES.map((value) => ({ name: value, value })),
			default: 'BIND_TX',
			description:
				'Transmitter (BIND_TX) sends only; receiver (BIND_RX) receives only; transceiver (BIND_TRX) does both',
		},
	},
	{
		types: ['smpp'],
		property: {
			displayName: 'Numbering Plan Indicator',
			name: 'numberPlanIndicator',
			type: 'options',
			options: NUMBER_PLAN_INDICATORS.map((value) => ({ name: words(value), value })),
			default: 'UNKNOWN',
		},
	},
	{
		types: ['smpp'],
		property: {
			displayName: 'Type of Number',
			name: 'typeOfNumber',
			type: 'options',
			options: TYPES_OF_NUMBER.map((value) => ({ name: words(value), value })),
			default: 'UNKNOWN',
		},
	},
	{
		types: ['smpp'],
		property: {
			displayName: 'Compressed',
			name: 'compressed',
			type: 'boolean',
			default: false,
			description: 'Whether DHIS2 compresses the messages it sends over SMPP',
		},
	},
	{
		types: ['http', 'bulksms', 'clickatell', 'smpp'],
		property: {
			displayName: 'Max SMS Length',
			name: 'maxSmsLength',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"The longest text DHIS2 sends through this gateway, in characters; 0 leaves DHIS2's system setting (1071 by default)",
		},
	},
];

/** "Create": every field of the chosen type, as a parameter of its own. */
export function createProperties(show: {
	resource: string[];
	operation: string[];
}): INodeProperties[] {
	return GATEWAY_FIELDS.map((field) => ({
		...field.property,
		// Marked required only when every type it shows for needs it; the adapter checks the rest.
		required: field.types.every((t) => field.requiredFor?.includes(t) ?? false),
		displayOptions: { show: { ...show, gatewayType: field.types } },
	}));
}

/** "Update": the same fields in a collection, each shown for the types it belongs to. */
export function updateOptions(): INodeProperties[] {
	return GATEWAY_FIELDS.map((field) => ({
		...field.property,
		displayOptions: { show: { '/gatewayType': field.types } },
	}));
}

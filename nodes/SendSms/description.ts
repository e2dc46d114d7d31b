import type { INodeProperties } from 'n8n-workflow';

import { gatewayProperty } from '../shared/n8n/gateway-property';

export const sendSmsProperties: INodeProperties[] = [
	gatewayProperty('send', 'africasTalking'),
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711000001, +254722000002',
		description:
			'One phone number, a comma-separated list or an array, usually an expression that reads the phone column of the incoming items. Numbers of the same message are sent together in as few requests as the gateway allows.',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description:
			'The text to send. [{RECEIVERNAME}] is replaced by the Recipient Name, so one campaign message can greet everyone by name.',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		displayOptions: { hide: { gateway: ['dhis2', 'smsBox'] } },
		description:
			"Sender ID or short code. Africa's Talking: a registered sender ID or short code (empty = the account's default). Gupshup: required for India only.",
	},
	// SMSBox sends only from an approved sender name (code 111), so its "From" lists them. Same
	// parameter name: the value and expressions carry over, and the send code reads "from" as before.
	{
		displayName: 'From Name or ID',
		name: 'from',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getApprovedSenderNames', loadOptionsDependsOn: ['gateway'] },
		default: '',
		displayOptions: { show: { gateway: ['smsBox'] } },
		description:
			'An approved SMSBox sender name (or a sender number). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Recipient Name',
		name: 'recipientName',
		type: 'string',
		default: '',
		description:
			'Replaces [{RECEIVERNAME}] in the message, usually an expression that reads the name column of the incoming items',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					"Recipients per request; 0 uses the gateway's maximum (Africa's Talking 500, SMSBox 1000, DHIS2 200, Gupshup 1)",
			},
			{
				displayName: 'Cost Per SMS Part',
				name: 'costPerSegment',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 4 },
				default: 0,
				description:
					'Your price for one SMS part. With Dry Run, each recipient gets an estimated cost (parts × this price).',
			},
			{
				displayName: 'Deduplicate Recipients',
				name: 'deduplicate',
				type: 'boolean',
				default: true,
				description:
					'Whether to send a message only once to a number that appears several times with the same text and sender in this run',
			},
			{
				displayName: 'Default Country',
				name: 'defaultCountry',
				type: 'string',
				default: '',
				placeholder: 'KE',
				description:
					'Two-letter country code used for numbers written without their country code (for example 0711 000 001 with KE)',
			},
			{
				displayName: 'Dry Run',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description:
					'Whether to only validate and normalise the numbers, count SMS parts and estimate the cost, without sending anything',
			},
			{
				displayName: 'Encoding',
				name: 'encodingPolicy',
				type: 'options',
				options: [
					{
						name: 'Automatic',
						value: 'auto',
						description:
							'GSM-7 when possible, Unicode (UCS-2) when the text needs it and the gateway accepts it',
					},
					{
						name: 'GSM-7 Only',
						value: 'gsm7Only',
						description: 'Refuse texts that would need Unicode (shorter, cheaper parts)',
					},
					{
						name: 'Replace Look-Alikes',
						value: 'replaceLookAlikes',
						description:
							'Turn curly quotes, long dashes, ellipses and similar characters into plain GSM-7 ones',
					},
				],
				default: 'auto',
			},
			{
				displayName: 'Enqueue',
				name: 'enqueue',
				type: 'boolean',
				default: false,
				displayOptions: { show: { '/gateway': ['africasTalking'] } },
				description:
					"Whether Africa's Talking should queue the batch and answer at once (recommended for very large sends)",
			},
			{
				displayName: 'Exclude Numbers',
				name: 'excludeNumbers',
				type: 'string',
				default: '',
				placeholder: "{{ $('Suppression list').all().map(i => i.json.phone) }}",
				description:
					'Numbers that must not receive this message (opt-outs, a suppression list): a comma-separated list, an array, or an expression such as all the numbers a Data Table node read earlier. Read once per run (for the first item), normalised like the recipients (Default Country included); listed recipients get status suppressed and are never sent. Entries that are not phone numbers are ignored and counted in a note.',
			},
			{
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				displayOptions: { show: { '/gateway': ['africasTalking'] } },
				description: "Premium SMS: the product keyword of your Africa's Talking short code",
			},
			{
				displayName: 'Link ID',
				name: 'linkId',
				type: 'string',
				default: '',
				displayOptions: { show: { '/gateway': ['africasTalking'] } },
				description:
					'Premium on-demand SMS: the linkId of the inbound message you are replying to, as the Inbound SMS Trigger outputs it',
			},
			{
				displayName: 'Max Concurrency',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: 10,
				description:
					"How many requests may be in flight at once. Without this option: Africa's Talking 25, Gupshup 25, SMSBox 10, DHIS2 10. A gateway that answers 429 is waited for as it asks.",
			},
			{
				displayName: 'Retry Duration (Hours)',
				name: 'retryDurationInHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				displayOptions: { show: { '/gateway': ['africasTalking'] } },
				description:
					"Premium SMS (with Keyword or Link ID): how many hours Africa's Talking keeps retrying a message that was not delivered. 0 leaves it to Africa's Talking.",
			},
			{
				displayName: 'Schedule Time',
				name: 'scheduleTime',
				type: 'dateTime',
				default: '',
				description:
					"Send later (SMSBox only; other gateways cannot schedule and will refuse the item). A time without an offset is read in the workflow's time zone.",
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1000 },
				default: 30000,
				description:
					'How long to wait for the gateway to answer a request. A request that times out is not sent again; its recipients are reported with status unknown.',
			},
		],
	},
];

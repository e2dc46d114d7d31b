import type { INodeProperties } from 'n8n-workflow';

import { gatewayProperty } from '../shared/n8n/gateway-property';

const showFor = (...operation: string[]) => ({
	show: { resource: ['scheduledMessage'], operation },
});

export const changeScheduledSmsProperties: INodeProperties[] = [
	gatewayProperty('scheduledChanges', 'smsBox'),
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Scheduled Message', value: 'scheduledMessage' }],
		default: 'scheduledMessage',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['scheduledMessage'] } },
		options: [
			{
				name: 'Edit',
				value: 'edit',
				action: 'Edit the text or sender of a scheduled message',
				description: 'Change the text, the sender name or both',
			},
			{
				name: 'Reschedule',
				value: 'reschedule',
				action: 'Reschedule a message',
				description: 'Send it at another time',
			},
			{
				name: 'Resume',
				value: 'resume',
				action: 'Resume a suspended message',
				description: 'Send it at its scheduled time again (at once if that time has passed)',
			},
			{
				name: 'Suspend',
				value: 'suspend',
				action: 'Suspend a scheduled message',
				description: 'Stop it from being sent until it is resumed',
			},
		],
		default: 'suspend',
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'sms-2025050112252123117a517ef211f2dbdb',
		description:
			'The messageId Send SMS returned for the scheduled message, with or without the "message_id:" prefix SMSBox writes',
	},
	{
		displayName: 'New Time',
		name: 'newTime',
		type: 'dateTime',
		required: true,
		displayOptions: showFor('reschedule'),
		default: '',
		description:
			"When to send the message, in the workflow's time zone unless the value says otherwise. SMSBox schedules in GMT+0 to the minute (yyyy-mm-dd hh:mm); the time must be in the future.",
	},
	{
		displayName: 'New Text',
		name: 'newText',
		type: 'string',
		typeOptions: { rows: 4 },
		displayOptions: showFor('edit'),
		default: '',
		description:
			"The new text (plain GSM-7 characters; SMSBox refuses Unicode). [{RECEIVERNAME}] is replaced by each recipient's name again. Empty keeps the current text.",
	},
	{
		displayName: 'New Sender Name or ID',
		name: 'newSender',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getApprovedSenderNames' },
		displayOptions: showFor('edit'),
		default: '',
		description:
			'An approved sender name; empty keeps the current one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

import type { INodeProperties } from 'n8n-workflow';

import { smsTriggerProperties } from '../shared/webhooks/properties';

export const smsDeliveryReportProperties: INodeProperties[] = smsTriggerProperties(
	'deliveryReport',
	[
		{
			displayName: 'Statuses',
			name: 'statusFilter',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'All Statuses',
					value: 'all',
					description: 'Every report, including the intermediate ones (queued, sent)',
				},
				{
					name: 'Failures Only',
					value: 'failures',
					description:
						'Only reports of messages that were not delivered (failed, rejected, expired)',
				},
				{
					name: 'Final Statuses Only',
					value: 'final',
					description: 'Only reports that end a message: delivered, failed, rejected or expired',
				},
			],
			default: 'all',
			description:
				'Which delivery reports start the workflow. The others are still acknowledged to the gateway, so it does not send them again.',
		},
	],
);

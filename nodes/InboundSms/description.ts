import type { INodeProperties } from 'n8n-workflow';

import {
	ACCEPT_ALL_EVENT_KINDS_OPTION,
	commonTriggerProperties,
} from '../shared/webhooks/properties';

export const inboundSmsProperties: INodeProperties[] = [
	...commonTriggerProperties('inbound', 'africasTalking'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [ACCEPT_ALL_EVENT_KINDS_OPTION],
	},
];

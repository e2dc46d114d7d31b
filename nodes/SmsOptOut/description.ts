import type { INodeProperties } from 'n8n-workflow';

import { KEYWORD_NOTICE } from '../shared/webhooks/notices';
import {
	ACCEPT_ALL_EVENT_KINDS_OPTION,
	commonTriggerProperties,
} from '../shared/webhooks/properties';
import { DEFAULT_STOP_KEYWORDS } from '../shared/webhooks/stop-keywords';

export const smsOptOutProperties: INodeProperties[] = [
	...commonTriggerProperties('optOut', 'africasTalking'),
	{
		displayName: KEYWORD_NOTICE,
		name: 'keywordNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Opt-Out Keywords',
		name: 'stopKeywords',
		type: 'string',
		default: DEFAULT_STOP_KEYWORDS.join(', '),
		description:
			'Comma-separated. An incoming message that is exactly one of these words, ignoring case, punctuation and spaces, is an opt-out. Empty turns keyword detection off.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			ACCEPT_ALL_EVENT_KINDS_OPTION,
			{
				displayName: 'Include Opt-Ins',
				name: 'includeOptIns',
				type: 'boolean',
				default: true,
				description:
					"Whether to also start the workflow for opt-ins (type optIn): Africa's Talking subscription additions and Opt-In Keywords",
			},
			{
				displayName: 'Opt-In Keywords',
				name: 'optInKeywords',
				type: 'string',
				default: '',
				placeholder: 'START, UNSTOP',
				description:
					'Comma-separated words that opt a number back in when an incoming message is exactly one of them',
			},
		],
	},
];

import type { INodeProperties } from 'n8n-workflow';

import { KEYWORD_NOTICE } from '../shared/webhooks/notices';
import { smsTriggerProperties } from '../shared/webhooks/properties';
import { DEFAULT_STOP_KEYWORDS } from '../shared/webhooks/stop-keywords';

const KEYWORD_PARAMETERS: INodeProperties[] = [
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
];

const OPT_IN_OPTIONS: INodeProperties[] = [
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
];

export const smsOptOutProperties: INodeProperties[] = smsTriggerProperties(
	'optOut',
	KEYWORD_PARAMETERS,
	OPT_IN_OPTIONS,
);

/**
 * The parameters of the Inbound SMS (Polling) Trigger: the gateway (those whose adapter can fetch
 * incoming messages) and a notice of what polling means. n8n adds the "Poll Times" parameter
 * itself to a node with `polling: true`.
 */
import type { INodeProperties } from 'n8n-workflow';

import { gatewayProperty } from '../shared/n8n/gateway-property';

export const inboundSmsPollingProperties: INodeProperties[] = [
	gatewayProperty('inboundPolling', 'africasTalking'),
	{
		displayName:
			'For n8n instances the gateway cannot reach (desktop, behind NAT): asks the gateway for new messages at the poll times. Its first poll starts after the newest stored message; each message is emitted once. "Fetch Test Event" returns the newest message and changes nothing. The items are the same as the Inbound SMS Trigger\'s (with the same eventId for DHIS2; for Africa\'s Talking only if its callbacks and its inbox use the same message ID, which it does not document).',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
];

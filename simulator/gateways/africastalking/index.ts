/**
 * Africa's Talking under /africastalking. The api host and the content (premium) host both
 * map to this one prefix, so /version1/messaging serves bulk and premium sends alike.
 */
import type { SimContext } from '../../core/context';
import { textReply } from '../../core/http-io';
import type { MessageRecord } from '../../core/types';
import type { GatewayModule, InboundCapable, InboundInput, InboundResult } from '../gateway';
import { reportAtDelivery } from './callbacks';
import { handleFetchInbox, receiveAtInbound } from './inbox';
import { handleFormSend, handleJsonBulkSend } from './send';
import { AtState } from './state';
import type { SubscriptionUpdate } from './subscriptions';
import {
	handleCreateCheckoutToken,
	handleCreateSubscription,
	handleDeleteSubscription,
	handleFetchSubscriptions,
	optOut,
	updateSubscription,
} from './subscriptions';
import { handleUser } from './user';

export interface AfricasTalkingModule extends GatewayModule, InboundCapable {
	optOut(senderId: string, phoneNumber: string): InboundResult;
	updateSubscription(update: SubscriptionUpdate): InboundResult;
}

export function createAfricasTalking(ctx: SimContext): AfricasTalkingModule {
	const state = new AtState();
	return {
		name: 'africasTalking',
		routes: [
			{
				method: 'POST',
				pattern: '/version1/messaging',
				handler: (req) => handleFormSend(ctx, state, req),
			},
			{
				method: 'GET',
				pattern: '/version1/messaging',
				handler: (req) => handleFetchInbox(ctx, state, req),
			},
			{
				method: 'POST',
				pattern: '/version1/messaging/bulk',
				handler: (req) => handleJsonBulkSend(ctx, state, req),
			},
			{ method: 'GET', pattern: '/version1/user', handler: (req) => handleUser(ctx, req) },
			{
				method: 'POST',
				pattern: '/checkout/token/create',
				handler: (req) => handleCreateCheckoutToken(ctx, state, req),
			},
			{
				method: 'POST',
				pattern: '/version1/subscription/create',
				handler: (req) => handleCreateSubscription(ctx, state, req),
			},
			{
				method: 'GET',
				pattern: '/version1/subscription',
				handler: (req) => handleFetchSubscriptions(ctx, state, req),
			},
			{
				method: 'POST',
				pattern: '/version1/subscription/delete',
				handler: (req) => handleDeleteSubscription(ctx, state, req),
			},
		],
		// inferred (docs/gateways/africastalking.md#hosts-and-authentication) for the next four: AT's bodies for these are not documented; plain text like its 401.
		notFound: () => textReply(404, 'Not Found'),
		methodNotAllowed: () => textReply(405, 'Method Not Allowed'),
		faultReply: (kind, retryAfterSeconds) =>
			kind === 'rateLimit'
				? textReply(429, 'Too Many Requests', { 'Retry-After': String(retryAfterSeconds) })
				: textReply(503, 'Service Unavailable'),
		internalError: () => textReply(500, 'Internal Server Error'),
		reset: () => state.reset(),
		presetOutcome: (record: MessageRecord) =>
			state.invalidLinkIds.has(record.seq)
				? { outcome: 'failed', failureReason: 'InvalidLinkId', networkCode: null }
				: null,
		reportDelivery: (record) => reportAtDelivery(ctx, record),
		receiveInbound: (input: InboundInput) => receiveAtInbound(ctx, state, input),
		optOut: (senderId, phoneNumber) => optOut(ctx, state, senderId, phoneNumber),
		updateSubscription: (update) => updateSubscription(ctx, state, update),
	};
}

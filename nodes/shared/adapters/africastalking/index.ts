import type { GatewayAdapter } from '../../core/adapter';
import { africasTalkingBalance } from './balance';
import { africasTalkingInboundPolling } from './polling';
import { africasTalkingSend } from './send';
import { africasTalkingPremiumSubscriptions } from './subscriptions';
import { africasTalkingWebhooks } from './webhooks';

export const africasTalking: GatewayAdapter = {
	id: 'africasTalking',
	displayName: "Africa's Talking",
	credentialType: 'africasTalkingApi',
	// No rate or concurrency limit is published, and the official Node SDK sets none: its
	// send([...]) starts every request of the list at once (lib/sms.js, Promise.allSettled).
	// Broadcasts need one request per 500 recipients, but a personalised text is one request per
	// recipient: 25 in flight at 100-300 ms is about 80-250 requests/s, 5,000 personalised
	// messages in about 20-60 s. A 429 with Retry-After is the brake.
	defaultSendConcurrency: 25,
	send: africasTalkingSend,
	balance: africasTalkingBalance,
	inboundPolling: africasTalkingInboundPolling,
	webhooks: africasTalkingWebhooks,
	premiumSubscriptions: africasTalkingPremiumSubscriptions,
};

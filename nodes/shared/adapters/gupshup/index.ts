import type { GatewayAdapter } from '../../core/adapter';
import { gupshupBalance } from './balance';
import { gupshupSend } from './send';
import { gupshupWebhooks } from './webhooks';

export const gupshup: GatewayAdapter = {
	id: 'gupshup',
	displayName: 'Gupshup',
	credentialType: 'gupshupApi',
	// One destination per request, so the request rate is the message rate. Gupshup publishes no
	// limit for its SMS send endpoint (the only one it publishes, 10 requests/s, is for its partner
	// wallet API). 25 in flight at 100-300 ms is about 80-250 messages/s; a 429 with Retry-After
	// is the brake.
	defaultSendConcurrency: 25,
	send: gupshupSend,
	balance: gupshupBalance,
	webhooks: gupshupWebhooks,
};

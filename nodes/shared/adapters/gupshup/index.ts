import type { GatewayAdapter } from '../../core/adapter';
import { gupshupBalance } from './balance';
import { gupshupSend } from './send';
import { gupshupWebhooks } from './webhooks';

export const gupshup: GatewayAdapter = {
	id: 'gupshup',
	displayName: 'Gupshup',
	credentialType: 'gupshupApi',
	send: gupshupSend,
	balance: gupshupBalance,
	webhooks: gupshupWebhooks,
};

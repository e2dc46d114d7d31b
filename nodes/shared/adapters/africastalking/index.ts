import type { GatewayAdapter } from '../../core/adapter';
import { africasTalkingBalance } from './balance';
import { africasTalkingInboundPolling } from './polling';
import { africasTalkingSend } from './send';
import { africasTalkingWebhooks } from './webhooks';

export const africasTalking: GatewayAdapter = {
	id: 'africasTalking',
	displayName: "Africa's Talking",
	credentialType: 'africasTalkingApi',
	send: africasTalkingSend,
	balance: africasTalkingBalance,
	inboundPolling: africasTalkingInboundPolling,
	webhooks: africasTalkingWebhooks,
};

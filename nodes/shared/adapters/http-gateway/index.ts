/**
 * The Custom HTTP Gateway (`httpGateway`): a gateway with no code of its own, described entirely by
 * the profile in its `httpSmsGatewayApi` credential (profile.ts), so any provider with an HTTP API
 * can be used by every node that sends or checks a balance, and by the Inbound SMS and Delivery Report
 * triggers (and the Opt-Out trigger's STOP replies) with the profile's callback mapping.
 */
import type { GatewayAdapter } from '../../core/adapter';
import { httpGatewayBalance } from './balance';
import { httpGatewaySend } from './send';
import { httpGatewayWebhooks } from './webhooks';

export const httpGateway: GatewayAdapter = {
	id: 'httpGateway',
	displayName: 'Custom HTTP Gateway',
	credentialType: 'httpSmsGatewayApi',
	send: httpGatewaySend,
	balance: httpGatewayBalance,
	webhooks: httpGatewayWebhooks,
};

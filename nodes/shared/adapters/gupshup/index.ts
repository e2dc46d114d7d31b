import type { GatewayAdapter } from '../../core/adapter';
import { gupshupBalance } from './balance';
import { gupshupSend } from './send';

export const gupshup: GatewayAdapter = {
	id: 'gupshup',
	displayName: 'Gupshup',
	credentialType: 'gupshupApi',
	send: gupshupSend,
	balance: gupshupBalance,
};

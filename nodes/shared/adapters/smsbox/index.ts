import type { GatewayAdapter } from '../../core/adapter';
import { smsBoxBalance } from './balance';
import { smsBoxSend } from './send';

export const smsBox: GatewayAdapter = {
	id: 'smsBox',
	displayName: 'SMSBox',
	credentialType: 'smsBoxApi',
	send: smsBoxSend,
	balance: smsBoxBalance,
};

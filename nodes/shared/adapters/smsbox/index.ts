import type { GatewayAdapter } from '../../core/adapter';
import { smsBoxBalance } from './balance';
import { smsBoxScheduledChanges } from './scheduled-changes';
import { smsBoxSend } from './send';
import { smsBoxSenderNames } from './sender-names';
import { smsBoxWebhooks } from './webhooks';

export const smsBox: GatewayAdapter = {
	id: 'smsBox',
	displayName: 'SMSBox',
	credentialType: 'smsBoxApi',
	send: smsBoxSend,
	balance: smsBoxBalance,
	senderNames: smsBoxSenderNames,
	scheduledChanges: smsBoxScheduledChanges,
	webhooks: smsBoxWebhooks,
};

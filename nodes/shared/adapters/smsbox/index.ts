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
	// Up to 1,000 recipients per request, personalised ones too (its own [{RECEIVERNAME}]), so a
	// campaign needs few requests: 10 in flight sends 10,000 recipients per round trip. SMSBox
	// publishes no limit; its samples send one request at a time.
	defaultSendConcurrency: 10,
	send: smsBoxSend,
	balance: smsBoxBalance,
	senderNames: smsBoxSenderNames,
	scheduledChanges: smsBoxScheduledChanges,
	webhooks: smsBoxWebhooks,
};

/**
 * SMSBox two-way callback (docs/gateways/smsbox.md#two-way-callback): POST JSON with a nested `message`; the client must
 * answer {"transaction_id": <the same id>, "successful": true}. Any other answer is retried.
 */
import type { SimContext } from '../../core/context';
import type { InboundInput, InboundResult } from '../gateway';

function acknowledges(transactionId: string) {
	return (status: number, body: string): boolean => {
		if (status < 200 || status >= 300) return false;
		try {
			const answer = JSON.parse(body) as { transaction_id?: unknown; successful?: unknown };
			// The samples return the id as received and the boolean true.
			return String(answer.transaction_id) === transactionId && answer.successful === true;
		} catch {
			return false;
		}
	};
}

export function receiveSmsboxInbound(ctx: SimContext, input: InboundInput): InboundResult {
	const transactionId = ctx.ids.hex(14);
	const payload = {
		from: input.from.replace(/^\+/, ''),
		to: input.to ?? ctx.accounts.smsBox.twoWayNumber,
		channel: 'sms',
		// "Wed, 14 Jun 2017 07:00:00 GMT" (documented sample (docs/gateways/smsbox.md#two-way-callback)): the HTTP date format.
		timeUTC: new Date(ctx.clock.now()).toUTCString(),
		transaction_id: transactionId,
		message: { text: input.text, media: { mediaUrl: '' }, custom: {} },
		billing: {
			currency: ctx.accounts.smsBox.currency,
			subscriber_price: '0.00',
			billing_price: '0.00',
		},
	};
	const callback = ctx.callbacks.sendIfConfigured(ctx.config.callbacks.smsBox.inbound, {
		gateway: 'smsBox',
		kind: 'inbound',
		contentType: 'application/json',
		body: JSON.stringify(payload),
		acknowledged: acknowledges(transactionId),
		messageId: transactionId,
		// "You can validate the API Key on each callback request" (SMSBox's documentation, docs/gateways/smsbox.md#two-way-callback): the key, in the
		// header the doc's tables name (INF: how it is sent is not documented).
		...(ctx.config.smsboxCallbackApiKey
			? { headers: { 'api-key': ctx.accounts.smsBox.apiKey } }
			: {}),
	});
	return { inbound: payload, callback };
}

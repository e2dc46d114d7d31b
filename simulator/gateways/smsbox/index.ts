/** SMSBox (smsbox.devotek.africa) under /smsbox, base path /api/sms/v1/ (docs/gateways/smsbox.md#sending). */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { jsonReply } from '../../core/http-io';
import type { GatewayModule, InboundCapable } from '../gateway';
import { checkSmsboxAuth } from './auth';
import { receiveSmsboxInbound } from './callbacks';
import { handleChangeSmsInfo } from './change';
import { smsboxOk } from './replies';
import { handleSmsboxSend } from './send';
import { handleQuerySenderNames, handleRequestSenderName, SenderNames } from './sender-names';

export interface SmsboxModule extends GatewayModule, InboundCapable {
	readonly senderNames: SenderNames;
}

/** GET query_sms_balance: `data` is an array with one {balance_money} (docs/gateways/smsbox.md#balance). */
function handleBalance(ctx: SimContext, req: SimRequest): SimReply {
	const denied = checkSmsboxAuth(ctx, req, 'Authorization');
	if (denied) return denied;
	return smsboxOk('Operation processed successfully', [
		{ balance_money: ctx.balances.get('smsBox') },
	]);
}

export function createSmsbox(ctx: SimContext): SmsboxModule {
	const senderNames = new SenderNames(() => ({
		name: ctx.accounts.smsBox.senderName,
		createdMs: ctx.clock.now(),
	}));
	const base = '/api/sms/v1';
	return {
		name: 'smsBox',
		senderNames,
		routes: [
			{
				method: 'POST',
				pattern: `${base}/send_sms`,
				handler: (req) => handleSmsboxSend(ctx, senderNames, req),
			},
			{
				method: 'GET',
				pattern: `${base}/query_sms_balance`,
				handler: (req) => handleBalance(ctx, req),
			},
			{
				method: 'GET',
				pattern: `${base}/change_sms_info`,
				handler: (req) => handleChangeSmsInfo(ctx, senderNames, req),
			},
			{
				method: 'GET',
				pattern: `${base}/query_sender_names`,
				handler: (req) => handleQuerySenderNames(ctx, senderNames, req),
			},
			{
				method: 'POST',
				pattern: `${base}/request_sender_name`,
				handler: (req) => handleRequestSenderName(ctx, senderNames, req),
			},
		],
		// inferred (docs/gateways/smsbox.md#error-codes) for the next four: not in SMSBox's documentation (docs/gateways/smsbox.md#error-codes); SMSBox's {code,message} style.
		notFound: () => jsonReply(404, { status: false, code: 404, message: 'Not Found' }),
		methodNotAllowed: () =>
			jsonReply(405, { status: false, code: 405, message: 'Method Not Allowed' }),
		faultReply: (kind, retryAfterSeconds) =>
			kind === 'rateLimit'
				? jsonReply(
						429,
						{ code: 429, message: 'Too Many Requests' },
						{ 'Retry-After': String(retryAfterSeconds) },
					)
				: jsonReply(503, { code: 103, message: 'Network timeout' }),
		internalError: () => jsonReply(500, { code: 500, message: 'Internal Server Error' }),
		reset: () => senderNames.reset(),
		receiveInbound: (input) => receiveSmsboxInbound(ctx, input),
	};
}

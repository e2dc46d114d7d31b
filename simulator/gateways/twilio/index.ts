/**
 * A Twilio-style Messages API under /twilio, written from Twilio's public REST documentation, not
 * from this package's adapter: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, a form with
 * `To`, `From` and `Body` (one recipient per request), HTTP Basic with the Account SID and Auth
 * Token, a 201 JSON reply with `sid` and `status` ("queued"), JSON errors with `code`, `message`,
 * `status`, and status callbacks to the request's `StatusCallback`: form posts with `MessageSid`,
 * `MessageStatus` (sent, then delivered / failed / undelivered), `To` and, on failure, `ErrorCode`.
 */
import type { CallbackAttempt } from '../../core/callbacks';
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { header, jsonReply, mediaType, parseForm } from '../../core/http-io';
import { isBlacklisted } from '../../core/outcomes';
import { parseInternational } from '../../core/phone';
import { countSegments } from '../../core/segments';
import type { MessageRecord } from '../../core/types';
import type { GatewayModule } from '../gateway';

function twilioError(
	status: number,
	code: number,
	message: string,
	headers: Record<string, string> = {},
): SimReply {
	return jsonReply(
		status,
		{ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
		headers,
	);
}

function isAuthorised(ctx: SimContext, req: SimRequest, accountSid: string): boolean {
	const account = ctx.accounts.twilio;
	const expected = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
	return accountSid === account.accountSid && header(req, 'authorization') === expected;
}

function handleSend(
	ctx: SimContext,
	req: SimRequest,
	accountSid: string,
	callbacks: Map<string, string>,
): SimReply {
	if (!isAuthorised(ctx, req, accountSid)) return twilioError(401, 20003, 'Authenticate');
	if (mediaType(req) !== 'application/x-www-form-urlencoded')
		return twilioError(400, 21603, 'A message body is required');
	const form = parseForm(req);
	const to = form.get('To') ?? '';
	const from = form.get('From') ?? '';
	const body = form.get('Body') ?? '';
	if (to === '') return twilioError(400, 21604, "A 'To' phone number is required.");
	if (!/^\+\d+$/.test(to) || !parseInternational(to.slice(1))) {
		return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
	}
	if (from === '') return twilioError(400, 21603, "A 'From' phone number is required.");
	if (body === '') return twilioError(400, 21602, 'Message body is required.');
	if (isBlacklisted(ctx.config, to))
		return twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
	const { segments, encoding } = countSegments(body);
	const record = ctx.store.add({
		gateway: 'twilio',
		id: `SM${ctx.ids.uuid().replace(/-/g, '')}`,
		to,
		text: body,
		sender: from,
		segments,
		encoding,
		scheduledAt: null,
		status: 'sent',
		cost: 0,
		currency: 'USD',
		requestId: req.requestId,
		acceptedAt: ctx.clock.iso(),
	});
	const statusCallback = form.get('StatusCallback');
	if (statusCallback && /^https?:\/\//.test(statusCallback))
		callbacks.set(record.id, statusCallback);
	ctx.accepted([record]);
	return jsonReply(201, {
		sid: record.id,
		account_sid: accountSid,
		to,
		from,
		body,
		status: 'queued',
		num_segments: String(segments),
		direction: 'outbound-api',
		error_code: null,
		error_message: null,
		uri: `/2010-04-01/Accounts/${accountSid}/Messages/${record.id}.json`,
	});
}

function reportDelivery(
	ctx: SimContext,
	record: MessageRecord,
	callbacks: Map<string, string>,
): Promise<CallbackAttempt[]> {
	const url = callbacks.get(record.id);
	if (!url) return Promise.resolve([]);
	const status =
		record.status === 'delivered'
			? 'delivered'
			: record.status === 'rejected'
				? 'failed'
				: 'undelivered';
	const fields: Record<string, string> = {
		MessageSid: record.id,
		SmsSid: record.id,
		AccountSid: ctx.accounts.twilio.accountSid,
		MessageStatus: status,
		SmsStatus: status,
		To: record.to,
		From: record.sender ?? '',
	};
	if (status !== 'delivered') fields.ErrorCode = status === 'failed' ? '30007' : '30003';
	return ctx.callbacks.send({
		gateway: 'twilio',
		kind: 'delivery',
		url,
		contentType: 'application/x-www-form-urlencoded',
		body: new URLSearchParams(fields).toString(),
		acknowledged: (code) => code >= 200 && code < 300,
		messageId: record.id,
	});
}

export function createTwilio(ctx: SimContext): GatewayModule {
	const callbacks = new Map<string, string>();
	return {
		name: 'twilio',
		routes: [
			{
				method: 'POST',
				pattern: '/2010-04-01/Accounts/:accountSid/Messages.json',
				handler: (req, params) => handleSend(ctx, req, params.accountSid, callbacks),
			},
		],
		notFound: () => twilioError(404, 20404, 'The requested resource was not found'),
		methodNotAllowed: () => twilioError(405, 20004, 'Method not allowed'),
		faultReply: (kind, retryAfterSeconds) =>
			kind === 'rateLimit'
				? twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': String(retryAfterSeconds) })
				: twilioError(503, 20503, 'Service unavailable'),
		internalError: () => twilioError(500, 20500, 'Internal Server Error'),
		reset: () => callbacks.clear(),
		reportDelivery: (record) => reportDelivery(ctx, record, callbacks),
	};
}

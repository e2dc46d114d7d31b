/**
 * A Kannel-style smsbox under /kannel, written from Kannel's public user guide (the sendsms HTTP
 * interface), not from this package's adapter: `GET /cgi-bin/sendsms?username&password&from&to&text`,
 * several receivers in `to` separated by spaces, and plain-text replies: `0: Accepted for delivery`
 * (202), `3: Queued for later delivery` (202), errors as text with a 4xx or 5xx status.
 * Simulator choices (INF): a receiver whose number ends in 3 is "queued"; a blacklisted number or a
 * malformed one refuses the whole request with 400 and nothing is accepted.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { textReply } from '../../core/http-io';
import { isBlacklisted } from '../../core/outcomes';
import { parseInternational } from '../../core/phone';
import { countSegments } from '../../core/segments';
import type { GatewayModule } from '../gateway';

function handleSendSms(ctx: SimContext, req: SimRequest): SimReply {
	const account = ctx.accounts.kannel;
	const q = req.query;
	if (q.get('username') !== account.username || q.get('password') !== account.password) {
		return textReply(403, 'Authorization failed for sendsms');
	}
	const receivers = (q.get('to') ?? '').split(' ').filter((r) => r !== '');
	if (receivers.length === 0) return textReply(400, 'Missing receiver number, rejected');
	const text = q.get('text');
	if (text === null) return textReply(400, 'Missing text, rejected');
	if (receivers.some((r) => !/^\+?\d+$/.test(r) || !parseInternational(r.replace(/^\+/, '')))) {
		return textReply(400, 'Invalid receiver number, rejected');
	}
	if (receivers.some((r) => isBlacklisted(ctx.config, r))) {
		return textReply(400, 'Number(s) has/have been denied by white- and/or black-lists.');
	}
	const { segments, encoding } = countSegments(text);
	const records = receivers.map((to) =>
		ctx.store.add({
			gateway: 'kannel',
			id: ctx.ids.uuid(),
			to: to.startsWith('+') ? to : `+${to}`,
			text,
			sender: q.get('from'),
			segments,
			encoding,
			scheduledAt: null,
			status: 'sent',
			cost: 0,
			currency: null,
			requestId: req.requestId,
			acceptedAt: ctx.clock.iso(),
		}),
	);
	ctx.accepted(records);
	const queued = receivers.every((r) => r.endsWith('3'));
	return textReply(202, queued ? '3: Queued for later delivery' : '0: Accepted for delivery');
}

export function createKannel(ctx: SimContext): GatewayModule {
	return {
		name: 'kannel',
		routes: [
			{ method: 'GET', pattern: '/cgi-bin/sendsms', handler: (req) => handleSendSms(ctx, req) },
		],
		notFound: () => textReply(404, 'Unknown request'),
		methodNotAllowed: () => textReply(405, 'Method not allowed'),
		faultReply: (kind, retryAfterSeconds) =>
			kind === 'rateLimit'
				? textReply(429, 'Too many requests', { 'Retry-After': String(retryAfterSeconds) })
				: textReply(503, 'Sending messages is disabled'),
		internalError: () => textReply(500, 'Internal error'),
		reset: () => undefined,
	};
}

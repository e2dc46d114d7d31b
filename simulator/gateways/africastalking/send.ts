/**
 * Sending through Africa's Talking: the form endpoint /version1/messaging (bulk and
 * premium, both hosts) and the JSON endpoint /version1/messaging/bulk (docs/gateways/africastalking.md#sending).
 * Refusals are per recipient inside a 201 reply; only a bad sender refuses the whole request.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { isRecord, mediaType, parseForm, parseJson, stringField } from '../../core/http-io';
import { format4, fromMinor, toMinor } from '../../core/money';
import { isBlacklisted } from '../../core/outcomes';
import { parseInternational } from '../../core/phone';
import { countSegments } from '../../core/segments';
import type { MessageRecord } from '../../core/types';
import { checkAtAuth } from './auth';
import type { RecipientResult } from './replies';
import { missingField, smsMessageDataReply } from './replies';
import type { AtState } from './state';

/** Sender used when `from` is omitted (older AT docs, docs/gateways/africastalking.md#sending). */
const DEFAULT_SENDER = 'AFRICASTKNG';

interface SendInput {
	to: string[];
	message: string;
	from: string | undefined;
	keyword?: string;
	linkId?: string;
	retryDurationInHours?: string;
	bulkSMSMode?: string;
}

export function handleFormSend(ctx: SimContext, state: AtState, req: SimRequest): SimReply {
	const form = parseForm(req);
	const denied = checkAtAuth(ctx, req, form.get('username') ?? undefined);
	if (denied) return denied;
	const to = form.get('to');
	if (!to) return missingField('to');
	const message = form.get('message');
	// inferred (docs/gateways/africastalking.md#sending): an empty text is refused like a missing one.
	if (!message) return missingField('message');
	return send(ctx, state, req, {
		to: to.split(','),
		message,
		from: form.get('from') || undefined,
		keyword: form.get('keyword') || undefined,
		linkId: form.get('linkId') || undefined,
		retryDurationInHours: form.get('retryDurationInHours') || undefined,
		bulkSMSMode: form.get('bulkSMSMode') ?? undefined,
	});
}

export function handleJsonBulkSend(ctx: SimContext, state: AtState, req: SimRequest): SimReply {
	const parsed = mediaType(req) === 'application/json' ? parseJson(req) : { ok: false as const };
	const body = parsed.ok && isRecord(parsed.value) ? parsed.value : null;
	const denied = checkAtAuth(ctx, req, body ? stringField(body.username) : undefined);
	if (denied) return denied;
	if (!body) return missingField('username');
	const phoneNumbers = Array.isArray(body.phoneNumbers)
		? body.phoneNumbers.map((n) => String(n))
		: [];
	if (phoneNumbers.length === 0) return missingField('phoneNumbers');
	const message = stringField(body.message);
	if (!message) return missingField('message');
	// senderId is required on this endpoint (docs/gateways/africastalking.md#sending); inferred: its absence is answered like an unknown sender.
	const senderId = stringField(body.senderId);
	if (!senderId) return invalidSenderId(req);
	return send(ctx, state, req, { to: phoneNumbers, message, from: senderId });
}

function invalidSenderId(req: SimRequest): SimReply {
	// Account-level refusal (observed (docs/gateways/africastalking.md#send-reply-and-status-codes) medic-docs PR #112). inferred (docs/gateways/africastalking.md#send-reply-and-status-codes): still 201, so clients must read the body.
	return smsMessageDataReply(req, 'InvalidSenderId', []);
}

function send(ctx: SimContext, state: AtState, req: SimRequest, input: SendInput): SimReply {
	const account = ctx.accounts.africasTalking;
	const premium = input.keyword !== undefined || input.linkId !== undefined;
	if (input.from !== undefined) {
		const known = premium ? account.shortCodes : [...account.senderIds, ...account.shortCodes];
		if (!known.includes(input.from)) return invalidSenderId(req);
	} else if (premium) {
		// Premium messages go out on a short code, which must be named.
		return invalidSenderId(req);
	}
	const sender = input.from ?? DEFAULT_SENDER;
	const { segments, encoding } = countSegments(input.message);
	const cost = toMinor(ctx.config.costs.africasTalking) * segments;
	const results: RecipientResult[] = [];
	const accepted: MessageRecord[] = [];
	let total = 0;
	for (const raw of input.to) {
		const number = raw.trim();
		const refused = refusal(ctx, state, number, sender);
		if (refused) {
			results.push({
				statusCode: refused.code,
				number,
				status: refused.name,
				cost: '0',
				messageId: 'None',
				messageParts: 0,
			});
			continue;
		}
		if (!ctx.balances.charge('africasTalking', cost)) {
			results.push({
				statusCode: 405,
				number,
				status: 'InsufficientBalance',
				cost: '0',
				messageId: 'None',
				messageParts: 0,
			});
			continue;
		}
		total += cost;
		const record = ctx.store.add({
			gateway: 'africasTalking',
			id: `ATXid_${ctx.ids.hex(32)}`,
			to: number,
			text: input.message,
			sender,
			segments,
			encoding,
			scheduledAt: null,
			status: 'sent',
			cost: fromMinor(cost),
			currency: account.currency,
			requestId: req.requestId,
			acceptedAt: ctx.clock.iso(),
			...(input.keyword ? { keyword: input.keyword } : {}),
			...(input.linkId ? { linkId: input.linkId } : {}),
			...(input.retryDurationInHours ? { retryDurationInHours: input.retryDurationInHours } : {}),
			...(input.bulkSMSMode !== undefined ? { bulkSMSMode: input.bulkSMSMode } : {}),
			...(premium ? { premium: true } : {}),
		});
		if (input.linkId && !state.inbox.some((m) => m.linkId === input.linkId && m.from === number)) {
			// The reply is accepted, then fails at the telco (failureReason InvalidLinkId, docs/gateways/africastalking.md#delivery-reports).
			state.invalidLinkIds.add(record.seq);
		}
		accepted.push(record);
		results.push({
			statusCode: 101,
			number,
			status: 'Success',
			cost: `${account.currency} ${format4(cost)}`,
			messageId: record.id,
			messageParts: segments,
		});
	}
	ctx.accepted(accepted);
	const summary =
		accepted.length === 0
			? `Sent to 0/${results.length} Total Cost: 0`
			: `Sent to ${accepted.length}/${results.length} Total Cost: ${account.currency} ${format4(total)}`;
	return smsMessageDataReply(req, summary, results);
}

function refusal(
	ctx: SimContext,
	state: AtState,
	number: string,
	sender: string,
): { code: number; name: string } | null {
	// AT wants international format with '+' (docs/gateways/africastalking.md#sending); inferred: without it the number is invalid.
	if (!number.startsWith('+') || !parseInternational(number))
		return { code: 403, name: 'InvalidPhoneNumber' };
	if (isBlacklisted(ctx.config, number) || state.isOptedOut(sender, number))
		return { code: 406, name: 'UserInBlacklist' };
	return null;
}

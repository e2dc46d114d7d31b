/**
 * /api/sms/outbound (SmsOutboundController + SmsMessageSender; docs/gateways/dhis2.md#sending).
 * Order of checks as in the code: no recipients -> 500 "no recipient"; no default gateway ->
 * 500 "No default gateway configured"; '+'/'00' stripped, duplicates merged (a Set); text longer
 * (Java UTF-16 length) than the gateway's maxSmsLength or 1071 -> 500 "Sms text message is too
 * long"; then slices of 200 recipients are sent one after another and the reply reflects
 * the LAST slice only. One OutboundSms row per send, its status from the last slice.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { isRecord, mediaType, parseJson } from '../../core/http-io';
import { resolveOutcome } from '../../core/outcomes';
import { countSegments } from '../../core/segments';
import type { MessageRecord } from '../../core/types';
import type { GatewayConfig } from './gateway-store';
import { listReply } from './list';
import type { Dhis2State } from './state';
import { dhisCode, javaDate, webMessage } from './web-message';

export const MAX_RECIPIENTS_PER_SLICE = 200;
/** System setting keySmsMaxLength default (SystemSettings.java). */
export const DEFAULT_MAX_SMS_LENGTH = 1071;

/** SmsUtils.removePhoneNumberPrefix: a leading '+' or '00' goes. */
export function normalizeRecipient(number: string): string {
	if (number.startsWith('+')) return number.slice(1);
	if (number.startsWith('00')) return number.slice(2);
	return number;
}

export function handleOutboundPost(ctx: SimContext, state: Dhis2State, req: SimRequest): SimReply {
	if (mediaType(req) === 'application/json') return sendFromJson(ctx, state, req);
	// The query variant binds required @RequestParams first (Spring: 400 when absent), then checks emptiness (409).
	const recipient = req.query.get('recipient');
	if (recipient === null) return missingParameter('recipient');
	const message = req.query.get('message');
	if (message === null) return missingParameter('message');
	if (recipient === '') return webMessage(409, 'Recipient must be specified');
	if (message === '') return webMessage(409, 'Message must be specified');
	return send(ctx, state, req, message, [recipient]);
}

function missingParameter(name: string): SimReply {
	return webMessage(
		400,
		`Required request parameter '${name}' for method parameter type String is not present`,
	);
}

function sendFromJson(ctx: SimContext, state: Dhis2State, req: SimRequest): SimReply {
	const parsed = parseJson(req);
	if (!parsed.ok || !isRecord(parsed.value))
		return webMessage(400, 'JSON parse error: could not read OutboundSms');
	const { message, recipients } = parsed.value;
	if (recipients !== undefined && recipients !== null && !Array.isArray(recipients)) {
		return webMessage(400, 'JSON parse error: recipients must be an array of strings');
	}
	const list = (recipients ?? []) as unknown[];
	if (list.some((r) => typeof r !== 'string' && typeof r !== 'number')) {
		return webMessage(
			400,
			'JSON parse error: Cannot deserialize value of type `java.lang.String` from Object value',
		);
	}
	if (message !== undefined && message !== null && typeof message !== 'string') {
		return webMessage(400, 'JSON parse error: message must be a string');
	}
	return send(ctx, state, req, (message as string | null | undefined) ?? null, list.map(String));
}

function send(
	ctx: SimContext,
	state: Dhis2State,
	req: SimRequest,
	text: string | null,
	recipients: string[],
): SimReply {
	if (recipients.length === 0) return webMessage(500, 'no recipient');
	const gateway = state.gateways.getDefault();
	if (!gateway) return webMessage(500, 'No default gateway configured');
	// A Set in DHIS2: duplicates merge. (Its order is a HashSet's; the simulator keeps first-seen order.)
	const numbers = [...new Set(recipients.map(normalizeRecipient))];
	// inferred (docs/gateways/dhis2.md#sending) from the code: a JSON body without "message" reaches text.length() and fails with Java's NPE.
	if (text === null)
		return webMessage(500, 'Cannot invoke "String.length()" because "text" is null');
	if (text.length > maxLength(gateway)) return webMessage(500, 'Sms text message is too long');
	const now = ctx.clock.now();
	const row = {
		id: dhisCode((a, n) => ctx.ids.chars(a, n)),
		message: text,
		recipients: numbers,
		date: javaDate(now),
		created: javaDate(now),
		lastUpdated: javaDate(now),
	};
	const { segments, encoding } = countSegments(text);
	let lastFailure: string | null = null;
	const accepted: MessageRecord[] = [];
	for (let start = 0; start < numbers.length; start += MAX_RECIPIENTS_PER_SLICE) {
		const slice = numbers.slice(start, start + MAX_RECIPIENTS_PER_SLICE);
		lastFailure = sliceFailure(ctx, gateway, slice);
		for (const to of slice) {
			const record = ctx.store.add({
				gateway: 'dhis2',
				id: `${row.id}:${to}`,
				to,
				text,
				sender: String(gateway.name ?? gateway.type),
				segments,
				encoding,
				scheduledAt: null,
				status: lastFailure ? 'failed' : 'sent',
				cost: 0,
				currency: null,
				requestId: req.requestId,
				acceptedAt: new Date(now).toISOString(),
				outboundSmsId: row.id,
				...(lastFailure
					? { failureReason: lastFailure, deliveredAt: new Date(now).toISOString() }
					: {}),
			});
			if (!lastFailure) accepted.push(record);
		}
	}
	state.outbound.push({ ...row, status: lastFailure ? 'FAILED' : 'SENT' });
	ctx.accepted(accepted);
	return lastFailure ? webMessage(500, lastFailure) : webMessage(200, 'SMS sent');
}

function maxLength(gateway: GatewayConfig): number {
	const own = Number.parseInt(String(gateway.maxSmsLength ?? ''), 10);
	return Number.isFinite(own) ? own : DEFAULT_MAX_SMS_LENGTH;
}

/**
 * A slice fails at the gateway when one of its numbers has the `rejected` outcome rule
 * (the simulator's stand-in for the SMS provider refusing the batch). The text is the rule's
 * `gatewayStatus` when it has one (any short text of the RESULT_CODE table, e.g. "insufficient
 * credits", docs/gateways/dhis2.md#sending), else the one DHIS2 reports for that gateway type
 * (GatewayResponse; generic http: "failed").
 */
function sliceFailure(ctx: SimContext, gateway: GatewayConfig, slice: string[]): string | null {
	const refusal = slice
		.map((to) => resolveOutcome(ctx.config, to))
		.find((r) => r.outcome === 'rejected');
	if (!refusal) return null;
	if (refusal.gatewayStatus !== undefined) return refusal.gatewayStatus;
	return gateway.type === 'bulksms' || gateway.type === 'clickatell' ? 'bad request' : 'failed';
}

export function listOutbound(state: Dhis2State, req: SimRequest): SimReply {
	const items = state.outbound.map(
		(row) => ({ ...row, sender: null, subject: null }) as Record<string, unknown>,
	);
	return listReply(req, 'outboundsmss', items);
}

export function deleteOutbound(state: Dhis2State, uid: string): SimReply {
	if (!state.outbound.some((r) => r.id === uid))
		return webMessage(404, `No OutboundSms with id '${uid}' was found.`);
	state.outbound = state.outbound.filter((r) => r.id !== uid);
	return webMessage(200, `OutboundSms with ${uid} deleted`);
}

export function deleteOutboundMany(state: Dhis2State, req: SimRequest): SimReply {
	const ids = (req.query.get('ids') ?? '').split(',').filter((id) => id !== '');
	if (ids.length === 0)
		return webMessage(
			400,
			"Required request parameter 'ids' for method parameter type List is not present",
		);
	state.outbound = state.outbound.filter((r) => !ids.includes(r.id));
	return webMessage(200, 'Objects deleted');
}

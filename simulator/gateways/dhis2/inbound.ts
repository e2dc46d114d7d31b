/**
 * /api/sms/inbound (SmsInboundController; docs/gateways/dhis2.md#inbound-messages) and the simulator's DHIS2
 * inbound callback. Receiving checks, in the code's order: a text that decodes as Base64
 * is a compressed SMS whose originator must be the calling user's phone number; otherwise
 * the originator must belong to a user (dhis2RegisteredNumbers), else 409.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { isRecord, mediaType, parseJson, stringField } from '../../core/http-io';
import { countSegments } from '../../core/segments';
import type { InboundInput, InboundResult } from '../gateway';
import { listReply } from './list';
import type { Dhis2State, IncomingSmsRow } from './state';
import { dhisCode, javaDate, webMessage } from './web-message';

const ENCODINGS = ['ENC7BIT', 'ENC8BIT', 'ENCUCS2', 'ENCCUSTOM'];
const STATUSES = ['INCOMING', 'PROCESSING', 'UNHANDLED', 'FAILED', 'PROCESSED', 'SENT'];

/**
 * SmsUtils.isBase64 (inferred (docs/gateways/dhis2.md#inbound-messages): Java's decoder accepts it): Base64 alphabet, optional padding, no
 * length of 4n+1. Plain words such as "text" or "test" pass, as the official test shows.
 */
export function looksLikeBase64(text: string): boolean {
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
	return text.replace(/=+$/, '').length % 4 !== 1;
}

/** Jackson reads an enum from its name or its index as a string ("1" = ENC8BIT, documented sample (docs/gateways/dhis2.md#inbound-messages)). */
function readEnum(value: unknown, names: string[], fallback: string): string | null {
	if (value === undefined || value === null || value === '') return fallback;
	const text = String(value);
	if (names.includes(text)) return text;
	if (/^\d+$/.test(text) && Number(text) < names.length) return names[Number(text)];
	return null;
}

export function handleInboundPost(ctx: SimContext, state: Dhis2State, req: SimRequest): SimReply {
	const now = ctx.clock.now();
	let fields: Omit<IncomingSmsRow, 'id' | 'created'>;
	if (mediaType(req) === 'application/json') {
		const parsed = parseJson(req);
		if (!parsed.ok || !isRecord(parsed.value))
			return webMessage(400, 'JSON parse error: could not read IncomingSms');
		const body = parsed.value;
		const smsEncoding = readEnum(body.smsencoding, ENCODINGS, 'ENC7BIT');
		const smsStatus = readEnum(body.smsstatus, STATUSES, 'INCOMING');
		if (!smsEncoding || !smsStatus)
			return webMessage(400, 'JSON parse error: not one of the values accepted for Enum class');
		fields = {
			text: stringField(body.text) ?? '',
			originator: stringField(body.originator) ?? '',
			gatewayId: stringField(body.gatewayid) ?? 'UNKNOWN',
			receivedDate: stringField(body.receiveddate) ?? null,
			sentDate: stringField(body.sentdate) ?? null,
			smsEncoding,
			smsStatus,
		};
		// DHIS2's documentation (docs/gateways/dhis2.md#inbound-messages) calls text and originator mandatory; inferred (docs/gateways/dhis2.md#inbound-messages): refused with the query variant's wording.
		if (fields.originator === '') return webMessage(409, 'Originator must be specified');
		if (fields.text === '') return webMessage(409, 'Message must be specified');
	} else {
		const originator = req.query.get('originator');
		const message = req.query.get('message');
		if (originator === null) return missingParameter('originator');
		if (message === null) return missingParameter('message');
		if (originator === '') return webMessage(409, 'Originator must be specified');
		if (message === '') return webMessage(409, 'Message must be specified');
		// The parameter is `receivedTime` (DHIS2's documented (docs/gateways/dhis2.md#inbound-messages) `receiveTime` is not read).
		const receivedTime = req.query.get('receivedTime');
		if (receivedTime !== null && Number.isNaN(Date.parse(receivedTime))) {
			return webMessage(
				400,
				`Failed to convert value of type 'java.lang.String' to required type 'java.util.Date'`,
			);
		}
		fields = {
			text: message,
			originator,
			gatewayId: req.query.get('gateway') ?? 'Unknown',
			receivedDate: receivedTime ? javaDate(Date.parse(receivedTime)) : null,
			sentDate: null,
			smsEncoding: 'ENC7BIT',
			smsStatus: 'INCOMING',
		};
	}
	if (looksLikeBase64(fields.text)) {
		if (fields.originator !== ctx.accounts.dhis2.phoneNumber) {
			return webMessage(409, "Originator's number does not match user's Phone number");
		}
	} else if (!ctx.config.dhis2RegisteredNumbers.includes(fields.originator)) {
		return webMessage(409, "User's phone number is not registered in the system");
	}
	const row: IncomingSmsRow = {
		id: dhisCode((a, n) => ctx.ids.chars(a, n)),
		created: javaDate(now),
		...fields,
	};
	state.inbound.push(row);
	return webMessage(200, `Received SMS: ${row.id}`);
}

function missingParameter(name: string): SimReply {
	return webMessage(
		400,
		`Required request parameter '${name}' for method parameter type String is not present`,
	);
}

export function listInbound(state: Dhis2State, req: SimRequest): SimReply {
	return listReply(
		req,
		'inboundsmss',
		state.inbound.map((row) => ({ ...row }) as Record<string, unknown>),
	);
}

export function deleteInbound(state: Dhis2State, uid: string): SimReply {
	if (!state.inbound.some((r) => r.id === uid))
		return webMessage(404, `No IncomingSms with id '${uid}' was found.`);
	state.inbound = state.inbound.filter((r) => r.id !== uid);
	return webMessage(200, `IncomingSms with ${uid} deleted`);
}

/**
 * POST /sim/inbound for DHIS2: the SMS arrives at DHIS2 (stored in its inbound list) and is
 * posted, in DHIS2's inbound JSON, to the configured URL; any 2xx acknowledges.
 */
export function receiveDhis2Inbound(
	ctx: SimContext,
	state: Dhis2State,
	input: InboundInput,
): InboundResult {
	const now = ctx.clock.now();
	const gatewayId =
		typeof input.gatewayId === 'string'
			? input.gatewayId
			: (state.gateways.getDefault()?.uid ?? 'UNKNOWN');
	const smsencoding = countSegments(input.text).encoding === 'GSM-7' ? 'ENC7BIT' : 'ENCUCS2';
	const payload = {
		text: input.text,
		originator: input.from,
		gatewayid: gatewayId,
		receiveddate: javaDate(now),
		sentdate: javaDate(now),
		smsencoding,
		smsstatus: 'INCOMING',
	};
	state.inbound.push({
		id: dhisCode((a, n) => ctx.ids.chars(a, n)),
		text: payload.text,
		originator: payload.originator,
		gatewayId,
		receivedDate: payload.receiveddate,
		sentDate: payload.sentdate,
		smsEncoding: smsencoding,
		smsStatus: 'INCOMING',
		created: javaDate(now),
	});
	const callback = ctx.callbacks.sendIfConfigured(ctx.config.callbacks.dhis2.inbound, {
		gateway: 'dhis2',
		kind: 'inbound',
		contentType: 'application/json',
		body: JSON.stringify(payload),
		acknowledged: (status) => status >= 200 && status < 300,
	});
	return { inbound: payload, callback };
}

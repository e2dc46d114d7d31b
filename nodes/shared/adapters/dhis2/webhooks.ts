/**
 * DHIS2-format inbound SMS: what SMS gateway apps configured for DHIS2 post to its
 * `/api/sms/inbound` (docs/gateways/dhis2.md#inbound-messages), so they can post to n8n instead:
 * - JSON: `{"text","originator","gatewayid","receiveddate","sentdate","smsencoding","smsstatus"}`;
 * - query (or form) parameters: `originator`, `message`, `gateway`, `receivedTime` (DHIS2's documentation (docs/gateways/dhis2.md#inbound-messages) writes
 *   `receiveTime`; DHIS2's code reads `receivedTime`: both are read).
 * DHIS2 answers 200 with a WebMessage "Received SMS: {uid}", refuses missing fields with 409
 * "Originator must be specified" / "Message must be specified", and wrong credentials with a 401
 * WebMessage (docs/gateways/dhis2.md#webmessage-replies): the trigger answers the same way, so the app sees what it
 * expects from DHIS2. DHIS2 has no delivery reports or opt-outs.
 */
import { jsonAnswer } from '../../webhook-parsing/answers';
import { eventId } from '../../webhook-parsing/event-id';
import type { Fields } from '../../webhook-parsing/fields';
import { optionalTextOf, rawCopy, requiredTextOf } from '../../webhook-parsing/fields';
import { MAX_BODY_BYTES, MAX_DATE_LENGTH, MAX_ID_LENGTH } from '../../webhook-parsing/limits';
import { guardedParse } from '../../webhook-parsing/parse-guard';
import { isoFromTimestamp, isoNow } from '../../webhook-parsing/time';
import { dhis2StyleUid } from './uid';
import type {
	HttpAnswer,
	InboundSmsEvent,
	ParseContext,
	Rejection,
	WebhookCapability,
	WebhookRequest,
} from '../../core/webhook-types';

const GATEWAY = 'dhis2';

/** The webhook path that lets an app built for DHIS2 append `/api/sms/inbound` to a "server URL". */
export const DHIS2_INBOUND_PATH = 'api/sms/inbound';

const REASON_PHRASES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	409: 'Conflict',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Entity',
};

/** DHIS2's WebMessage envelope: `httpStatusCode` equals the real HTTP status (docs/gateways/dhis2.md#webmessage-replies). */
export function webMessage(
	statusCode: number,
	status: 'OK' | 'ERROR',
	message: string,
): HttpAnswer {
	const httpStatus = statusCode === 200 ? 'OK' : (REASON_PHRASES[statusCode] ?? 'Error');
	return jsonAnswer(statusCode, { httpStatus, httpStatusCode: statusCode, status, message });
}

/** DHIS2's SmsMessageEncoding names, in their index order (Jackson also reads `"1"` as ENC8BIT). */
const ENCODINGS = ['ENC7BIT', 'ENC8BIT', 'ENCUCS2', 'ENCCUSTOM'];

/** DHIS2's incoming SMS with its own fields promoted from `raw`. */
export interface Dhis2InboundSmsEvent extends InboundSmsEvent {
	/** The gateway that received it (`gatewayid`, or `gateway` in the query form); null when not given. */
	gatewayId: string | null;
	/** `smsencoding` as DHIS2 names it (ENC7BIT, ENC8BIT, ENCUCS2, ENCCUSTOM); null when not given or unknown. */
	smsEncoding: string | null;
}

/** The encoding's name from its name or its index (the seed's `"1"`); null otherwise. */
export function encodingName(value: unknown): string | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const text = String(value).trim().toUpperCase();
	if (ENCODINGS.includes(text)) return text;
	if (/^\d$/.test(text) && Number(text) < ENCODINGS.length) return ENCODINGS[Number(text)];
	return null;
}

function extraText(fields: Fields, name: string): string | null {
	const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) return null;
	return value;
}

function parseInbound(
	request: WebhookRequest,
	context: ParseContext,
): { event: Dhis2InboundSmsEvent; ack: HttpAnswer } {
	const { body } = request;
	const jsonForm = body.kind === 'json';
	// Query and form parameters are the same thing to DHIS2 (Spring request parameters).
	const fields: Fields =
		body.kind === 'json'
			? body.value
			: { ...request.query, ...(body.kind === 'form' ? body.fields : {}) };
	const originator = requiredTextOf(fields, ['originator'], {
		missingStatus: 409,
		missingMessage: 'Originator must be specified',
	});
	const text = requiredTextOf(fields, jsonForm ? ['text'] : ['message'], {
		max: MAX_BODY_BYTES,
		missingStatus: 409,
		missingMessage: 'Message must be specified',
	});
	const dateNames = jsonForm ? ['receiveddate'] : ['receivedTime', 'receiveTime'];
	const receivedDate = optionalTextOf(fields, dateNames, { max: MAX_DATE_LENGTH });
	// DHIS2 stores each message under a new uid; the trigger derives one from the message itself
	// so that a re-posted message gets the same id (the "originator+text+receiveddate").
	const id = eventId(GATEWAY, 'inbound', [originator, text, receivedDate ?? null]);
	const uid = dhis2StyleUid(id);
	const event: Dhis2InboundSmsEvent = {
		eventType: 'inbound',
		eventId: id,
		gateway: GATEWAY,
		// Kept as written: DHIS2 numbers are often local (DHIS2 itself strips `+` and `00`).
		from: originator.trim(),
		to: null,
		text,
		receivedAt: isoFromTimestamp(receivedDate) ?? isoNow(context.receivedAtMs),
		messageId: uid,
		linkId: null,
		keyword: null,
		gatewayId: extraText(fields, jsonForm ? 'gatewayid' : 'gateway'),
		smsEncoding: jsonForm
			? encodingName(
					Object.prototype.hasOwnProperty.call(fields, 'smsencoding')
						? fields.smsencoding
						: undefined,
				)
			: null,
		raw: rawCopy(fields),
	};
	return { event, ack: webMessage(200, 'OK', `Received SMS: ${uid}`) };
}

/** Where the trigger's URL goes: the inbound SMS URL of an SMS gateway app set up for DHIS2. */
function setupNotice(): string {
	return "In the SMS gateway app set up for DHIS2, use this node's Production URL as the inbound SMS URL; an app that asks for the DHIS2 server address gets the URL without /api/sms/inbound. Enter the username and password set below as the app's DHIS2 credentials. Both the JSON and the query-parameter forms of DHIS2's /api/sms/inbound are accepted.";
}

export const dhis2Webhooks: WebhookCapability = {
	setupNotice,
	webhookPath: DHIS2_INBOUND_PATH,
	eventKinds: ['inbound'],
	bodyKinds: ['json', 'form', 'empty'],
	contentTypeHint: 'application/json (or the query parameters originator and message)',
	authMethods: ['basicAuth', 'token', 'none'],
	parse: (request, context) => guardedParse(parseInbound, request, context),
	rejectionAnswer: (rejection: Rejection) =>
		webMessage(rejection.status, 'ERROR', rejection.message),
};

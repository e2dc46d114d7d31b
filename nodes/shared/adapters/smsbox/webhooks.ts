/**
 * SMSBox two-way SMS callbacks (docs/gateways/smsbox.md#two-way-callback). The callback URL is
 * set per number in the portal (SMS → Two Way SMS → Manage Numbers → edit the number). SMSBox posts
 * JSON:
 *   {"from","to","channel","timeUTC","transaction_id","message":{"text","media","custom"},"billing"}
 * and expects `{"transaction_id": <same>, "successful": true}` back. SMSBox's documented (docs/gateways/smsbox.md#two-way-callback) Node sample reads
 * `source_addr`, `dest_addr` and `timeUtc` instead (a conflict in the doc): both spellings are read.
 * SMSBox sends inbound messages only: its delivery reports are undocumented (docs/gateways/smsbox.md#what-is-not-documented).
 */
import { jsonAnswer } from '../../webhook-parsing/answers';
import { readBasicAuth, secretsEqual, TOKEN_SETUP_HINT } from '../../webhook-parsing/auth';
import { eventId } from '../../webhook-parsing/event-id';
import type { Fields } from '../../webhook-parsing/fields';
import {
	optionalTextOf,
	rawCopy,
	PayloadError,
	requiredText,
	requiredTextOf,
} from '../../webhook-parsing/fields';
import { MAX_BODY_BYTES, MAX_DATE_LENGTH, MAX_ID_LENGTH } from '../../webhook-parsing/limits';
import { internationalNumber } from '../../webhook-parsing/numbers';
import { guardedParse } from '../../webhook-parsing/parse-guard';
import { isoFromTimestamp, isoNow } from '../../webhook-parsing/time';
import type {
	HttpAnswer,
	InboundSmsEvent,
	ParseContext,
	WebhookCapability,
	WebhookRequest,
} from '../../core/webhook-types';

const GATEWAY = 'smsBox';

/** The header the SMSBox docs name for the API key (docs/gateways/smsbox.md#two-way-callback: `api-key`). */
export const SMSBOX_API_KEY_HEADER = 'api-key';

/** What SMSBox says the subscriber and the account paid for an incoming message (docs/gateways/smsbox.md#two-way-callback). */
export interface SmsBoxBilling {
	currency: string | null;
	subscriberPrice: string | null;
	billingPrice: string | null;
}

/** SMSBox's incoming message with its own fields promoted from `raw`. */
export interface SmsBoxInboundSmsEvent extends InboundSmsEvent {
	/** The channel SMSBox names (`SMS` by default); null when not given. */
	channel: string | null;
	/** The callback's `billing` object; null when absent. */
	billing: SmsBoxBilling | null;
}

/**
 * A promoted field as text, or null. Lenient on purpose: these fields are extras, so an odd value
 * (an object, an over-long text) leaves the field null and the callback accepted, with the value in `raw`.
 */
function extraText(fields: Fields, name: string): string | null {
	const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) return null;
	return value;
}

function billingOf(body: Fields): SmsBoxBilling | null {
	const billing = Object.prototype.hasOwnProperty.call(body, 'billing') ? body.billing : undefined;
	if (typeof billing !== 'object' || billing === null || Array.isArray(billing)) return null;
	const fields = billing as Fields;
	return {
		currency: extraText(fields, 'currency'),
		subscriberPrice: extraText(fields, 'subscriber_price'),
		billingPrice: extraText(fields, 'billing_price'),
	};
}

function parseCallback(
	request: WebhookRequest,
	context: ParseContext,
): { event: SmsBoxInboundSmsEvent; ack: HttpAnswer } {
	if (request.body.kind !== 'json')
		throw new PayloadError(400, 'The body is empty: SMSBox posts a JSON callback');
	const body = request.body.value;
	const transactionId = body.transaction_id;
	if (
		typeof transactionId !== 'string' &&
		!(typeof transactionId === 'number' && Number.isFinite(transactionId))
	) {
		throw new PayloadError(400, 'The field "transaction_id" is missing');
	}
	const messageId = requiredText(body, 'transaction_id', { max: MAX_ID_LENGTH });
	const from = requiredTextOf(body, ['from', 'source_addr']);
	const to = requiredTextOf(body, ['to', 'dest_addr']);
	const timeUtc = optionalTextOf(body, ['timeUTC', 'timeUtc'], { max: MAX_DATE_LENGTH });
	const event: SmsBoxInboundSmsEvent = {
		eventType: 'inbound',
		eventId: eventId(GATEWAY, 'inbound', [messageId]),
		gateway: GATEWAY,
		from: internationalNumber(from),
		to: internationalNumber(to),
		text: messageText(body),
		receivedAt: isoFromTimestamp(timeUtc) ?? isoNow(context.receivedAtMs),
		messageId,
		linkId: null,
		keyword: null,
		channel: extraText(body, 'channel'),
		billing: billingOf(body),
		raw: rawCopy(body),
	};
	// The acknowledgement echoes the transaction id exactly as it came (string or number).
	return { event, ack: jsonAnswer(200, { transaction_id: transactionId, successful: true }) };
}

/** `message.text` per the doc; a plain string `message` is read too. */
function messageText(body: Fields): string {
	const message = body.message;
	if (typeof message === 'string')
		return requiredText(body, 'message', { max: MAX_BODY_BYTES, allowEmpty: true });
	if (typeof message !== 'object' || message === null || Array.isArray(message)) {
		throw new PayloadError(400, 'The field "message" is missing');
	}
	return requiredText(message as Fields, 'text', { max: MAX_BODY_BYTES, allowEmpty: true });
}

/**
 * "You can validate the API Key on each callback request" (docs/gateways/smsbox.md#two-way-callback) without saying how it is
 * sent. Accepted (inferred): the `api-key` header of the doc's header tables, or HTTP Basic with the
 * key and secret, the scheme SMSBox's own API uses (docs/gateways/smsbox.md#authentication-and-formats).
 */
function apiKeyMatches(
	headers: Record<string, string>,
	credentials: Record<string, unknown>,
): boolean {
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const apiSecret = typeof credentials.apiSecret === 'string' ? credentials.apiSecret : '';
	if (apiKey === '') return false;
	const basic = readBasicAuth(headers.authorization);
	const headerMatches = secretsEqual(headers[SMSBOX_API_KEY_HEADER] ?? '', apiKey);
	const basicMatches =
		basic !== undefined &&
		secretsEqual(basic.username, apiKey) &&
		apiSecret !== '' &&
		secretsEqual(basic.password, apiSecret);
	return headerMatches || basicMatches;
}

/** Where the trigger's URL goes: the callback URL of a two-way number (incoming messages only). */
function setupNotice(): string {
	return `In the SMSBox portal, open SMS → Two Way SMS → Manage Numbers, edit your number and paste this node's Production URL as its callback URL. ${TOKEN_SETUP_HINT} Or choose SMSBox API Key authentication. SMSBox calls this URL with incoming messages only.`;
}

export const smsBoxWebhooks: WebhookCapability = {
	setupNotice,
	eventKinds: ['inbound'],
	bodyKinds: ['json'],
	contentTypeHint: 'application/json',
	authMethods: ['token', 'accountKey', 'none'],
	parse: (request, context) => guardedParse(parseCallback, request, context),
	accountKey: {
		credentialType: 'smsBoxApi',
		option: {
			name: 'SMSBox API Key',
			description: 'The API key of the SMSBox credential, in an api-key header or as Basic auth',
		},
		matches: apiKeyMatches,
	},
};

/**
 * Gupshup's webhook (docs/gateways/gupshup.md#webhook-callback-url). One callback URL per app, set in the app's
 * settings, receives every event of the app as JSON:
 * - delivery events `{"destination","messageId","ts","status"}`, status enqueued | sent |
 *   delivered | failed, `ts` epoch milliseconds as text, arrival order not guaranteed;
 * - inbound messages "where its webhook carries them": the v1 SMS inbound payload is undocumented
 *   (docs/gateways/gupshup.md#what-is-not-documented), so the one public Gupshup inbound shape is read (`{"app","timestamp",
 *   "version":2,"type":"message","payload":{"id","source","type":"text","payload":{"text"},
 *   "sender":{"phone",…}}}`, inferred (docs/gateways/gupshup.md#incoming-messages)), the same the gateway simulator posts.
 * Gupshup wants every event acknowledged with a 2xx and an EMPTY body, within 100 ms ideally; a
 * slow or non-empty answer delays later events (docs/gateways/gupshup.md#webhook-callback-url).
 */
import { emptyAnswer } from '../../webhook-parsing/answers';
import { TOKEN_SETUP_HINT } from '../../webhook-parsing/auth';
import { eventId } from '../../webhook-parsing/event-id';
import type { Fields } from '../../webhook-parsing/fields';
import {
	optionalObject,
	optionalText,
	PayloadError,
	rawCopy,
	requiredObject,
	requiredText,
} from '../../webhook-parsing/fields';
import { MAX_BODY_BYTES, MAX_ID_LENGTH } from '../../webhook-parsing/limits';
import { internationalNumber } from '../../webhook-parsing/numbers';
import { guardedParse, unknownEventKind } from '../../webhook-parsing/parse-guard';
import { isoFromTimestamp, isoNow } from '../../webhook-parsing/time';
import type {
	DeliveryReportEvent,
	DeliveryStatus,
	EventKind,
	HttpAnswer,
	InboundSmsEvent,
	ParseContext,
	SmsEvent,
	WebhookCapability,
	WebhookRequest,
} from '../../core/webhook-types';
import { GUPSHUP_CODES } from './codes';

const GATEWAY = 'gupshup';

const STATUSES: Record<string, { status: DeliveryStatus; final: boolean }> = {
	enqueued: { status: 'queued', final: false },
	sent: { status: 'sent', final: false },
	delivered: { status: 'delivered', final: true },
	failed: { status: 'failed', final: true },
};

const ack = (): HttpAnswer => emptyAnswer(200);

function parseEvent(
	request: WebhookRequest,
	context: ParseContext,
): { event: SmsEvent; ack: HttpAnswer } {
	if (request.body.kind !== 'json')
		throw new PayloadError(400, 'The body is empty: Gupshup posts JSON events');
	const body = request.body.value;
	if (body.type === 'message' && body.payload !== undefined)
		return { event: inboundMessage(body, context), ack: ack() };
	if (body.type === undefined && body.messageId !== undefined && body.status !== undefined) {
		return { event: deliveryEvent(body, context), ack: ack() };
	}
	throw unknownEventKind(
		'Not a Gupshup SMS event: expected a delivery event or an inbound message',
	);
}

function deliveryEvent(body: Fields, context: ParseContext): DeliveryReportEvent {
	const messageId = requiredText(body, 'messageId', { max: MAX_ID_LENGTH });
	const gatewayStatus = requiredText(body, 'status');
	const destination = optionalText(body, 'destination');
	const ts = optionalText(body, 'ts');
	const known = STATUSES[gatewayStatus.toLowerCase()];
	const reason = failureReason(body);
	return {
		eventType: 'deliveryReport',
		// Events may arrive out of order and be re-posted; messageId+status+ts names one event.
		eventId: eventId(GATEWAY, 'deliveryReport', [messageId, gatewayStatus, ts ?? null]),
		gateway: GATEWAY,
		messageId,
		to: destination === undefined ? null : internationalNumber(destination),
		status: known?.status ?? 'unknown',
		final: known?.final ?? false,
		gatewayStatus,
		failureReason: reason?.code ?? null,
		failureExplanation:
			reason?.explanation ?? (known?.status === 'failed' ? FAILED_WITHOUT_REASON : null),
		networkCode: null,
		// The order of events is only known from `ts` (docs/gateways/gupshup.md#delivery-events).
		at: isoFromTimestamp(ts) ?? isoNow(context.receivedAtMs),
		raw: rawCopy(body),
	};
}

const FAILED_WITHOUT_REASON =
	'Gupshup reported the message as failed without a reason. Check the number (whitelisted for a sandbox app) and the wallet balance.';

/**
 * The DLR documents no failure field (docs/gateways/gupshup.md#delivery-events). When an event carries a code of the
 * seed's 80xx list (`code`/`errorCode`, inferred), it is named and explained.
 */
function failureReason(body: Fields): { code: string; explanation: string } | undefined {
	for (const name of ['code', 'errorCode', 'reason']) {
		const value = body[name];
		if (typeof value !== 'string' && typeof value !== 'number') continue;
		const text = String(value).slice(0, 64);
		const known = GUPSHUP_CODES[Number(text)];
		if (known) return { code: `${known[0]} (${text})`, explanation: known[2] };
		if (text.trim() !== '')
			return { code: text, explanation: `Gupshup reported the failure "${text}".` };
	}
	return undefined;
}

function inboundMessage(body: Fields, context: ParseContext): InboundSmsEvent {
	const payload = requiredObject(body, 'payload');
	const messageType = optionalText(payload, 'type');
	if (messageType !== undefined && messageType !== 'text') {
		throw unknownEventKind(`Gupshup inbound messages of type "${messageType}" are not SMS text`);
	}
	const messageId = requiredText(payload, 'id', { max: MAX_ID_LENGTH });
	const content = requiredObject(payload, 'payload');
	const text = requiredText(content, 'text', { max: MAX_BODY_BYTES, allowEmpty: true });
	const sender = optionalObject(payload, 'sender');
	const from = (sender && optionalText(sender, 'phone')) ?? requiredText(payload, 'source');
	return {
		eventType: 'inbound',
		eventId: eventId(GATEWAY, 'inbound', [messageId]),
		gateway: GATEWAY,
		from: internationalNumber(from),
		// The payload names the app, not the number the message was sent to.
		to: null,
		text,
		receivedAt: isoFromTimestamp(body.timestamp) ?? isoNow(context.receivedAtMs),
		messageId,
		linkId: null,
		keyword: null,
		raw: rawCopy(body),
	};
}

const KIND_NAMES: Record<EventKind, string> = {
	inbound: 'incoming messages',
	deliveryReport: 'delivery reports',
	optOut: 'opt-outs',
};

/** Where the trigger's URL goes: Gupshup sends every event of an app to its one callback URL. */
function setupNotice(kind: EventKind): string {
	return `In the Gupshup dashboard, open your app's settings, paste this node's Production URL as the Callback URL (webhook) and switch it on. ${TOKEN_SETUP_HINT} Gupshup sends every event of an app (delivery reports and incoming messages) to that one URL: to receive more than ${KIND_NAMES[kind]}, turn on Accept All Event Kinds and route on eventType with a Switch node.`;
}

export const gupshupWebhooks: WebhookCapability = {
	setupNotice,
	eventKinds: ['inbound', 'deliveryReport'],
	bodyKinds: ['json'],
	contentTypeHint: 'application/json',
	authMethods: ['token', 'none'],
	parse: (request, context) => guardedParse(parseEvent, request, context),
};

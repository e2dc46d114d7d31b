/**
 * Africa's Talking callbacks (docs/gateways/africastalking.md#callbacks). All four are form-encoded POSTs, each
 * with its own URL field in the dashboard (SMS → SMS Callback URLs → Delivery Reports | Incoming
 * Messages | Bulk SMS Opt Out | Subscription Notifications). A user may paste one trigger's URL in
 * several of them, so every callback kind is recognised by its fields wherever it arrives:
 * - delivery report: id, status, phoneNumber, networkCode, failureReason, retryCount;
 * - incoming message: linkId, text, to, id, date, from (+ networkCode, cost);
 * - bulk SMS opt-out: senderId, phoneNumber;
 * - subscription notification: phoneNumber, shortCode, keyword, updateType (addition | deletion).
 * The expected answer is not documented (docs/gateways/africastalking.md#what-is-not-documented); Africa's Talking's documented handlers answer 200 `OK`, which we send.
 */
import { textAnswer } from '../../webhook-parsing/answers';
import { TOKEN_SETUP_HINT } from '../../webhook-parsing/auth';
import { eventId } from '../../webhook-parsing/event-id';
import type { Fields } from '../../webhook-parsing/fields';
import { optionalText, PayloadError, rawCopy, requiredText } from '../../webhook-parsing/fields';
import { MAX_BODY_BYTES, MAX_DATE_LENGTH, MAX_ID_LENGTH } from '../../webhook-parsing/limits';
import { internationalNumber } from '../../webhook-parsing/numbers';
import { guardedParse, unknownEventKind } from '../../webhook-parsing/parse-guard';
import { isoFromTimestamp, isoNow } from '../../webhook-parsing/time';
import type {
	DeliveryReportEvent,
	DeliveryStatus,
	EventKind,
	HttpAnswer,
	InboundSmsEvent,
	OptOutEvent,
	ParseContext,
	SmsEvent,
	WebhookCapability,
	WebhookRequest,
} from '../../core/webhook-types';

const GATEWAY = 'africasTalking';

/** Delivery statuses (docs/gateways/africastalking.md#delivery-reports): Sent, Submitted and Buffered are on the way; the rest are final. */
const STATUSES: Record<string, { status: DeliveryStatus; final: boolean; explanation?: string }> = {
	sent: { status: 'sent', final: false },
	submitted: { status: 'sent', final: false },
	buffered: { status: 'sent', final: false },
	success: { status: 'delivered', final: true },
	failed: {
		status: 'failed',
		final: true,
		explanation:
			"The message was not delivered. Africa's Talking gave no reason; check the number and try again later.",
	},
	rejected: {
		status: 'rejected',
		final: true,
		explanation:
			"The recipient's mobile network rejected the message. Check the number, the sender ID and the text.",
	},
	absentsubscriber: {
		status: 'failed',
		final: true,
		explanation:
			'The phone was unreachable (switched off or out of coverage) until the network gave up. Try again later.',
	},
	expired: {
		status: 'expired',
		final: true,
		explanation:
			'The network discarded the message (its firewall flagged the content or the sender ID). Change the text or use an approved sender ID.',
	},
};

/** failureReason values (docs/gateways/africastalking.md#delivery-reports, documented, docs/gateways/africastalking.md#delivery-reports), in plain language. */
export const AT_FAILURE_REASONS: Record<string, string> = {
	InsufficientCredit:
		'The subscriber does not have enough airtime to pay for this premium message. It can be sent again once they top up.',
	InvalidLinkId:
		'The linkId of this on-demand reply is unknown or has expired. Reply with the linkId of a recent incoming message.',
	UserIsInactive:
		"The subscriber's line is inactive with their network. Do not retry until they reactivate it.",
	UserInBlackList:
		'The subscriber has blocked messages from this sender (blacklist). Do not send to them again unless they opt back in.',
	UserAccountSuspended: "The subscriber's account is suspended by their network.",
	NotNetworkSubcriber:
		"The number does not belong to the network this route serves (for example a ported number). Check the number's network.",
	UserNotSubscribedToProduct:
		'The subscriber is not subscribed to this premium product. They must subscribe before they can receive it.',
	UserDoesNotExist: 'The network says this number does not exist. Check the number.',
	DeliveryFailure:
		'The network could not deliver the message (a catch-all reason, also used in the sandbox). Try again later.',
	DoNotDisturbRejection:
		"Rejected under Nigeria's Do-Not-Disturb rules: promotional messages may only be sent within the allowed hours.",
};

const ack = (): HttpAnswer => textAnswer(200, 'OK');

function parseCallback(
	request: WebhookRequest,
	context: ParseContext,
): { event: SmsEvent; ack: HttpAnswer } {
	if (request.body.kind !== 'form')
		throw new PayloadError(400, "The body is empty: Africa's Talking posts form fields");
	const fields = request.body.fields;
	if (has(fields, 'status')) return { event: deliveryReport(fields, context), ack: ack() };
	if (has(fields, 'updateType')) return { event: subscription(fields, context), ack: ack() };
	if (has(fields, 'senderId')) return { event: bulkOptOut(fields, context), ack: ack() };
	if (has(fields, 'text') || has(fields, 'linkId'))
		return { event: incomingMessage(fields, context), ack: ack() };
	throw unknownEventKind(
		"Not an Africa's Talking callback: expected a delivery report, an incoming message, an opt-out or a subscription notification",
	);
}

function has(fields: Fields, name: string): boolean {
	return Object.prototype.hasOwnProperty.call(fields, name);
}

/** Africa's Talking's delivery report with its own field promoted from `raw`. */
export interface AtDeliveryReportEvent extends DeliveryReportEvent {
	/** How many times a premium message was retried before this report; null when not given. */
	retryCount: number | null;
}

/** Africa's Talking's incoming message with its own fields promoted from `raw`. */
export interface AtInboundSmsEvent extends InboundSmsEvent {
	/** The sender's mobile network (for example 62120 Safaricom); null when not given. */
	networkCode: string | null;
	/** What the message cost, as Africa's Talking writes it (for example `KES 0.0000`); null when not given. */
	cost: string | null;
}

/** A whole, non-negative count, or null (a missing or unreadable value stays in `raw`). */
function countOrNull(text: string | undefined): number | null {
	if (text === undefined || !/^\d{1,9}$/.test(text.trim())) return null;
	return Number(text.trim());
}

function deliveryReport(fields: Fields, context: ParseContext): AtDeliveryReportEvent {
	const messageId = requiredText(fields, 'id', { max: MAX_ID_LENGTH });
	const gatewayStatus = requiredText(fields, 'status');
	const phoneNumber = requiredText(fields, 'phoneNumber');
	const failureReason = optionalText(fields, 'failureReason') ?? null;
	const retryCount = optionalText(fields, 'retryCount');
	const known = STATUSES[gatewayStatus.toLowerCase()];
	return {
		eventType: 'deliveryReport',
		// "AT DLR id+status+retryCount": a premium retry is a new report, a re-post of the same one is not.
		eventId: eventId(GATEWAY, 'deliveryReport', [messageId, gatewayStatus, retryCount ?? '0']),
		gateway: GATEWAY,
		messageId,
		to: internationalNumber(phoneNumber),
		status: known?.status ?? 'unknown',
		final: known?.final ?? false,
		gatewayStatus,
		failureReason,
		failureExplanation: failureExplanation(failureReason, known?.explanation),
		networkCode: optionalText(fields, 'networkCode') ?? null,
		retryCount: countOrNull(retryCount),
		// Delivery reports carry no time: this is when n8n received the report.
		at: isoNow(context.receivedAtMs),
		raw: rawCopy(fields),
	};
}

function failureExplanation(
	reason: string | null,
	statusExplanation: string | undefined,
): string | null {
	if (reason !== null) {
		return (
			AT_FAILURE_REASONS[reason] ?? `Africa's Talking reported the failure reason "${reason}".`
		);
	}
	return statusExplanation ?? null;
}

export function incomingMessage(fields: Fields, context: ParseContext): AtInboundSmsEvent {
	const messageId = requiredText(fields, 'id', { max: MAX_ID_LENGTH });
	const from = requiredText(fields, 'from');
	const to = requiredText(fields, 'to');
	const text = requiredText(fields, 'text', { max: MAX_BODY_BYTES, allowEmpty: true });
	const date = optionalText(fields, 'date', { max: MAX_DATE_LENGTH });
	return {
		eventType: 'inbound',
		eventId: eventId(GATEWAY, 'inbound', [messageId]),
		gateway: GATEWAY,
		from: internationalNumber(from),
		to,
		text,
		// The date format of this callback is undocumented (docs/gateways/africastalking.md#incoming-messages): Africa's Talking's documented
		// `2026-03-04 10:30:00` and ISO are read; anything else falls back to the time of receipt.
		receivedAt: isoFromTimestamp(date) ?? isoNow(context.receivedAtMs),
		messageId,
		linkId: optionalText(fields, 'linkId', { max: MAX_ID_LENGTH }) ?? null,
		keyword: optionalText(fields, 'keyword') ?? null,
		networkCode: optionalText(fields, 'networkCode') ?? null,
		cost: optionalText(fields, 'cost') ?? null,
		raw: rawCopy(fields),
	};
}

function bulkOptOut(fields: Fields, context: ParseContext): OptOutEvent {
	const senderId = requiredText(fields, 'senderId');
	const phoneNumber = requiredText(fields, 'phoneNumber');
	return {
		eventType: 'optOut',
		eventId: eventId(GATEWAY, 'optOut', ['bulkOptOut', senderId, phoneNumber]),
		gateway: GATEWAY,
		phoneNumber: internationalNumber(phoneNumber),
		type: 'optOut',
		source: 'gatewayOptOut',
		senderId,
		shortCode: null,
		keyword: null,
		at: isoNow(context.receivedAtMs),
		raw: rawCopy(fields),
	};
}

function subscription(fields: Fields, context: ParseContext): OptOutEvent {
	const phoneNumber = requiredText(fields, 'phoneNumber');
	const shortCode = requiredText(fields, 'shortCode');
	const keyword = requiredText(fields, 'keyword');
	const updateType = requiredText(fields, 'updateType');
	// The docs' table writes `addition`/`deletion`, their PHP sample `Addition`/`Deletion` (docs/gateways/africastalking.md#opt-outs-and-subscriptions).
	const change = updateType.toLowerCase();
	if (change !== 'addition' && change !== 'deletion') {
		throw new PayloadError(400, 'The field "updateType" must be "addition" or "deletion"');
	}
	return {
		eventType: 'optOut',
		eventId: eventId(GATEWAY, 'optOut', ['subscription', phoneNumber, shortCode, keyword, change]),
		gateway: GATEWAY,
		phoneNumber: internationalNumber(phoneNumber),
		type: change === 'addition' ? 'optIn' : 'optOut',
		source: 'subscription',
		senderId: null,
		shortCode,
		keyword,
		at: isoNow(context.receivedAtMs),
		raw: rawCopy(fields),
	};
}

/** The dashboard field of each callback kind (SMS → SMS Callback URLs). */
const CALLBACK_URL_FIELDS: Record<EventKind, string> = {
	inbound: 'Incoming Messages',
	deliveryReport: 'Delivery Reports',
	optOut:
		'Bulk SMS Opt Out and Subscription Notifications (and Incoming Messages, to catch STOP replies)',
};

/** Where the trigger's URL goes in the dashboard; each callback kind has its own URL field. */
function setupNotice(kind: EventKind): string {
	return `In the Africa's Talking dashboard, open SMS → SMS Callback URLs → ${CALLBACK_URL_FIELDS[kind]} and paste this node's Production URL. ${TOKEN_SETUP_HINT} Each callback kind has its own URL field there, so each SMS trigger can have its own; or paste one URL in several fields and turn on Accept All Event Kinds.`;
}

export const africasTalkingWebhooks: WebhookCapability = {
	setupNotice,
	eventKinds: ['inbound', 'deliveryReport', 'optOut'],
	bodyKinds: ['form'],
	contentTypeHint: 'application/x-www-form-urlencoded',
	authMethods: ['token', 'none'],
	parse: (request, context) => guardedParse(parseCallback, request, context),
};

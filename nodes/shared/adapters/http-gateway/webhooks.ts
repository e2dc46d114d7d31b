/**
 * Callbacks of a Custom HTTP Gateway (issue 14, item 2): the profile's callback mapping (where the
 * number, text, time, message ID and status are, which status values mean what, whether an incoming
 * message's `to` is normalised, and the acknowledgement, whose body may take values from the
 * callback: ack-template.ts) and the parser that turns one callback into the normalised inbound or
 * delivery-report event. Paths are field names for form bodies and JSON paths for JSON bodies.
 *
 * The mapping lives in the `httpSmsGatewayApi` credential, so the capability below carries a
 * `profileCredential`: the trigger loads that credential for this gateway only and hands it to
 * `parseWithProfile`.
 */
import { TOKEN_SETUP_HINT } from '../../webhook-parsing/auth';
import { eventId } from '../../webhook-parsing/event-id';
import { PayloadError, rawCopy } from '../../webhook-parsing/fields';
import {
	MAX_BODY_BYTES,
	MAX_DATE_LENGTH,
	MAX_ID_LENGTH,
	MAX_SHORT_LENGTH,
} from '../../webhook-parsing/limits';
import { internationalNumber } from '../../webhook-parsing/numbers';
import { guardedParse, unknownEventKind } from '../../webhook-parsing/parse-guard';
import { isoFromTimestamp, isoNow } from '../../webhook-parsing/time';
import type { Credentials } from '../../core/types';
import type {
	DeliveryStatus,
	EventKind,
	HttpAnswer,
	ParseContext,
	ParseResult,
	SmsEvent,
	WebhookCapability,
	WebhookRequest,
} from '../../core/webhook-types';
import { compileAckTemplate, renderAck } from './ack-template';
import type { AckTemplate } from './ack-template';
import { pathSegments, readPath, scalarText } from './json-path';
import { ProfileError } from './profile';

const GATEWAY = 'httpGateway';
const FINAL: ReadonlySet<DeliveryStatus> = new Set(['delivered', 'failed', 'rejected', 'expired']);
const STATUSES: readonly DeliveryStatus[] = [
	'queued',
	'sent',
	'delivered',
	'failed',
	'rejected',
	'expired',
];

export interface CallbackMapping {
	/** Inbound: the sender. Delivery report: the recipient. */
	numberPath: string;
	/** Delivery report: the recipient, when not at numberPath. */
	reportNumberPath: string;
	textPath: string;
	toPath: string;
	timePath: string;
	messageIdPath: string;
	statusPath: string;
	failurePath: string;
	/** Gateway status value → normalised status; values not listed are `unknown`. */
	statusValues: Map<string, DeliveryStatus>;
	/** Write an incoming message's `to` as the named triggers do (`+` and digits); off: as posted. */
	normaliseTo: boolean;
	/** The acknowledgement as configured (its body with any placeholders unfilled). */
	ack: HttpAnswer;
	/** The acknowledgement's body, filled from each accepted callback. */
	ackBody: AckTemplate;
}

function text(credentials: Credentials, key: string, fallback = ''): string {
	const value = credentials[key];
	return typeof value === 'string'
		? value.trim()
		: typeof value === 'number'
			? String(value)
			: fallback;
}

function mappingPath(credentials: Credentials, key: string, label: string): string {
	const value = text(credentials, key);
	if (pathSegments(value) === undefined)
		throw new ProfileError(label, `"${value}" is not a field name or a path such as data.from`);
	return value;
}

/** `{"delivered": ["DELIVRD", "delivered"], "failed": ["UNDELIV"]}` → value → status. */
function statusTable(credentials: Credentials): Map<string, DeliveryStatus> {
	const raw = credentials.callbackStatusValues;
	const table = new Map<string, DeliveryStatus>();
	if (raw === undefined || raw === null || raw === '') return table;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		const attempt = safeJson(raw);
		if (!attempt.ok) throw new ProfileError('Callback Status Values', 'is not valid JSON');
		parsed = attempt.value;
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new ProfileError(
			'Callback Status Values',
			'must be a JSON object such as {"delivered": ["DELIVRD"]}',
		);
	}
	for (const [status, values] of Object.entries(parsed as Record<string, unknown>)) {
		if (!(STATUSES as readonly string[]).includes(status)) {
			throw new ProfileError(
				'Callback Status Values',
				`"${status}" is not one of ${STATUSES.join(', ')}`,
			);
		}
		const list = Array.isArray(values) ? values : [values];
		for (const value of list) {
			const word = scalarText(value);
			if (word === undefined)
				throw new ProfileError('Callback Status Values', `the values of "${status}" must be text`);
			table.set(word.toLowerCase(), status as DeliveryStatus);
		}
	}
	return table;
}

function safeJson(raw: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(raw) as unknown };
	} catch {
		return { ok: false };
	}
}

/** Reads the callback part of a profile; throws a ProfileError naming the field at fault. */
export function readCallbackMapping(credentials: Credentials): CallbackMapping {
	const ackStatus = Number(credentials.callbackAckStatus ?? 200);
	if (!Number.isInteger(ackStatus) || ackStatus < 200 || ackStatus > 299) {
		throw new ProfileError('Acknowledgement Status', 'must be an HTTP status from 200 to 299');
	}
	const ackBody =
		typeof credentials.callbackAckBody === 'string' ? credentials.callbackAckBody : '';
	const ackContentType = text(credentials, 'callbackAckContentType', 'text/plain; charset=utf-8');
	if (/[\r\n]/.test(ackContentType) || ackContentType.length > 200) {
		throw new ProfileError(
			'Acknowledgement Content Type',
			'must be one line, such as text/plain or application/json',
		);
	}
	const mapping: CallbackMapping = {
		numberPath: mappingPath(credentials, 'callbackNumberPath', 'Callback Number Path'),
		reportNumberPath: mappingPath(
			credentials,
			'callbackReportNumberPath',
			'Callback Report Number Path',
		),
		textPath: mappingPath(credentials, 'callbackTextPath', 'Callback Text Path'),
		toPath: mappingPath(credentials, 'callbackToPath', 'Callback To Path'),
		timePath: mappingPath(credentials, 'callbackTimePath', 'Callback Time Path'),
		messageIdPath: mappingPath(credentials, 'callbackMessageIdPath', 'Callback Message ID Path'),
		statusPath: mappingPath(credentials, 'callbackStatusPath', 'Callback Status Path'),
		failurePath: mappingPath(credentials, 'callbackFailurePath', 'Callback Failure Path'),
		statusValues: statusTable(credentials),
		normaliseTo: credentials.callbackNormaliseTo === true,
		ackBody: compileAckTemplate(ackBody, ackBody === '' ? '' : ackContentType),
		ack:
			ackBody === '' || ackContentType === ''
				? { status: ackStatus, body: ackBody }
				: { status: ackStatus, contentType: ackContentType, body: ackBody },
	};
	if (mapping.numberPath === '')
		throw new ProfileError('Callback Number Path', 'is required to read callbacks');
	return mapping;
}

function fieldsOf(request: WebhookRequest): Record<string, unknown> {
	if (request.body.kind === 'json') return request.body.value;
	if (request.body.kind === 'form') return request.body.fields;
	return request.query;
}

function value(
	fields: Record<string, unknown>,
	path: string,
	max: number,
	label: string,
): string | undefined {
	if (path === '') return undefined;
	const found = readPath(fields, path);
	if (found === undefined || found === null) return undefined;
	const word = scalarText(found);
	if (word === undefined)
		throw new PayloadError(400, `The field "${path}" (${label}) must be text`);
	if (word.length > max)
		throw new PayloadError(400, `The field "${path}" (${label}) is longer than ${max} characters`);
	return word;
}

/** The acknowledgement of one accepted callback: the configured one, its body filled from the callback. */
function answerFor(mapping: CallbackMapping, fields: Record<string, unknown>): HttpAnswer {
	return mapping.ackBody.hasPlaceholders
		? { ...mapping.ack, body: renderAck(mapping.ackBody, fields) }
		: mapping.ack;
}

function parse(
	mapping: CallbackMapping,
	request: WebhookRequest,
	context: ParseContext,
): { event: SmsEvent; ack: HttpAnswer } {
	const fields = fieldsOf(request);
	const messageId = value(fields, mapping.messageIdPath, MAX_ID_LENGTH, 'message ID');
	const time = value(fields, mapping.timePath, MAX_DATE_LENGTH, 'time');
	const at = isoFromTimestamp(time) ?? isoNow(context.receivedAtMs);
	const gatewayStatus = value(fields, mapping.statusPath, MAX_SHORT_LENGTH, 'status');
	const raw = rawCopy(fields);
	const report = gatewayStatus !== undefined;
	const numberPath =
		report && mapping.reportNumberPath !== '' ? mapping.reportNumberPath : mapping.numberPath;
	const number = value(fields, numberPath, MAX_SHORT_LENGTH, 'number');
	if (number === undefined || number.trim() === '')
		throw new PayloadError(400, `The field "${numberPath}" (number) is missing`);
	if (gatewayStatus !== undefined) {
		if (messageId === undefined)
			throw new PayloadError(
				400,
				`The field "${mapping.messageIdPath || 'message ID'}" (message ID) is missing`,
			);
		const status = mapping.statusValues.get(gatewayStatus.toLowerCase()) ?? 'unknown';
		const failureReason =
			value(fields, mapping.failurePath, MAX_SHORT_LENGTH, 'failure reason') || null;
		return {
			ack: answerFor(mapping, fields),
			event: {
				eventType: 'deliveryReport',
				eventId: eventId(GATEWAY, 'deliveryReport', [messageId, gatewayStatus]),
				gateway: GATEWAY,
				messageId,
				to: internationalNumber(number),
				status,
				final: FINAL.has(status),
				gatewayStatus,
				failureReason,
				failureExplanation:
					status === 'failed' || status === 'rejected' || status === 'expired'
						? `The gateway reported "${gatewayStatus}"${failureReason ? ` (${failureReason})` : ''}: the message was not delivered.`
						: null,
				networkCode: null,
				at,
				raw,
			},
		};
	}
	const body = value(fields, mapping.textPath, MAX_BODY_BYTES, 'text');
	if (body === undefined)
		throw unknownEventKind('The callback has neither a status nor a text at the configured paths');
	const to = value(fields, mapping.toPath, MAX_SHORT_LENGTH, 'to') ?? null;
	return {
		ack: answerFor(mapping, fields),
		event: {
			eventType: 'inbound',
			eventId: eventId(GATEWAY, 'inbound', messageId ? [messageId] : [number, time ?? null, body]),
			gateway: GATEWAY,
			from: internationalNumber(number),
			to: to !== null && mapping.normaliseTo ? internationalNumber(to) : to,
			text: body,
			receivedAt: at,
			messageId: messageId ?? null,
			linkId: null,
			keyword: null,
			raw,
		},
	};
}

/** One callback read by a profile's mapping: an event and the profile's acknowledgement, or a refusal. */
export function parseWithProfile(
	credentials: Credentials,
	request: WebhookRequest,
	context: ParseContext,
): ParseResult {
	const mapping = mappingOrProblem(credentials);
	if (mapping instanceof ProfileError) {
		// The profile, not the caller, is at fault: 500, so a gateway that retries will try again later.
		return { ok: false, rejection: { status: 500, message: mapping.message } };
	}
	return guardedParse((r, c) => parse(mapping, r, c), request, context);
}

function mappingOrProblem(credentials: Credentials): CallbackMapping | ProfileError {
	try {
		return readCallbackMapping(credentials);
	} catch (error) {
		return error instanceof ProfileError
			? error
			: new ProfileError('Callback Number Path', 'the callback mapping could not be read');
	}
}

function setupNotice(kind: EventKind): string {
	const what = kind === 'deliveryReport' ? 'delivery-report (status callback)' : 'incoming-message';
	return `Paste this node's Production URL as your provider's ${what} URL. ${TOKEN_SETUP_HINT} Where the number, text, message ID and status are in each callback, and how to answer it, is set in the Callbacks section of the Custom HTTP Gateway credential.`;
}

/** What the Custom HTTP Gateway offers the triggers: everything is read from the profile. */
export const httpGatewayWebhooks: WebhookCapability = {
	setupNotice,
	eventKinds: ['inbound', 'deliveryReport'],
	bodyKinds: ['json', 'form'],
	contentTypeHint: 'application/json or application/x-www-form-urlencoded',
	authMethods: ['token', 'basicAuth', 'none'],
	// Never called: the trigger parses with the credential (profileCredential) for this gateway.
	parse: () => ({
		ok: false,
		rejection: {
			status: 500,
			message: 'The Custom HTTP Gateway credential is needed to read callbacks',
		},
	}),
	profileCredential: { credentialType: 'httpSmsGatewayApi', parse: parseWithProfile },
};

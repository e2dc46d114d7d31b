/**
 * Sending through DHIS2's `POST /api/sms/outbound` (docs/gateways/dhis2.md#sending): JSON
 * `{"message","recipients":[…]}`; DHIS2 forwards it to its default SMS gateway and answers once
 * for the whole request. It returns no message id.
 */
import type { BatchOutcome, RecipientOutcome, SendBatch, SendCapability } from '../../core/adapter';
import { errorInfo } from '../../core/errors';
import type { Credentials, HttpClient, HttpReply, OutgoingMessage } from '../../core/types';
import { formatPhoneNumber } from '../../helpers/phone';
import { retryableRefusal } from '../common';
import { clock } from '../../helpers/clock';
import { excerpt } from '../../helpers/excerpt';
import { authorityRefusal, authRefusal, serverRefusal } from './codes';
import { dhis2ApiUrl, serverUrl } from './hosts';
import { readWebMessage } from './web-message';

const GATEWAY = 'DHIS2';

/**
 * DHIS2 cuts the recipients into slices of 200 (MAX_RECIPIENTS_ALLOWED) and its reply reflects only
 * the LAST slice (docs/gateways/dhis2.md#sending): with more than 200 a failed first slice would be hidden behind
 * a "SMS sent". Sending at most 200 per request keeps each reply true for all its recipients.
 */
export const DHIS2_MAX_RECIPIENTS = 200;

/** keySmsMaxLength's default; a server or its gateway may be set lower (then "Sms text message is too long"). */
export const DHIS2_DEFAULT_MAX_LENGTH = 1071;

export const dhis2Send: SendCapability = {
	sender: 'none',
	limits: {
		maxRecipientsPerRequest: DHIS2_MAX_RECIPIENTS,
		// DHIS2 compares Java's text.length(), i.e. UTF-16 code units (SmsMessageSender).
		maxLength: { unit: 'utf16', max: DHIS2_DEFAULT_MAX_LENGTH },
		unicode: true,
		// DHIS2 strips a leading "+" or "00" itself (SmsUtils.removePhoneNumberPrefix).
		numberStyle: 'plusE164',
		canSchedule: false,
		nativePersonalisation: false,
		premium: false,
	},

	// DHIS2 has no sender field: its gateway decides. A "From" given anyway is ignored (the node hides it).
	batchKey: (m) => m.text,

	async sendBatch(http: HttpClient, credentials: Credentials, batch: SendBatch) {
		if (!serverUrl(credentials)) {
			return {
				kind: 'refused',
				stopsRun: true,
				error: errorInfo(
					'SERVER_URL_MISSING',
					'The DHIS2 credential has no Server URL',
					'Set the Server URL of your DHIS2 instance in the credential.',
				),
			};
		}
		const { unique, repeats } = splitRepeats(batch.messages);
		const reply = await http.request({
			method: 'POST',
			url: dhis2ApiUrl(credentials, '/sms/outbound'),
			body: {
				message: batch.messages[0].text,
				recipients: unique.map((m) => formatPhoneNumber(m.e164, 'plusE164')),
			},
			headers: { Accept: 'application/json' },
		});
		const outcome = readSendReply(reply, unique);
		return outcome.kind === 'answered'
			? { kind: 'answered', outcomes: [...outcome.outcomes, ...repeats.map(repeated)] }
			: outcome;
	},
};

/**
 * DHIS2 keeps the recipients in a Set, so a number listed twice in one request gets one SMS
 * (SmsOutboundController, SmsMessageSender; inferred (docs/gateways/dhis2.md#sending) from the source). Repeats are left out of the
 * request and reported, instead of being claimed as sent.
 */
function splitRepeats(messages: OutgoingMessage[]): {
	unique: OutgoingMessage[];
	repeats: OutgoingMessage[];
} {
	const seen = new Set<string>();
	const unique: OutgoingMessage[] = [];
	const repeats: OutgoingMessage[] = [];
	for (const m of messages) {
		if (seen.has(m.e164)) repeats.push(m);
		else {
			seen.add(m.e164);
			unique.push(m);
		}
	}
	return { unique, repeats };
}

function repeated(message: OutgoingMessage): RecipientOutcome {
	return {
		message,
		status: 'rejected',
		messageId: null,
		cost: null,
		currency: null,
		error: errorInfo(
			'REPEATED_IN_REQUEST',
			'The same number was already in this DHIS2 request',
			'DHIS2 sends one SMS per distinct number in a request, so this copy was not sent. Run again to send it once more.',
		),
	};
}

function readSendReply(reply: HttpReply, messages: OutgoingMessage[]): BatchOutcome {
	const retry = retryableRefusal(reply, GATEWAY, clock.now());
	if (retry) return retry;
	const { statusCode, body } = reply;
	const web = readWebMessage(body);
	const words = web?.message ?? '';

	// 200 {"status":"OK","message":"SMS sent"}: the gateway answered 200/201/202 (SmsGateway.OK_CODES).
	if (statusCode >= 200 && statusCode < 300 && web?.status === 'OK') {
		return {
			kind: 'answered',
			outcomes: messages.map((message) => ({
				message,
				status: 'accepted',
				messageId: null,
				cost: null,
				currency: null,
				error: null,
				details: { gatewayMessage: web.message || null },
			})),
		};
	}
	if (statusCode === 401) return authRefusal(401, words);
	if (statusCode === 403) return authorityRefusal(words);
	// A malformed token or a bad checksum is a 400 before any controller runs (ApiTokenErrors).
	if (statusCode === 400 && /api token|checksum/i.test(words)) return authRefusal(400, words);
	if (statusCode === 404) {
		return {
			kind: 'refused',
			stopsRun: true,
			error: errorInfo(
				404,
				words || 'Not Found',
				'There is no DHIS2 SMS API at this address. Check the Server URL in the credential, including the context path (for example https://example.org/dhis).',
			),
		};
	}
	if (statusCode === 500 && web) return serverRefusal(words);
	if (statusCode >= 400 && statusCode < 500) {
		return {
			kind: 'refused',
			stopsRun: false,
			error: errorInfo(
				statusCode,
				words || excerpt(body),
				`DHIS2 refused the request (HTTP ${statusCode}): ${words || excerpt(body)}`,
			),
		};
	}
	return {
		kind: 'ambiguous',
		error: errorInfo(
			statusCode >= 200 && statusCode < 300 ? 'UNREADABLE_REPLY' : statusCode,
			`Unexpected reply from DHIS2 (HTTP ${statusCode}): ${excerpt(body)}`,
			"It is not known whether the messages were sent. Check DHIS2's outbound SMS list before sending them again. (An HTML page here often means a login page: check the Server URL.)",
		),
	};
}

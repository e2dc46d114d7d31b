/**
 * Sending through Africa's Talking's form endpoint `POST /version1/messaging` (docs/gateways/africastalking.md#sending):
 * it takes a comma-separated recipient list, works in the sandbox (the JSON bulk endpoint does not
 * yet) and carries the premium fields. One request answers per recipient.
 */
import type { BatchOutcome, RecipientOutcome, SendBatch, SendCapability } from '../../core/adapter';
import { errorInfo } from '../../core/errors';
import type { Credentials, HttpClient, OutgoingMessage, SendOptions } from '../../core/types';
import { retryableRefusal } from '../common';
import { clock } from '../../helpers/clock';
import { excerpt } from '../../helpers/excerpt';
import { parseMoney } from '../../helpers/money';
import { ACCEPTED_CODES, recipientError } from './codes';
import { apiUrl, contentUrl, username } from './hosts';

/**
 * No maximum is documented (docs/gateways/africastalking.md#what-is-not-documented). 500 numbers keep the form body near 8 KB, far below
 * any proxy's limit, while 5,000 recipients still need only 10 requests.
 */
export const AT_BATCH_SIZE = 500;

interface AtRecipient {
	statusCode?: number;
	number?: string;
	status?: string;
	cost?: string;
	messageId?: string;
	messageParts?: number;
}

export const africasTalkingSend: SendCapability = {
	sender: 'text',
	limits: {
		maxRecipientsPerRequest: AT_BATCH_SIZE,
		unicode: true,
		numberStyle: 'plusE164',
		canSchedule: false,
		nativePersonalisation: false,
		premium: true,
	},

	batchKey: (m) => `${m.sender ?? ''}\u0000${m.text}`,

	async sendBatch(
		http: HttpClient,
		credentials: Credentials,
		batch: SendBatch,
		options: SendOptions,
	) {
		const first = batch.messages[0];
		const premium = Boolean(options.keyword || options.linkId);
		const form: Record<string, string> = {
			username: username(credentials),
			to: batch.messages.map((m) => m.e164).join(','),
			message: first.text,
			// Bulk mode bills the sender; premium (subscription/on-demand) messages use 0 (SDK behaviour).
			bulkSMSMode: premium ? '0' : '1',
		};
		if (first.sender) form.from = first.sender;
		if (options.keyword) form.keyword = options.keyword;
		if (options.linkId) form.linkId = options.linkId;
		if (options.enqueue) form.enqueue = '1';
		if (premium && options.retryDurationInHours)
			form.retryDurationInHours = String(options.retryDurationInHours);

		const path = '/version1/messaging';
		const reply = await http.request({
			method: 'POST',
			url: premium ? contentUrl(credentials, path) : apiUrl(credentials, path),
			body: form,
			form: true,
			headers: { Accept: 'application/json' },
		});
		return (
			readSendReply(reply.statusCode, reply.body, batch.messages, reply.headers) ??
			unreadable(reply.body)
		);
	},
};

function readSendReply(
	statusCode: number,
	body: unknown,
	messages: OutgoingMessage[],
	headers: Record<string, string | string[] | undefined>,
): BatchOutcome | undefined {
	const retry = retryableRefusal({ statusCode, headers, body }, "Africa's Talking", clock.now());
	if (retry) return retry;
	if (statusCode === 401) {
		return {
			kind: 'refused',
			stopsRun: true,
			error: errorInfo(
				401,
				typeof body === 'string' && body ? body : 'The supplied authentication is invalid',
				"Africa's Talking refused the username or API key. Check the credential (a new API key can take up to 20 minutes to work) and that Environment matches the account (sandbox or live).",
			),
		};
	}
	const data = (body as { SMSMessageData?: { Message?: string; Recipients?: AtRecipient[] } })
		?.SMSMessageData;
	if (statusCode >= 500) return undefined;
	if (statusCode !== 201 && statusCode !== 200) {
		const message = data?.Message ?? excerpt(body);
		return {
			kind: 'refused',
			stopsRun: false,
			error: errorInfo(
				statusCode,
				message,
				`Africa's Talking refused the request (HTTP ${statusCode}): ${message}`,
			),
		};
	}
	if (!data || !Array.isArray(data.Recipients)) return undefined;
	if (data.Recipients.length === 0) {
		// An account-level refusal such as `InvalidSenderId` comes as 201 with no recipients.
		const message = data.Message || 'No recipient was accepted';
		const known = message === 'InvalidSenderId' ? recipientError(402, message) : undefined;
		return {
			kind: 'refused',
			stopsRun: false,
			error:
				known ??
				errorInfo(
					'REFUSED',
					message,
					`Africa's Talking accepted none of the recipients: ${message}`,
				),
		};
	}
	return { kind: 'answered', outcomes: matchRecipients(data.Recipients, messages) };
}

/** Pairs each reply row with the message to that number, in order (a number may repeat). */
function matchRecipients(rows: AtRecipient[], messages: OutgoingMessage[]): RecipientOutcome[] {
	const waiting = new Map<string, OutgoingMessage[]>();
	for (const m of messages) {
		const list = waiting.get(m.e164) ?? [];
		list.push(m);
		waiting.set(m.e164, list);
	}
	const outcomes: RecipientOutcome[] = [];
	for (const row of rows) {
		const number = String(row.number ?? '').replace(/^(?!\+)/, '+');
		const message = waiting.get(number)?.shift();
		if (!message) continue;
		const code = Number(row.statusCode);
		const money = parseMoney(row.cost);
		const accepted = ACCEPTED_CODES.has(code);
		outcomes.push({
			message,
			status: accepted ? 'accepted' : 'rejected',
			messageId: accepted && row.messageId && row.messageId !== 'None' ? row.messageId : null,
			cost: accepted ? money.amount : null,
			currency: money.currency,
			error: accepted ? null : recipientError(code, row.status),
			details: {
				gatewayStatus: row.status ?? null,
				statusCode: Number.isFinite(code) ? code : null,
				messageParts: typeof row.messageParts === 'number' ? row.messageParts : null,
			},
		});
	}
	return outcomes;
}

function unreadable(body: unknown): BatchOutcome {
	return {
		kind: 'ambiguous',
		error: errorInfo(
			'UNREADABLE_REPLY',
			`Unexpected reply from Africa's Talking: ${excerpt(body)}`,
			"It is not known whether the messages were accepted. Check the Africa's Talking dashboard before re-sending.",
		),
	};
}

/**
 * Incoming messages fetched from Africa's Talking instead of pushed to a callback URL:
 * `GET /version1/messaging?username=&lastReceivedId=` (docs/gateways/africastalking.md#balance-inbox-and-subscriptions; from the SDKs' source)
 * answers `{"SMSMessageData":{"Messages":[{"linkId","text","to","id","date","from"}]}}` with the
 * messages after that id, oldest first. The id is numeric and grows, so it is the cursor. How many
 * one answer holds is not documented: the poll fetches again from the last id until an answer is
 * empty. Each message is read by the incoming-message callback's own parser, so a polled message
 * and a pushed one give the same fields, and the same `eventId` only when Africa's Talking puts the
 * same `id` in both, which it does not document (docs/gateways/africastalking.md#balance-inbox-and-subscriptions).
 */
import type {
	InboundPollingCapability,
	InboundPollPage,
	PollBudget,
	PollCursor,
} from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, HttpClient } from '../../core/types';
import type { InboundSmsEvent } from '../../core/webhook-types';
import { excerpt } from '../../helpers/excerpt';
import { apiUrl, username } from './hosts';
import { incomingMessage } from './webhooks';

interface FetchedMessage {
	id: number;
	fields: Record<string, string>;
}

/** Fetching the whole inbox to find its end is bounded: at most this many answers. */
const MAX_SCAN_REQUESTS = 200;

function cursorId(cursor: PollCursor): number {
	const id = Number(cursor.lastReceivedId ?? 0);
	return Number.isSafeInteger(id) && id >= 0 ? id : 0;
}

async function fetchAfterId(
	http: HttpClient,
	credentials: Credentials,
	lastReceivedId: number,
): Promise<FetchedMessage[]> {
	const reply = await http.request({
		method: 'GET',
		url: apiUrl(credentials, '/version1/messaging'),
		qs: { username: username(credentials), lastReceivedId },
		headers: { Accept: 'application/json' },
	});
	if (reply.statusCode === 401) {
		throw new GatewayError(
			errorInfo(
				401,
				String(reply.body || 'The supplied authentication is invalid'),
				"Africa's Talking refused the username or API key.",
			),
			401,
		);
	}
	const body = reply.body as { SMSMessageData?: { Messages?: unknown } } | undefined;
	const list = body?.SMSMessageData?.Messages;
	if (reply.statusCode !== 200 || !Array.isArray(list)) {
		throw new GatewayError(
			errorInfo(
				reply.statusCode,
				`Unexpected reply to the inbox fetch (HTTP ${reply.statusCode}): ${excerpt(reply.body)}`,
				"Africa's Talking did not return the incoming messages. Check the credential (the username, and Sandbox or Live).",
			),
			reply.statusCode,
		);
	}
	const messages: FetchedMessage[] = [];
	for (const entry of list) {
		if (typeof entry !== 'object' || entry === null) continue;
		const record = entry as Record<string, unknown>;
		const id = Number(record.id);
		if (!Number.isSafeInteger(id)) continue;
		const fields: Record<string, string> = {};
		for (const [name, value] of Object.entries(record)) {
			if (typeof value === 'string' || typeof value === 'number') fields[name] = String(value);
		}
		messages.push({ id, fields });
	}
	return messages.sort((a, b) => a.id - b.id);
}

/** The callback parser's event; a message it cannot read is skipped (its id still moves the cursor). */
function toEvents(messages: FetchedMessage[], receivedAtMs: number): InboundSmsEvent[] {
	const events: InboundSmsEvent[] = [];
	for (const message of messages) {
		try {
			events.push(incomingMessage(message.fields, { receivedAtMs }));
		} catch {
			// A message without sender, recipient or text cannot become an event.
		}
	}
	return events;
}

async function fetchAfter(
	http: HttpClient,
	credentials: Credentials,
	cursor: PollCursor,
	receivedAtMs: number,
): Promise<InboundPollPage> {
	const after = cursorId(cursor);
	const messages = (await fetchAfterId(http, credentials, after)).filter((m) => m.id > after);
	const last = messages.length > 0 ? messages[messages.length - 1].id : after;
	return {
		events: toEvents(messages, receivedAtMs),
		cursor: { lastReceivedId: last },
		more: messages.length > 0,
	};
}

async function latestCursor(
	http: HttpClient,
	credentials: Credentials,
	budget: PollBudget,
): Promise<PollCursor> {
	let last = 0;
	for (let request = 0; request < MAX_SCAN_REQUESTS && budget.allows(); request++) {
		const messages = (await fetchAfterId(http, credentials, last)).filter((m) => m.id > last);
		if (messages.length === 0) break;
		last = messages[messages.length - 1].id;
	}
	return { lastReceivedId: last };
}

async function latest(
	http: HttpClient,
	credentials: Credentials,
	count: number,
	receivedAtMs: number,
): Promise<InboundSmsEvent[]> {
	let last = 0;
	let kept: FetchedMessage[] = [];
	for (let request = 0; request < MAX_SCAN_REQUESTS; request++) {
		const messages = (await fetchAfterId(http, credentials, last)).filter((m) => m.id > last);
		if (messages.length === 0) break;
		last = messages[messages.length - 1].id;
		kept = [...kept, ...messages].slice(-count);
	}
	return toEvents(kept, receivedAtMs);
}

export const africasTalkingInboundPolling: InboundPollingCapability = {
	endpoint: 'GET /version1/messaging',
	latestCursor,
	fetchAfter,
	latest,
};

/**
 * Incoming SMS fetched from DHIS2's stored list, `GET /api/sms/inbound`, instead of apps posting
 * them to n8n. The list is a metadata list: `filter=created:ge:<time>` and `order=created:asc`
 * (INF: its generic list takes them, as the simulator models) give the SMS stored since the
 * cursor, oldest first. Several SMS can share one `created` time, so the cursor is that time plus
 * the ids already emitted at it; the page asked for skips exactly those. Each record is read by
 * the DHIS2 inbound parser (as if posted in DHIS2's JSON form), so a polled SMS and a pushed one
 * give the same `eventId` (from originator, text and received date); `messageId` is DHIS2's uid.
 */
import type { InboundPollingCapability, InboundPollPage, PollCursor } from '../../core/adapter';
import type { Credentials, HttpClient } from '../../core/types';
import type { InboundSmsEvent } from '../../core/webhook-types';
import { listPage } from './sms-messages';
import { dhis2Webhooks } from './webhooks';

const PAGE_SIZE = 50;

type SmsRecord = Record<string, unknown>;

function text(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function cursorOf(cursor: PollCursor): { created: string; ids: string[] } {
	const created = typeof cursor.created === 'string' ? cursor.created : '';
	const ids = Array.isArray(cursor.ids) ? cursor.ids.filter((id) => typeof id === 'string') : [];
	return { created, ids };
}

/** The event the webhook parser gives for the same SMS in DHIS2's JSON form. */
function toEvent(record: SmsRecord, receivedAtMs: number): InboundSmsEvent | undefined {
	const value: Record<string, string> = {};
	const put = (name: string, v: unknown) => {
		const t = text(v);
		if (t !== undefined) value[name] = t;
	};
	put('text', record.text);
	put('originator', record.originator);
	put('gatewayid', record.gatewayId);
	put('receiveddate', record.receivedDate);
	put('sentdate', record.sentDate);
	// The simulator names them smsEncoding/smsStatus; DHIS2's getters give encoding/status (INF).
	put('smsencoding', record.smsEncoding ?? record.encoding);
	put('smsstatus', record.smsStatus ?? record.status);
	const result = dhis2Webhooks.parse(
		{ headers: {}, query: {}, body: { kind: 'json', value } },
		{ receivedAtMs },
	);
	if (!result.ok || result.event.eventType !== 'inbound') return undefined;
	const id = text(record.id);
	return { ...result.event, messageId: id ?? result.event.messageId };
}

function toEvents(records: SmsRecord[], receivedAtMs: number): InboundSmsEvent[] {
	return records
		.map((r) => toEvent(r, receivedAtMs))
		.filter((e): e is InboundSmsEvent => e !== undefined);
}

async function fetchAfter(
	http: HttpClient,
	credentials: Credentials,
	cursor: PollCursor,
	receivedAtMs: number,
): Promise<InboundPollPage> {
	const { created, ids } = cursorOf(cursor);
	// Every record at `created` sorts before the newer ones; `ids` of them were emitted already.
	const seenBefore = created === '' ? 0 : ids.length;
	const page = Math.floor(seenBefore / PAGE_SIZE) + 1;
	const records = await listPage(
		http,
		credentials,
		'inbound',
		{ filters: created === '' ? [] : [`created:ge:${created}`], order: 'created:asc' },
		page,
		PAGE_SIZE,
	);
	const seen = new Set(ids);
	const fresh = records.filter((r) => !seen.has(String(r.id)));
	let next = { created, ids };
	for (const record of fresh) {
		const at = text(record.created) ?? '';
		next =
			at === next.created
				? { created: at, ids: [...next.ids, String(record.id)] }
				: { created: at, ids: [String(record.id)] };
	}
	return {
		events: toEvents(fresh, receivedAtMs),
		cursor: next,
		more: records.length === PAGE_SIZE,
	};
}

async function latestCursor(http: HttpClient, credentials: Credentials): Promise<PollCursor> {
	const newest = await listPage(
		http,
		credentials,
		'inbound',
		{ filters: [], order: 'created:desc', fields: 'id,created' },
		1,
		PAGE_SIZE,
	);
	if (newest.length === 0) return { created: '', ids: [] };
	const created = text(newest[0].created) ?? '';
	// All at the newest time (more than a page of them at one instant is not expected).
	const ids = newest.filter((r) => text(r.created) === created).map((r) => String(r.id));
	return { created, ids };
}

async function latest(
	http: HttpClient,
	credentials: Credentials,
	count: number,
	receivedAtMs: number,
): Promise<InboundSmsEvent[]> {
	const newest = await listPage(
		http,
		credentials,
		'inbound',
		{ filters: [], order: 'created:desc' },
		1,
		Math.max(1, count),
	);
	return toEvents([...newest].reverse(), receivedAtMs);
}

export const dhis2InboundPolling: InboundPollingCapability = {
	endpoint: 'GET /api/sms/inbound',
	latestCursor,
	fetchAfter,
	latest,
};

/**
 * DHIS2's stored SMS (docs/gateways/dhis2.md#stored-sms-the-dhis2-sms-node-and-the-polling-trigger): the incoming SMS a server
 * received (`/api/sms/inbound`: push one, list, delete) and the outgoing SMS it sent
 * (`/api/sms/outbound`: list, delete). Lists are DHIS2 metadata lists
 * (`{"pager":{…},"inboundsmss"|"outboundsmss":[…]}`) that return only `id` unless `fields` asks for
 * more, so every list asks for `fields=*`. A refusal is a GatewayError carrying DHIS2's own message.
 */
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, HttpClient, HttpReply } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { dhis2ApiUrl, serverUrl } from './hosts';
import { readWebMessage } from './web-message';

export type SmsDirection = 'inbound' | 'outbound';

/** DHIS2's collection name and the names it gives one record in its messages. */
const COLLECTIONS: Record<SmsDirection, { list: string; noun: string }> = {
	inbound: { list: 'inboundsmss', noun: 'IncomingSms' },
	outbound: { list: 'outboundsmss', noun: 'OutboundSms' },
};

/** One incoming SMS to push into DHIS2, as its JSON form names the fields. */
export interface InboundSmsInput {
	originator: string;
	text: string;
	/** The gateway the SMS came through; DHIS2 stores "UNKNOWN" without it. */
	gatewayId?: string;
	/** When the SMS was received, as an ISO date or date-time; DHIS2 uses now without it. */
	receivedDate?: string;
	sentDate?: string;
	smsEncoding?: string;
}

/** One metadata filter: `property:operator:value` (for example `originator:eq:4790000001`). */
export interface SmsListQuery {
	filters: string[];
	/** `property:asc|desc`; DHIS2's default order when absent. */
	order?: string;
	/** At most this many records; all of them (page by page) when absent. */
	limit?: number;
	/** `*` unless given: DHIS2 returns only ids by default. */
	fields?: string;
}

export interface SmsPushResult {
	/** The uid DHIS2 stored the SMS under (from "Received SMS: {uid}"), null if it did not say. */
	id: string | null;
	message: string;
}

export interface SmsDeleteResult {
	id: string;
	message: string;
}

const PAGE_SIZE = 100;
/** Lists are bounded: at most this many pages in one call. */
const MAX_PAGES = 1000;

function url(credentials: Credentials, path: string): string {
	if (!serverUrl(credentials)) {
		throw new GatewayError(
			errorInfo(
				'SERVER_URL_MISSING',
				'The DHIS2 credential has no Server URL',
				'Set the Server URL of your DHIS2 instance in the credential.',
			),
		);
	}
	return dhis2ApiUrl(credentials, path);
}

/** DHIS2's refusal, in its own words, with what to do. */
export function smsRefusal(reply: HttpReply, what: string): GatewayError {
	const web = readWebMessage(reply.body);
	const words = web?.message || excerpt(reply.body) || `HTTP ${reply.statusCode}`;
	let explanation = `DHIS2 refused to ${what}: ${words}`;
	if (reply.statusCode === 401)
		explanation =
			'DHIS2 refused the username and password or the access token. Check the DHIS2 credential.';
	else if (reply.statusCode === 403)
		explanation = `The DHIS2 user may not ${what}. Incoming SMS and deletes need the "F_MOBILE_SETTINGS" authority, lists "F_MOBILE_SENDSMS".`;
	else if (reply.statusCode === 404 && !web)
		explanation =
			'There is no DHIS2 SMS API at this address. Check the Server URL in the credential, including the context path.';
	else if (reply.statusCode === 409 && /not registered/i.test(words))
		explanation =
			'DHIS2 only takes SMS from phone numbers that belong to a DHIS2 user (or that match an SMS command for unregistered senders). Add the number to a user, or check the originator.';
	return new GatewayError(errorInfo(reply.statusCode, words, explanation), reply.statusCode);
}

function ok(reply: HttpReply): boolean {
	if (reply.statusCode < 200 || reply.statusCode >= 300) return false;
	const web = readWebMessage(reply.body);
	return !web || web.status === 'OK';
}

/** Pushes one incoming SMS into DHIS2, which then runs its SMS commands on it. */
export async function pushInboundSms(
	http: HttpClient,
	credentials: Credentials,
	input: InboundSmsInput,
): Promise<SmsPushResult> {
	const body: Record<string, string> = { originator: input.originator, text: input.text };
	if (input.gatewayId) body.gatewayid = input.gatewayId;
	if (input.receivedDate) body.receiveddate = input.receivedDate;
	if (input.sentDate) body.sentdate = input.sentDate;
	if (input.smsEncoding) body.smsencoding = input.smsEncoding;
	const reply = await http.request({
		method: 'POST',
		url: url(credentials, '/sms/inbound'),
		body,
		headers: { Accept: 'application/json' },
	});
	if (!ok(reply)) throw smsRefusal(reply, 'store the incoming SMS');
	const message = readWebMessage(reply.body)?.message ?? '';
	const id = /^Received SMS:\s*(\S+)/.exec(message)?.[1] ?? null;
	return { id, message };
}

/** Records of one list, page by page up to `limit`, in DHIS2's order. */
export async function listSms(
	http: HttpClient,
	credentials: Credentials,
	direction: SmsDirection,
	query: SmsListQuery,
): Promise<Array<Record<string, unknown>>> {
	const limit = query.limit ?? Number.POSITIVE_INFINITY;
	const pageSize = Math.max(1, Math.min(PAGE_SIZE, limit));
	const records: Array<Record<string, unknown>> = [];
	for (let page = 1; page <= MAX_PAGES && records.length < limit; page++) {
		const found = await listPage(http, credentials, direction, query, page, pageSize);
		records.push(...found.slice(0, limit - records.length));
		if (found.length < pageSize) break;
	}
	return records;
}

/** One page of a list (1-based). */
export async function listPage(
	http: HttpClient,
	credentials: Credentials,
	direction: SmsDirection,
	query: SmsListQuery,
	page: number,
	pageSize: number,
): Promise<Array<Record<string, unknown>>> {
	const { list } = COLLECTIONS[direction];
	// Repeated `filter` parameters: the query string is built here so that each is kept.
	const params = new URLSearchParams({
		fields: query.fields ?? '*',
		page: String(page),
		pageSize: String(pageSize),
	});
	for (const filter of query.filters) params.append('filter', filter);
	if (query.order) params.set('order', query.order);
	const reply = await http.request({
		method: 'GET',
		url: `${url(credentials, `/sms/${direction}`)}?${params.toString()}`,
		headers: { Accept: 'application/json' },
	});
	if (!ok(reply)) throw smsRefusal(reply, `list the ${direction} SMS`);
	const items = (reply.body as Record<string, unknown> | undefined)?.[list];
	if (!Array.isArray(items)) {
		throw new GatewayError(
			errorInfo(
				reply.statusCode,
				`Unexpected reply from DHIS2: ${excerpt(reply.body)}`,
				`DHIS2 did not return its ${direction} SMS list. Check the Server URL (an HTML page here often means a login page).`,
			),
			reply.statusCode,
		);
	}
	return items.filter(
		(i): i is Record<string, unknown> => typeof i === 'object' && i !== null && !Array.isArray(i),
	);
}

/** Deletes one stored SMS by its uid. */
export async function deleteSms(
	http: HttpClient,
	credentials: Credentials,
	direction: SmsDirection,
	id: string,
): Promise<SmsDeleteResult> {
	const trimmed = id.trim();
	if (trimmed === '') {
		throw new GatewayError(
			errorInfo(
				'SMS_ID_REQUIRED',
				'No SMS ID was given',
				'Give the ID of the SMS (the "id" field of "Get Many").',
			),
		);
	}
	const reply = await http.request({
		method: 'DELETE',
		url: url(credentials, `/sms/${direction}/${encodeURIComponent(trimmed)}`),
		headers: { Accept: 'application/json' },
	});
	if (!ok(reply)) throw smsRefusal(reply, `delete the ${COLLECTIONS[direction].noun} ${trimmed}`);
	return { id: trimmed, message: readWebMessage(reply.body)?.message ?? '' };
}

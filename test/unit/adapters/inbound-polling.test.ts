/**
 * The inboundPolling capability of Africa's Talking and DHIS2 against a recording HTTP client: the
 * requests each makes, how the cursor moves, DHIS2's ties at one creation time, and refusals.
 */
import { africasTalkingInboundPolling } from '../../../nodes/shared/adapters/africastalking/polling';
import { dhis2InboundPolling } from '../../../nodes/shared/adapters/dhis2/polling';
import { GatewayError } from '../../../nodes/shared/core/errors';
import { FakeHttp, reply } from '../../fixtures/fake-http';

const AT_CREDENTIALS = {
	username: 'sandbox',
	apiKey: 'k',
	environment: 'sandbox',
	baseUrl: 'http://127.0.0.1:9/at',
};
const DHIS2_CREDENTIALS = {
	serverUrl: 'http://127.0.0.1:9/dhis2',
	authType: 'basic',
	username: 'u',
	password: 'p',
};
const NOW = Date.UTC(2026, 11, 1);
const unlimited = { allows: () => true };

const atMessages = (...ids: number[]) =>
	reply(200, {
		SMSMessageData: {
			Messages: ids.map((id) => ({
				id,
				linkId: `L${id}`,
				text: `t${id}`,
				to: '12345',
				from: '+254711000111',
				date: '2026-12-01T10:00:00.000Z',
			})),
		},
	});

describe("Africa's Talking inbox polling", () => {
	it('asks for the messages after the cursor and moves it to the last id', async () => {
		const http = new FakeHttp(atMessages(8, 7));
		const page = await africasTalkingInboundPolling.fetchAfter(
			http,
			AT_CREDENTIALS,
			{ lastReceivedId: 6 },
			NOW,
		);
		expect(http.requests[0]).toMatchObject({
			method: 'GET',
			url: 'http://127.0.0.1:9/at/version1/messaging',
			qs: { username: 'sandbox', lastReceivedId: 6 },
		});
		expect(page.events.map((e) => e.text)).toEqual(['t7', 't8']);
		expect(page.events[0]).toMatchObject({
			eventType: 'inbound',
			gateway: 'africasTalking',
			messageId: '7',
			linkId: 'L7',
			receivedAt: '2026-12-01T10:00:00.000Z',
		});
		expect(page).toMatchObject({ cursor: { lastReceivedId: 8 }, more: true });
	});

	it('says there is no more on an empty answer and keeps the cursor', async () => {
		const page = await africasTalkingInboundPolling.fetchAfter(
			new FakeHttp(atMessages()),
			AT_CREDENTIALS,
			{ lastReceivedId: 9 },
			NOW,
		);
		expect(page).toEqual({ events: [], cursor: { lastReceivedId: 9 }, more: false });
	});

	it('skips a message it cannot read but moves past it', async () => {
		const http = new FakeHttp(
			reply(200, { SMSMessageData: { Messages: [{ id: 3, text: 'no sender', to: '1' }] } }),
		);
		const page = await africasTalkingInboundPolling.fetchAfter(
			http,
			AT_CREDENTIALS,
			{ lastReceivedId: 0 },
			NOW,
		);
		expect(page).toMatchObject({ events: [], cursor: { lastReceivedId: 3 } });
	});

	it('finds the end of the inbox page by page for the first cursor', async () => {
		const http = new FakeHttp(atMessages(1, 2), atMessages(3), atMessages());
		expect(
			await africasTalkingInboundPolling.latestCursor(http, AT_CREDENTIALS, unlimited),
		).toEqual({ lastReceivedId: 3 });
		expect(http.requests.map((r) => r.qs?.lastReceivedId)).toEqual([0, 2, 3]);
	});

	it('throws a GatewayError on a refusal', async () => {
		await expect(
			africasTalkingInboundPolling.fetchAfter(
				new FakeHttp(reply(401, 'The supplied authentication is invalid')),
				AT_CREDENTIALS,
				{},
				NOW,
			),
		).rejects.toBeInstanceOf(GatewayError);
	});
});

const dhis2Page = (...rows: Array<[string, string, string]>) =>
	reply(200, {
		pager: { page: 1, pageCount: 1, total: rows.length, pageSize: 50 },
		inboundsmss: rows.map(([id, created, text]) => ({
			id,
			created,
			text,
			originator: '+4740000000',
			receivedDate: created,
			gatewayId: 'gw',
			smsEncoding: 'ENC7BIT',
		})),
	});

describe('DHIS2 inbound polling', () => {
	it('lists from the cursor time, oldest first, and skips the ids already emitted at it', async () => {
		const http = new FakeHttp(
			dhis2Page(['a', 'T1', 'one'], ['b', 'T1', 'two'], ['c', 'T2', 'three']),
		);
		const page = await dhis2InboundPolling.fetchAfter(
			http,
			DHIS2_CREDENTIALS,
			{ created: 'T1', ids: ['a'] },
			NOW,
		);
		const url = new URL(http.requests[0].url);
		expect(url.pathname).toBe('/dhis2/api/sms/inbound');
		expect(url.searchParams.getAll('filter')).toEqual(['created:ge:T1']);
		expect(url.searchParams.get('order')).toBe('created:asc');
		expect(url.searchParams.get('page')).toBe('1');
		expect(page.events.map((e) => e.text)).toEqual(['two', 'three']);
		expect(page.events[0]).toMatchObject({
			messageId: 'b',
			gatewayId: 'gw',
			smsEncoding: 'ENC7BIT',
		});
		expect(page.cursor).toEqual({ created: 'T2', ids: ['c'] });
		expect(page.more).toBe(false);
	});

	it('keeps adding ids while the time stays the same', async () => {
		const page = await dhis2InboundPolling.fetchAfter(
			new FakeHttp(dhis2Page(['a', 'T1', 'x'], ['b', 'T1', 'y'])),
			DHIS2_CREDENTIALS,
			{ created: 'T1', ids: ['a'] },
			NOW,
		);
		expect(page.cursor).toEqual({ created: 'T1', ids: ['a', 'b'] });
	});

	it('asks for the page past a full page of ids at one time', async () => {
		const ids = Array.from({ length: 50 }, (_, i) => `id${i}`);
		const http = new FakeHttp(dhis2Page(['z', 'T1', 'fifty-first']));
		const page = await dhis2InboundPolling.fetchAfter(
			http,
			DHIS2_CREDENTIALS,
			{ created: 'T1', ids },
			NOW,
		);
		expect(new URL(http.requests[0].url).searchParams.get('page')).toBe('2');
		expect(page.events.map((e) => e.text)).toEqual(['fifty-first']);
	});

	it('starts after the newest stored SMS', async () => {
		const http = new FakeHttp(dhis2Page(['c', 'T2', ''], ['b', 'T2', ''], ['a', 'T1', '']));
		expect(await dhis2InboundPolling.latestCursor(http, DHIS2_CREDENTIALS, unlimited)).toEqual({
			created: 'T2',
			ids: ['c', 'b'],
		});
		expect(new URL(http.requests[0].url).searchParams.get('order')).toBe('created:desc');
	});

	it("throws DHIS2's own message on a refusal", async () => {
		const http = new FakeHttp(
			reply(403, {
				httpStatus: 'Forbidden',
				httpStatusCode: 403,
				status: 'ERROR',
				message: 'Access is denied',
			}),
		);
		await expect(
			dhis2InboundPolling.fetchAfter(http, DHIS2_CREDENTIALS, {}, NOW),
		).rejects.toMatchObject({ info: { message: 'Access is denied' } });
	});
});

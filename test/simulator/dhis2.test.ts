import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { Prng } from '../../simulator/core/prng';
import { generatePersonalAccessToken } from '../../simulator/gateways/dhis2/token';
import { basic, client } from './helpers';

let sim: Simulator;
let http: AxiosInstance;
const AUTH = { Authorization: basic('admin', 'district') };
const JSON_AUTH = { ...AUTH, 'Content-Type': 'application/json' };

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	http = client(sim.baseUrls.dhis2);
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

function wm(status: number, message: string) {
	const reasons: Record<number, string> = {
		200: 'OK',
		400: 'Bad Request',
		401: 'Unauthorized',
		404: 'Not Found',
		409: 'Conflict',
		500: 'Internal Server Error',
	};
	return {
		httpStatus: reasons[status],
		httpStatusCode: status,
		status: status < 400 ? 'OK' : 'ERROR',
		message,
	};
}

function outbound(payload: unknown) {
	return http.post('/api/sms/outbound', payload, { headers: JSON_AUTH });
}

describe('DHIS2 authentication and API versions', () => {
	it('accepts Basic admin/district and the printed personal access token', async () => {
		const me = await http.get('/api/me', { headers: AUTH });
		expect(me.status).toBe(200);
		expect(me.data.username).toBe('admin');
		expect(sim.accounts.dhis2.personalAccessToken).toMatch(/^d2p_[A-Za-z0-9]{50}$/);
		const viaToken = await http.get('/api/me', {
			headers: { Authorization: `ApiToken ${sim.accounts.dhis2.personalAccessToken}` },
		});
		expect(viaToken.status).toBe(200);
	});

	it('answers 401 WebMessage for wrong Basic credentials', async () => {
		const res = await http.get('/api/me', { headers: { Authorization: basic('admin', 'wrong') } });
		expect(res.status).toBe(401);
		expect(res.data).toEqual(wm(401, 'Unauthorized'));
		expect(res.headers['cache-control']).toBe('no-cache, private');
	});

	it('answers 400 for a malformed or bad-checksum token and 401 for an unknown valid one', async () => {
		const token = sim.accounts.dhis2.personalAccessToken;
		const malformed = await http.get('/api/me', {
			headers: { Authorization: 'ApiToken not a token!' },
		});
		expect(malformed.status).toBe(400);
		expect(malformed.data).toEqual(wm(400, 'Api token is malformed'));
		expect(malformed.headers['www-authenticate']).toBe('ApiToken');
		const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		const checksum = await http.get('/api/me', {
			headers: { Authorization: `ApiToken ${flipped}` },
		});
		expect(checksum.data).toEqual(wm(400, 'Checksum validation failed'));
		const other = generatePersonalAccessToken(new Prng(12345));
		const unknown = await http.get('/api/me', { headers: { Authorization: `ApiToken ${other}` } });
		expect(unknown.status).toBe(401);
		expect(unknown.data.message).toBe('The API token does not exists.');
	});

	it('redirects credential-less browser calls to the login page, 401 for XHR', async () => {
		const browser = await http.get('/api/me');
		expect(browser.status).toBe(302);
		expect(browser.headers.location).toBe('/dhis2/dhis-web-login/');
		const page = await http.get('/dhis-web-login/');
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toContain('text/html');
		const xhr = await http.get('/api/me', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
		expect(xhr.status).toBe(401);
	});

	it('serves /api/{28..44}/ like /api/ and answers 404 for 26, 27 and 45', async () => {
		for (const version of [28, 36, 44])
			expect((await http.get(`/api/${version}/me`, { headers: AUTH })).status).toBe(200);
		for (const version of [26, 27, 45]) {
			const res = await http.post(
				`/api/${version}/sms/outbound`,
				{ message: 'x', recipients: ['4712345678'] },
				{ headers: JSON_AUTH },
			);
			expect(res.status).toBe(404);
			expect(res.data.status).toBe('ERROR');
		}
		expect(sim.messages()).toHaveLength(0);
	});
});

describe('DHIS2 outbound SMS', () => {
	it('sends JSON to every recipient, stripping a leading + or 00 and merging duplicates', async () => {
		const res = await outbound({
			message: 'Sms Text',
			recipients: ['+4740000001', '004740000002', '4740000003', '4740000001'],
		});
		expect(res.status).toBe(200);
		expect(res.data).toEqual(wm(200, 'SMS sent'));
		expect(sim.messages({ gateway: 'dhis2' }).map((m) => [m.to, m.status])).toEqual([
			['4740000001', 'sent'],
			['4740000002', 'sent'],
			['4740000003', 'sent'],
		]);
	});

	it('sends the query-parameter form to one recipient (409 for empty values, 400 for missing ones)', async () => {
		const ok = await http.post('/api/sms/outbound?recipient=4740000001&message=Hello', null, {
			headers: AUTH,
		});
		expect(ok.data).toEqual(wm(200, 'SMS sent'));
		const noRecipient = await http.post('/api/sms/outbound?recipient=&message=text', null, {
			headers: AUTH,
		});
		expect(noRecipient.status).toBe(409);
		expect(noRecipient.data).toEqual(wm(409, 'Recipient must be specified'));
		const noMessage = await http.post('/api/sms/outbound?recipient=xyz&message=', null, {
			headers: AUTH,
		});
		expect(noMessage.data).toEqual(wm(409, 'Message must be specified'));
		const absent = await http.post('/api/sms/outbound?message=hi', null, { headers: AUTH });
		expect(absent.status).toBe(400);
		expect(sim.messages()).toHaveLength(1);
	});

	it('answers 500 "no recipient" and 500 "No default gateway configured"', async () => {
		const empty = await outbound({ message: 'x', recipients: [] });
		expect(empty.status).toBe(500);
		expect(empty.data).toEqual(wm(500, 'no recipient'));
		const list = await http.get('/api/gateways', { headers: AUTH });
		for (const gateway of list.data.gateways)
			await http.delete(`/api/gateways/${gateway.id}`, { headers: AUTH });
		const none = await outbound({ message: 'x', recipients: ['4740000001'] });
		expect(none.status).toBe(500);
		expect(none.data).toEqual(wm(500, 'No default gateway configured'));
	});

	it('limits the text to 1071 Java characters (UTF-16), or the gateway maxSmsLength', async () => {
		expect((await outbound({ message: 'a'.repeat(1071), recipients: ['4740000001'] })).status).toBe(
			200,
		);
		const long = await outbound({ message: 'a'.repeat(1072), recipients: ['4740000001'] });
		expect(long.status).toBe(500);
		expect(long.data).toEqual(wm(500, 'Sms text message is too long'));
		// 536 emoji are 1072 UTF-16 units.
		expect((await outbound({ message: '😀'.repeat(536), recipients: ['4740000001'] })).status).toBe(
			500,
		);
		const [gateway] = (await http.get('/api/gateways', { headers: AUTH })).data.gateways;
		await http.put(
			`/api/gateways/${gateway.id}`,
			{ ...gateway, maxSmsLength: '160' },
			{ headers: JSON_AUTH },
		);
		expect((await outbound({ message: 'a'.repeat(161), recipients: ['4740000001'] })).status).toBe(
			500,
		);
		expect((await outbound({ message: 'a'.repeat(160), recipients: ['4740000001'] })).status).toBe(
			200,
		);
	});

	it('sends in slices of 200 and answers with the last slice only', async () => {
		const numbers = Array.from({ length: 401 }, (_, i) => `47400${String(i).padStart(5, '0')}`);
		// A refused number in the first slice: that slice fails, the reply still says "SMS sent".
		sim.configure({ outcomes: { rules: [{ exact: numbers[5], outcome: 'rejected' }] } });
		const hidden = await outbound({ message: 'batch', recipients: numbers });
		expect(hidden.data).toEqual(wm(200, 'SMS sent'));
		const records = sim.messages({ gateway: 'dhis2' });
		expect(records).toHaveLength(401);
		expect(records.filter((r) => r.status === 'failed')).toHaveLength(200);
		expect(records.slice(200).every((r) => r.status === 'sent')).toBe(true);
		// A refused number in the last slice fails the reply.
		sim.reset();
		sim.configure({ outcomes: { rules: [{ exact: numbers[400], outcome: 'rejected' }] } });
		const shown = await outbound({ message: 'batch', recipients: numbers });
		expect(shown.status).toBe(500);
		expect(shown.data).toEqual(wm(500, 'failed'));
		expect(sim.messages({ status: 'failed' })).toHaveLength(1);
		const list = await http.get('/api/sms/outbound?fields=*', { headers: AUTH });
		expect(list.data.outboundsmss[0]).toMatchObject({ status: 'FAILED', message: 'batch' });
		expect(list.data.outboundsmss[0].recipients).toHaveLength(401);
	});

	it("fails a slice with the refusing rule's gatewayStatus, a RESULT_CODE text", async () => {
		sim.configure({
			outcomes: {
				rules: [
					{ exact: '4740000009', outcome: 'rejected', gatewayStatus: 'insufficient credits' },
				],
			},
		});
		const refused = await outbound({ message: 'credit', recipients: ['4740000008', '4740000009'] });
		expect(refused.data).toEqual(wm(500, 'insufficient credits'));
		expect(sim.messages({ gateway: 'dhis2' }).map((r) => [r.status, r.failureReason])).toEqual([
			['failed', 'insufficient credits'],
			['failed', 'insufficient credits'],
		]);
	});

	it('lists OutboundSms rows with a pager (ids only by default) and deletes them', async () => {
		await outbound({ message: 'one', recipients: ['4740000001'] });
		await outbound({ message: 'two', recipients: ['4740000002'] });
		const list = await http.get('/api/sms/outbound', { headers: AUTH });
		expect(list.data.pager).toEqual({ page: 1, pageCount: 1, total: 2, pageSize: 50 });
		expect(Object.keys(list.data.outboundsmss[0])).toEqual(['id']);
		const full = await http.get('/api/sms/outbound', {
			params: { fields: 'id,message,status', pageSize: 1, page: 2 },
			headers: AUTH,
		});
		expect(full.data.outboundsmss).toEqual([
			{ id: expect.any(String), message: 'two', status: 'SENT' },
		]);
		const id = list.data.outboundsmss[0].id;
		expect((await http.delete(`/api/sms/outbound/${id}`, { headers: AUTH })).data).toEqual(
			wm(200, `OutboundSms with ${id} deleted`),
		);
		const again = await http.delete(`/api/sms/outbound/${id}`, { headers: AUTH });
		expect(again.status).toBe(404);
		expect(again.data.message).toBe(`No OutboundSms with id '${id}' was found.`);
	});
});

describe('DHIS2 outbound edge cases', () => {
	it('answers 400 for bodies Jackson cannot bind and 500 (Java NPE) for a JSON body without message', async () => {
		const broken = await http.post('/api/sms/outbound', '{"message":', { headers: JSON_AUTH });
		expect(broken.status).toBe(400);
		const objects = await outbound({ message: 'x', recipients: [{ id: 'abc' }] });
		expect(objects.status).toBe(400);
		expect(objects.data.message).toContain('JSON parse error');
		const noText = await outbound({ recipients: ['4740000001'] });
		expect(noText.status).toBe(500);
		expect(noText.data.message).toContain('"text" is null');
		expect(sim.messages()).toHaveLength(0);
	});

	it('deletes several rows with ?ids=, lists without paging, refuses a bad page, and 405s unknown methods', async () => {
		await outbound({ message: 'one', recipients: ['4740000001'] });
		await outbound({ message: 'two', recipients: ['4740000002'] });
		const unpaged = await http.get('/api/sms/outbound?paging=false&fields=message', {
			headers: AUTH,
		});
		expect(unpaged.data).toEqual({ outboundsmss: [{ message: 'one' }, { message: 'two' }] });
		expect((await http.get('/api/sms/outbound?page=0', { headers: AUTH })).status).toBe(400);
		const ids = (await http.get('/api/sms/outbound', { headers: AUTH })).data.outboundsmss.map(
			(r: { id: string }) => r.id,
		);
		expect(ids).toHaveLength(2);
		const deleted = await http.delete('/api/sms/outbound', {
			params: { ids: ids.join(',') },
			headers: AUTH,
		});
		expect(deleted.data).toEqual(wm(200, 'Objects deleted'));
		expect((await http.get('/api/sms/outbound', { headers: AUTH })).data.pager.total).toBe(0);
		const patch = await http.patch('/api/gateways', {}, { headers: JSON_AUTH });
		expect(patch.status).toBe(405);
		expect(patch.data.message).toBe("Request method 'PATCH' is not supported");
	});
});

describe('DHIS2 inbound SMS', () => {
	it('receives JSON from a registered number and lists it', async () => {
		const res = await http.post(
			'/api/sms/inbound',
			{
				text: 'sample text',
				originator: '+4740000000',
				gatewayid: 'unknown',
				receiveddate: '2016-05-01',
				sentdate: '2016-05-01',
				smsencoding: '1',
				smsstatus: '1',
			},
			{ headers: JSON_AUTH },
		);
		expect(res.status).toBe(200);
		expect(res.data.message).toMatch(/^Received SMS: [A-Za-z][A-Za-z0-9]{10}$/);
		const list = await http.get('/api/sms/inbound?fields=*', { headers: AUTH });
		expect(list.data.inboundsmss[0]).toMatchObject({
			text: 'sample text',
			originator: '+4740000000',
			smsEncoding: 'ENC8BIT',
			smsStatus: 'PROCESSING',
		});
	});

	it('refuses unregistered senders and Base64-looking texts from another number (409)', async () => {
		const unregistered = await http.post(
			'/api/sms/inbound',
			{ text: 'hello there', originator: '+4799999999' },
			{ headers: JSON_AUTH },
		);
		expect(unregistered.status).toBe(409);
		expect(unregistered.data).toEqual(
			wm(409, "User's phone number is not registered in the system"),
		);
		const compressed = await http.post('/api/sms/inbound?originator=me&message=text', null, {
			headers: AUTH,
		});
		expect(compressed.data).toEqual(
			wm(409, "Originator's number does not match user's Phone number"),
		);
	});

	it('refuses unknown enum values and bad dates (400), imports, and deletes rows', async () => {
		const badEnum = await http.post(
			'/api/sms/inbound',
			{ text: 'hello there', originator: '+4740000000', smsencoding: 'ENC9BIT' },
			{ headers: JSON_AUTH },
		);
		expect(badEnum.status).toBe(400);
		const badDate = await http.post(
			'/api/sms/inbound?originator=%2B4740000000&message=hi%20there&receivedTime=yesterday',
			null,
			{ headers: AUTH },
		);
		expect(badDate.status).toBe(400);
		expect((await http.post('/api/sms/inbound/import', null, { headers: AUTH })).data).toEqual(
			wm(200, 'Import successful'),
		);
		const received = await http.post(
			'/api/sms/inbound',
			{ text: 'hello there', originator: '+4740000000' },
			{ headers: JSON_AUTH },
		);
		const uid = received.data.message.replace('Received SMS: ', '');
		expect((await http.delete(`/api/sms/inbound/${uid}`, { headers: AUTH })).data).toEqual(
			wm(200, `IncomingSms with ${uid} deleted`),
		);
		const again = await http.delete(`/api/sms/inbound/${uid}`, { headers: AUTH });
		expect(again.data).toEqual(wm(404, `No IncomingSms with id '${uid}' was found.`));
	});

	it('validates the query form (409 empty, 400 missing)', async () => {
		expect(
			(await http.post('/api/sms/inbound?originator=&message=text', null, { headers: AUTH })).data,
		).toEqual(wm(409, 'Originator must be specified'));
		expect(
			(await http.post('/api/sms/inbound?originator=me&message=', null, { headers: AUTH })).data,
		).toEqual(wm(409, 'Message must be specified'));
		expect(
			(await http.post('/api/sms/inbound?originator=me', null, { headers: AUTH })).status,
		).toBe(400);
		const ok = await http.post(
			'/api/sms/inbound?originator=%2B4740000000&message=hello%20world&gateway=gw1',
			null,
			{ headers: AUTH },
		);
		expect(ok.status).toBe(200);
	});
});

describe('DHIS2 gateway administration', () => {
	const bulksms = { type: 'bulksms', name: 'bulkSMS', username: 'bulkuser', password: 'abc123' };

	it('starts with one default generic gateway whose confidential values are encrypted', async () => {
		const res = await http.get('/api/gateways', { headers: AUTH });
		expect(res.status).toBe(200);
		expect(res.data.gateways).toHaveLength(1);
		const [gateway] = res.data.gateways;
		expect(gateway).toMatchObject({ type: 'http', isDefault: true });
		expect(gateway.id).toBe(gateway.uid);
		expect(gateway.parameters[0].value).not.toBe('sim-gateway-token');
		expect(gateway.parameters[0].value).toMatch(/^[A-Za-z0-9+/]+=*$/);
	});

	it('adds a gateway (not default), never returns its password, ignores a second of the same type', async () => {
		const added = await http.post('/api/gateways', bulksms, { headers: JSON_AUTH });
		expect(added.status).toBe(200);
		expect(added.data).toEqual(wm(200, 'Gateway configuration added'));
		const uid = added.headers.location.split('/').pop();
		expect(added.headers.location).toBe(`/dhis2/api/gateways/${uid}`);
		const stored = (await http.get(`/api/gateways/${uid}`, { headers: AUTH })).data;
		expect(stored).toMatchObject({
			type: 'bulksms',
			name: 'bulkSMS',
			isDefault: false,
			urlTemplate: 'https://api.bulksms.com/v1/messages',
		});
		expect(stored.password).not.toBe('abc123');
		const second = await http.post(
			'/api/gateways',
			{ ...bulksms, name: 'another' },
			{ headers: JSON_AUTH },
		);
		expect(second.status).toBe(200);
		const secondUid = second.headers.location.split('/').pop();
		expect((await http.get(`/api/gateways/${secondUid}`, { headers: AUTH })).status).toBe(404);
		expect((await http.get('/api/gateways', { headers: AUTH })).data.gateways).toHaveLength(2);
	});

	it('makes the first gateway added to an empty list the default', async () => {
		const [initial] = (await http.get('/api/gateways', { headers: AUTH })).data.gateways;
		await http.delete(`/api/gateways/${initial.id}`, { headers: AUTH });
		const added = await http.post('/api/gateways', bulksms, { headers: JSON_AUTH });
		const uid = added.headers.location.split('/').pop();
		expect((await http.get(`/api/gateways/${uid}`, { headers: AUTH })).data.isDefault).toBe(true);
	});

	it('sets the default, refuses a second default and a type change on update (409)', async () => {
		const [initial] = (await http.get('/api/gateways', { headers: AUTH })).data.gateways;
		const uid = (await http.post('/api/gateways', bulksms, { headers: JSON_AUTH })).headers.location
			.split('/')
			.pop();
		const conflict = await http.put(
			`/api/gateways/${uid}`,
			{ ...bulksms, isDefault: true },
			{ headers: JSON_AUTH },
		);
		expect(conflict.status).toBe(409);
		expect(conflict.data).toEqual(wm(409, 'Default gateway already exists'));
		const typeChange = await http.put(
			`/api/gateways/${uid}`,
			{ type: 'clickatell', name: 'x' },
			{ headers: JSON_AUTH },
		);
		expect(typeChange.data).toEqual(wm(409, 'Type of an existing configuration cannot be changed'));
		const setDefault = await http.put(`/api/gateways/default/${uid}`, null, { headers: AUTH });
		expect(setDefault.data).toEqual(wm(200, 'bulkSMS is set to default'));
		const list = (await http.get('/api/gateways', { headers: AUTH })).data.gateways;
		expect(list.find((g: { id: string }) => g.id === initial.id).isDefault).toBe(false);
		expect(list.find((g: { id: string }) => g.id === uid).isDefault).toBe(true);
	});

	it('keeps the stored password when an update omits it and re-encrypts a new one', async () => {
		const uid = (await http.post('/api/gateways', bulksms, { headers: JSON_AUTH })).headers.location
			.split('/')
			.pop();
		const before = (await http.get(`/api/gateways/${uid}`, { headers: AUTH })).data.password;
		const renamed = await http.put(
			`/api/gateways/${uid}`,
			{ type: 'bulksms', name: 'renamed', username: 'bulkuser' },
			{ headers: JSON_AUTH },
		);
		expect(renamed.data).toEqual(wm(200, `Gateway with uid: ${uid} has been updated`));
		const kept = (await http.get(`/api/gateways/${uid}`, { headers: AUTH })).data;
		expect(kept).toMatchObject({ name: 'renamed', password: before });
		await http.put(
			`/api/gateways/${uid}`,
			{ type: 'bulksms', name: 'renamed', password: 'newsecret' },
			{ headers: JSON_AUTH },
		);
		const changed = (await http.get(`/api/gateways/${uid}`, { headers: AUTH })).data.password;
		expect(changed).not.toBe(before);
		expect(changed).not.toBe('newsecret');
	});

	it('promotes the first remaining gateway when the default is removed; 404 for unknown uids', async () => {
		const [initial] = (await http.get('/api/gateways', { headers: AUTH })).data.gateways;
		const uid = (await http.post('/api/gateways', bulksms, { headers: JSON_AUTH })).headers.location
			.split('/')
			.pop();
		const removed = await http.delete(`/api/gateways/${initial.id}`, { headers: AUTH });
		expect(removed.data).toEqual(wm(200, 'Gateway removed successfully'));
		expect((await http.get(`/api/gateways/${uid}`, { headers: AUTH })).data.isDefault).toBe(true);
		const missing = await http.get('/api/gateways/abcdefghij', { headers: AUTH });
		expect(missing.status).toBe(404);
		expect(missing.data).toEqual(
			wm(404, 'SmsGatewayConfig with id abcdefghij could not be found.'),
		);
		expect((await http.delete('/api/gateways/abcdefghij', { headers: AUTH })).status).toBe(404);
		expect(
			(await http.put('/api/gateways/default/abcdefghij', null, { headers: AUTH })).status,
		).toBe(404);
	});

	it('refuses bodies it cannot bind (400) and needs credentials', async () => {
		expect(
			(await http.post('/api/gateways', { type: 'carrier-pigeon' }, { headers: JSON_AUTH })).status,
		).toBe(400);
		expect(
			(await http.post('/api/gateways', { name: 'no type' }, { headers: JSON_AUTH })).status,
		).toBe(400);
		expect(
			(await http.get('/api/gateways', { headers: { Authorization: basic('admin', 'x') } })).status,
		).toBe(401);
	});
});

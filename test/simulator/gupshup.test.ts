import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { client, FORM, form } from './helpers';

let sim: Simulator;
let http: AxiosInstance;
let sendPath: string;
const AUTH = { ...FORM, Authorization: 'gs-sim-key' };

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	http = client(sim.baseUrls.gupshup);
	sendPath = `/sms/v1/message/${sim.accounts.gupshup.appId}`;
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

function send(fields: Record<string, string>, headers: Record<string, string> = AUTH) {
	return http.post(sendPath, form(fields), { headers });
}

function expectError(
	res: { status: number; data: { status: string; code: number } },
	code: number,
) {
	expect(res.status).toBe(400);
	expect(res.data.status).toBe('error');
	expect(res.data.code).toBe(code);
}

describe('Gupshup send', () => {
	it('answers {"status":"submitted","messageId":<uuid>} and stores the message', async () => {
		const res = await send({ destination: '5511987654321', message: 'Olá mundo' });
		expect(res.status).toBe(202);
		expect(res.data.status).toBe('submitted');
		expect(res.data.messageId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		const [stored] = sim.messages({ gateway: 'gupshup' });
		// 'á' is not in the GSM 03.38 table (à is), so the text goes as UCS-2.
		expect(stored).toMatchObject({
			id: res.data.messageId,
			to: '5511987654321',
			text: 'Olá mundo',
			sender: null,
			status: 'sent',
			segments: 1,
			encoding: 'UCS-2',
		});
	});

	it('accepts the key in either the Authorization or the apikey header, nothing else', async () => {
		const viaApikey = await send(
			{ destination: '5511987654321', message: 'a' },
			{ ...FORM, apikey: 'gs-sim-key' },
		);
		expect(viaApikey.status).toBe(202);
		for (const headers of [
			{ ...FORM, Authorization: 'wrong' },
			{ ...FORM },
			{ ...FORM, 'api-key': 'gs-sim-key' },
		]) {
			const res = await send({ destination: '5511987654321', message: 'a' }, headers);
			expect(res.status).toBe(401);
			expect(res.data).toEqual({ status: 'error', message: 'Authentication Failed' });
		}
		expect(sim.messages()).toHaveLength(1);
	});

	it('refuses an app id the key does not own', async () => {
		const res = await http.post(
			'/sms/v1/message/00000000-0000-4000-8000-000000000000',
			form({ destination: '5511987654321', message: 'a' }),
			{
				headers: AUTH,
			},
		);
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ status: 'error', message: 'Invalid App Details' });
	});

	it('wants a form body (8011 for JSON)', async () => {
		const res = await http.post(
			sendPath,
			{ destination: '5511987654321', message: 'a' },
			{ headers: { Authorization: 'gs-sim-key' } },
		);
		expectError(res, 8011);
		expect(res.data.error).toBe('BAD_REQUEST');
	});

	it('wants E.164 digits without + (8004)', async () => {
		for (const destination of ['+5511987654321', '55 11 98765', 'abc', '55', '']) {
			const res = await send({ destination, message: 'a' });
			expectError(res, 8004);
			expect(res.data.error).toBe('INVALID_PHONE_NUMBER');
		}
	});

	it('sends only to the permitted countries (8001 elsewhere, e.g. Kenya or the UK)', async () => {
		for (const destination of ['254711000001', '441735481364'])
			expectError(await send({ destination, message: 'a' }), 8001);
		for (const destination of ['525512345678', '573001234567', '51912345678']) {
			expect((await send({ destination, message: 'a' })).status).toBe(202);
		}
	});

	it('enforces the 160-character limit and a non-empty message (8011)', async () => {
		expect((await send({ destination: '5511987654321', message: 'x'.repeat(160) })).status).toBe(
			202,
		);
		expectError(await send({ destination: '5511987654321', message: 'x'.repeat(161) }), 8011);
		expectError(await send({ destination: '5511987654321' }), 8011);
		// UTF-16 units count: 80 emoji are 160 units (accepted), 81 are 162 (refused).
		expect((await send({ destination: '5511987654321', message: '😀'.repeat(80) })).status).toBe(
			202,
		);
		expectError(await send({ destination: '5511987654321', message: '😀'.repeat(81) }), 8011);
	});

	it('needs a registered DLT sender for India (8008 missing/malformed, 8012 unknown)', async () => {
		expectError(await send({ destination: '919812345678', message: 'a' }), 8008);
		expectError(await send({ destination: '919812345678', message: 'a', source: 'AB12' }), 8008);
		expectError(await send({ destination: '919812345678', message: 'a', source: 'ABCDEF' }), 8012);
		const ok = await send({ destination: '919812345678', message: 'a', source: 'GSDSMS' });
		expect(ok.status).toBe(202);
		expect(sim.messages()[0].sender).toBe('GSDSMS');
	});

	it('refuses blacklisted numbers (8006) and sends nothing without funds (8002)', async () => {
		sim.configure({ blacklist: ['5511900000001'] });
		expectError(await send({ destination: '5511900000001', message: 'a' }), 8006);
		sim.configure({ balances: { gupshup: 0.004 } });
		expectError(await send({ destination: '5511987654321', message: 'a' }), 8002);
		expect(sim.messages()).toHaveLength(0);
	});
});

describe('Gupshup wallet balance', () => {
	it('answers {"status":"success","balance":n} to the apikey header and falls per segment', async () => {
		const before = await http.get('/sm/api/v2/wallet/balance', {
			headers: { apikey: 'gs-sim-key' },
		});
		expect(before.status).toBe(200);
		expect(before.data).toEqual({ status: 'success', balance: 1000 });
		// 71 UCS-2 characters = 2 segments x 0.005 USD.
		await send({ destination: '5511987654321', message: 'ç'.repeat(70) + 'ş' });
		const after = await http.get('/sm/api/v2/wallet/balance', {
			headers: { apikey: 'gs-sim-key' },
		});
		expect(after.data.balance).toBeCloseTo(999.99, 6);
	});

	it('answers 401 to a wrong or missing apikey', async () => {
		for (const headers of [{ apikey: 'nope' }, { Authorization: 'gs-sim-key' }]) {
			const res = await http.get('/sm/api/v2/wallet/balance', { headers });
			expect(res.status).toBe(401);
			expect(res.data.status).toBe('error');
		}
	});

	it('answers 404 for unknown paths and 405 for a wrong method', async () => {
		expect((await http.get('/sms/v2/nothing')).status).toBe(404);
		const wrong = await http.get(sendPath, { headers: AUTH });
		expect(wrong.status).toBe(405);
		expect(wrong.data.status).toBe('error');
	});
});

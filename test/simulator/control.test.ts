import { Agent } from 'node:http';
import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { basic, client, FORM, form } from './helpers';

let sim: Simulator;
let control: AxiosInstance;
const SB_AUTH = { Authorization: basic('sb-sim-key', 'sb-sim-secret') };

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 77 });
	control = client(sim.url);
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

function atSend(to: string) {
	return client(sim.baseUrls.africasTalking).post(
		'/version1/messaging',
		form({ username: 'sandbox', to, message: 'Hi' }),
		{
			headers: { ...FORM, apiKey: 'at-sim-key', Accept: 'application/json' },
		},
	);
}

describe('control API', () => {
	it('exposes the default accounts, including a valid DHIS2 token derived from the seed', async () => {
		const res = await control.get('/sim/accounts');
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			africasTalking: { username: 'sandbox', apiKey: 'at-sim-key' },
			gupshup: { appId: '4a1b2c3d-0000-4000-8000-000000000001', apiKey: 'gs-sim-key' },
			smsBox: { apiKey: 'sb-sim-key', apiSecret: 'sb-sim-secret', senderName: 'SMSBOX' },
			dhis2: { username: 'admin', password: 'district' },
		});
		expect(res.data.dhis2.personalAccessToken).toBe(sim.accounts.dhis2.personalAccessToken);
		const twin = await startSimulator({ port: 0, seed: 77 });
		const other = await startSimulator({ port: 0, seed: 78 });
		expect(twin.accounts.dhis2.personalAccessToken).toBe(sim.accounts.dhis2.personalAccessToken);
		expect(other.accounts.dhis2.personalAccessToken).not.toBe(
			sim.accounts.dhis2.personalAccessToken,
		);
		await twin.stop();
		await other.stop();
		expect(sim.baseUrls).toEqual({
			africasTalking: `${sim.url}/africastalking`,
			gupshup: `${sim.url}/gupshup`,
			smsBox: `${sim.url}/smsbox`,
			dhis2: `${sim.url}/dhis2`,
			kannel: `${sim.url}/kannel`,
			twilio: `${sim.url}/twilio`,
		});
	});

	it('lists messages with filters (gateway, status, to)', async () => {
		await atSend('+254711000001,+254711110000');
		await sim.deliver();
		const all = await control.get('/sim/messages');
		expect(all.data.messages).toHaveLength(2);
		const failed = await control.get('/sim/messages', {
			params: { gateway: 'africasTalking', status: 'failed' },
		});
		expect(failed.data.messages.map((m: { to: string }) => m.to)).toEqual(['+254711110000']);
		expect(
			(await control.get('/sim/messages', { params: { to: '+254711000001' } })).data.messages,
		).toHaveLength(1);
		expect((await control.get('/sim/messages', { params: { gateway: 'nope' } })).status).toBe(400);
		expect((await control.get('/sim/messages', { params: { status: 'lost' } })).status).toBe(400);
	});

	it('hold: requests of one gateway from the given number on are held, and processed after the hold', async () => {
		const set = await control.post('/sim/config', {
			hold: { gateway: 'africastalking', fromRequest: 2, ms: 1500 },
		});
		// The former spelling is accepted and kept as the gateway's id.
		expect(set.data.hold).toEqual({ gateway: 'africasTalking', fromRequest: 2, ms: 1500 });
		expect((await atSend('+254711000001')).status).toBe(201);
		const held = atSend('+254711000002');
		for (
			let tries = 0;
			(await control.get('/sim/stats')).data.requests.byGateway.africasTalking.total < 2;
			tries++
		) {
			if (tries > 100) throw new Error('the second request never reached the simulator');
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		// Received and held: not processed yet, so nothing is stored for it.
		const during = (await control.get('/sim/messages', { params: { gateway: 'africasTalking' } }))
			.data.messages;
		expect(during.map((m: { to: string }) => m.to)).toEqual(['+254711000001']);
		expect((await held).status).toBe(201);
		const after = (await control.get('/sim/messages', { params: { gateway: 'africasTalking' } }))
			.data.messages;
		expect(after.map((m: { to: string }) => m.to)).toEqual(['+254711000001', '+254711000002']);
		for (const bad of [
			{ gateway: 'nope', fromRequest: 1, ms: 1 },
			{ gateway: 'gupshup', fromRequest: 0, ms: 1 },
			{ gateway: 'gupshup', fromRequest: 1, ms: -1 },
		]) {
			expect((await control.post('/sim/config', { hold: bad })).status).toBe(400);
		}
		expect((await control.post('/sim/config', { hold: null })).data.hold).toBeNull();
	});

	it('merges POST /sim/config partially and refuses bad shapes with 400', async () => {
		const res = await control.post('/sim/config', {
			latency: { jitterMs: 5 },
			rateLimit: { gupshup: 10 },
		});
		expect(res.status).toBe(200);
		expect(res.data.latency).toEqual({ fixedMs: 0, jitterMs: 5 });
		expect(res.data.rateLimit).toEqual({ gupshup: 10 });
		expect((await control.get('/sim/config')).data.latency.jitterMs).toBe(5);
		for (const bad of [
			{ unknown: true },
			{ latency: { fixedMs: -1 } },
			{ balances: { dhis2: 5 } },
			{ senderNames: { X: 'maybe' } },
			{ outcomes: { default: 'lost' } },
		]) {
			const refused = await control.post('/sim/config', bad);
			expect(refused.status).toBe(400);
			expect(typeof refused.data.error).toBe('string');
		}
		expect(
			(
				await control.post('/sim/config', 'not json', {
					headers: { 'Content-Type': 'application/json' },
				})
			).status,
		).toBe(400);
	});

	it('sets balances through config', async () => {
		await control.post('/sim/config', { balances: { smsBox: 123, africasTalking: 5.5 } });
		const balance = await client(sim.baseUrls.smsBox).get('/api/sms/v1/query_sms_balance', {
			headers: SB_AUTH,
		});
		expect(balance.data.data).toEqual([{ balance_money: 123 }]);
		expect(sim.stats().balances.africasTalking).toBe(5.5);
	});

	it('counts requests per gateway and endpoint', async () => {
		await atSend('+254711000001');
		await atSend('+254711000002');
		await client(sim.baseUrls.smsBox).get('/api/sms/v1/query_sms_balance', { headers: SB_AUTH });
		await client(sim.baseUrls.smsBox).get('/api/sms/v1/nothing', { headers: SB_AUTH });
		const stats = (await control.get('/sim/stats')).data;
		expect(stats.requests.total).toBe(4);
		expect(stats.requests.byGateway.africasTalking).toEqual({
			total: 2,
			byEndpoint: { 'POST /version1/messaging': 2 },
		});
		expect(stats.requests.byGateway.smsBox.byEndpoint).toEqual({
			'GET /api/sms/v1/query_sms_balance': 1,
			'GET (unmatched)': 1,
		});
		expect(stats.messages).toBe(2);
	});

	it('resets messages, balances, config, sender names, DHIS2 gateways, callbacks and stats', async () => {
		await atSend('+254711000001');
		sim.configure({
			latency: { fixedMs: 1 },
			senderNames: { EXTRA: 'approved' },
			callbacks: { dhis2: { inbound: 'http://127.0.0.1:9/x' } },
			callbackRetry: { attempts: 1 },
		});
		const dhis2 = client(sim.baseUrls.dhis2);
		const d2auth = { Authorization: basic('admin', 'district') };
		await dhis2.post('/api/gateways', { type: 'bulksms', name: 'b' }, { headers: d2auth });
		await sim.inbound({ gateway: 'dhis2', from: '+4740000000', text: 'x' });
		sim.advance(60000);
		expect((await control.post('/sim/reset')).data).toEqual({ ok: true });
		expect(sim.messages()).toHaveLength(0);
		expect(sim.stats().balances.africasTalking).toBe(100000);
		expect(sim.config().latency.fixedMs).toBe(0);
		expect(sim.callbacks()).toHaveLength(0);
		expect(sim.stats().requests.total).toBe(0);
		expect((await dhis2.get('/api/gateways', { headers: d2auth })).data.gateways).toHaveLength(1);
		const names = await client(sim.baseUrls.smsBox).get('/api/sms/v1/query_sender_names', {
			headers: SB_AUTH,
		});
		expect(names.data.data.map((n: { sending_name: string }) => n.sending_name)).toEqual([
			'SMSBOX',
		]);
		expect((await control.get('/sim/clock')).data.offsetMs).toBe(0);
	});

	it('moves the clock forward with POST /sim/advance', async () => {
		const res = await control.post('/sim/advance', { ms: 3600000 });
		expect(res.data.offsetMs).toBe(3600000);
		expect(Date.parse(res.data.now) - Date.now()).toBeGreaterThan(3500000);
		expect((await control.post('/sim/advance', { ms: -1 })).status).toBe(400);
	});

	it('validates /sim/inbound and /sim/optout input', async () => {
		expect(
			(await control.post('/sim/inbound', { gateway: 'pigeon', from: '1', text: 'x' })).status,
		).toBe(400);
		expect((await control.post('/sim/inbound', { gateway: 'smsBox', text: 'x' })).status).toBe(400);
		const stored = await control.post('/sim/inbound', {
			gateway: 'smsBox',
			from: '255701000000',
			text: 'x',
		});
		expect(stored.status).toBe(200);
		expect(stored.data.callbackQueued).toBe(false);
		expect(
			(await control.post('/sim/optout', { gateway: 'smsBox', phoneNumber: '+1', senderId: 'X' }))
				.status,
		).toBe(400);
		expect(
			(
				await control.post('/sim/optout', {
					gateway: 'africasTalking',
					phoneNumber: '+254711000001',
				})
			).status,
		).toBe(400);
		expect((await control.post('/sim/deliver', { outcome: 'lost' })).status).toBe(400);
	});

	it('answers 404 for unknown control paths and serves the page at /', async () => {
		expect((await control.get('/sim/nothing')).status).toBe(404);
		expect((await control.get('/sim/reset')).status).toBe(405);
		expect((await control.get('/elsewhere')).status).toBe(404);
		const page = await control.get('/');
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toContain('text/html');
		expect(page.data).toContain('SMS gateway simulator');
	});

	it('stops cleanly: the port closes and stop() can be called twice', async () => {
		const temp = await startSimulator({ port: 0, autoDeliverMs: 60000 });
		await client(temp.baseUrls.africasTalking).post(
			'/version1/messaging',
			form({ username: 'sandbox', to: '+254711000001', message: 'x' }),
			{
				headers: { ...FORM, apiKey: 'at-sim-key' },
			},
		);
		await temp.stop();
		await temp.stop();
		// A fresh connection (no pooled keep-alive socket) finds nothing listening.
		await expect(
			client(temp.url).get('/sim/stats', { httpAgent: new Agent({ keepAlive: false }) }),
		).rejects.toMatchObject({ code: 'ECONNREFUSED' });
	});
});

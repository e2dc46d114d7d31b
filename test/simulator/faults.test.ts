import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { basic, client, FORM, form } from './helpers';

let sim: Simulator;
let at: AxiosInstance;
let smsbox: AxiosInstance;
let gupshup: AxiosInstance;
let dhis2: AxiosInstance;

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	at = client(sim.baseUrls.africasTalking);
	smsbox = client(sim.baseUrls.smsBox);
	gupshup = client(sim.baseUrls.gupshup);
	dhis2 = client(sim.baseUrls.dhis2);
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

function atSend(to = '+254711000001') {
	return at.post('/version1/messaging', form({ username: 'sandbox', to, message: 'Hi' }), {
		headers: { ...FORM, apiKey: 'at-sim-key', Accept: 'application/json' },
	});
}

function smsboxSend() {
	return smsbox.post(
		'/api/sms/v1/send_sms',
		{
			source_addr: 'SMSBOX',
			message: 'Hi',
			recipients: [{ recipient_name: 'A', dest_addr: '+255700000011' }],
		},
		{ headers: { Authorization: basic('sb-sim-key', 'sb-sim-secret') } },
	);
}

function gupshupSend() {
	return gupshup.post(
		`/sms/v1/message/${sim.accounts.gupshup.appId}`,
		form({ destination: '5511987654321', message: 'Oi' }),
		{
			headers: { ...FORM, apikey: 'gs-sim-key' },
		},
	);
}

function dhis2Send() {
	return dhis2.post(
		'/api/sms/outbound',
		{ message: 'x', recipients: ['4740000001'] },
		{ headers: { Authorization: basic('admin', 'district') } },
	);
}

/** Classifies what the client saw: a status code, or the network error code. */
async function outcome(request: Promise<{ status: number }>): Promise<string> {
	try {
		return String((await request).status);
	} catch (error) {
		return (error as { code?: string }).code ?? 'error';
	}
}

describe('deterministic fault queue (faults.next)', () => {
	it('answers rateLimit with 429 + Retry-After in each gateway style', async () => {
		sim.configure({
			faults: { next: ['rateLimit', 'rateLimit', 'rateLimit', 'rateLimit'], retryAfterSeconds: 7 },
		});
		const atRes = await atSend();
		expect(atRes.status).toBe(429);
		expect(atRes.headers['retry-after']).toBe('7');
		expect(atRes.data).toBe('Too Many Requests');
		const sb = await smsboxSend();
		expect([sb.status, sb.headers['retry-after'], sb.data]).toEqual([
			429,
			'7',
			{ code: 429, message: 'Too Many Requests' },
		]);
		const gs = await gupshupSend();
		expect([gs.status, gs.data.status]).toEqual([429, 'error']);
		const d2 = await dhis2Send();
		expect(d2.status).toBe(429);
		expect(d2.data).toMatchObject({ httpStatusCode: 429, status: 'ERROR' });
		expect(sim.messages()).toHaveLength(0);
		expect(sim.stats().faults.rateLimit).toBe(4);
	});

	it('answers serverError with 503 in each gateway style, accepting nothing', async () => {
		sim.configure({
			faults: { next: ['serverError', 'serverError', 'serverError', 'serverError'] },
		});
		expect((await atSend()).status).toBe(503);
		const sb = await smsboxSend();
		expect([sb.status, sb.data.code]).toEqual([503, 103]);
		const gs = await gupshupSend();
		expect([gs.status, gs.data.code]).toEqual([503, 8005]);
		const d2 = await dhis2Send();
		expect([d2.status, d2.data.httpStatus]).toEqual([503, 'Service Unavailable']);
		expect(sim.messages()).toHaveLength(0);
	});

	it('resetBefore: the connection drops and nothing is accepted', async () => {
		sim.configure({ faults: { next: ['resetBefore'] } });
		expect(await outcome(atSend())).toBe('ECONNRESET');
		expect(sim.messages()).toHaveLength(0);
		expect(sim.stats().balances.africasTalking).toBe(100000);
		// The next request is served normally.
		expect((await atSend()).status).toBe(201);
		const stats = sim.stats();
		expect(stats.faults.resetBefore).toBe(1);
		expect(stats.requests.byGateway.africasTalking.byEndpoint['POST /version1/messaging']).toBe(2);
	});

	it('resetAfter: the client sees ECONNRESET but the message was accepted (and charged)', async () => {
		sim.configure({ faults: { next: ['resetAfter'] } });
		expect(await outcome(smsboxSend())).toBe('ECONNRESET');
		const [accepted] = sim.messages({ gateway: 'smsBox' });
		expect(accepted).toMatchObject({ to: '+255700000011', status: 'sent' });
		expect(sim.stats().balances.smsBox).toBe(5000000 - 20);
		const overHttp = await client(sim.url).get('/sim/messages?gateway=smsbox');
		expect(overHttp.data.messages).toHaveLength(1);
	});

	it('per-gateway queues hit only that gateway; "none" lets one request through', async () => {
		sim.configure({ faults: { gateways: { smsBox: { next: ['none', 'serverError'] } } } });
		expect((await atSend()).status).toBe(201);
		expect((await smsboxSend()).status).toBe(200);
		expect((await atSend()).status).toBe(201);
		expect((await smsboxSend()).status).toBe(503);
		expect((await smsboxSend()).status).toBe(200);
		expect(sim.stats().faults.byGateway.smsBox.serverError).toBe(1);
		expect(sim.stats().faults.byGateway.africasTalking.serverError).toBe(0);
	});
});

describe('random faults from a seed', () => {
	async function run(seed: number): Promise<string[]> {
		sim.reset();
		sim.configure({ faults: { rate: 0.5, seed } });
		const seen: string[] = [];
		for (let i = 0; i < 30; i++) {
			const before = sim.messages().length;
			const result = await outcome(atSend());
			// Tell the two resets apart by whether the message was stored.
			seen.push(
				result === 'ECONNRESET'
					? sim.messages().length > before
						? 'resetAfter'
						: 'resetBefore'
					: result,
			);
		}
		return seen;
	}

	it('replays the same fault sequence for the same seed, and a different one for another seed', async () => {
		const first = await run(42);
		const again = await run(42);
		expect(again).toEqual(first);
		expect(new Set(first)).toEqual(new Set(['201', '429', '503', 'resetBefore', 'resetAfter']));
		const other = await run(7);
		expect(other).not.toEqual(first);
		expect(sim.stats().faultSeed).toBe(7);
	});

	it('never faults at rate 0 and always at rate 1 (with the chosen weights)', async () => {
		sim.configure({
			faults: { rate: 1, weights: { rateLimit: 0, serverError: 1, resetBefore: 0, resetAfter: 0 } },
		});
		for (let i = 0; i < 5; i++) expect((await atSend()).status).toBe(503);
		sim.configure({ faults: { rate: 0 } });
		for (let i = 0; i < 5; i++) expect((await atSend()).status).toBe(201);
	});
});

describe('latency and rate limits', () => {
	it('holds every answer for at least the fixed latency', async () => {
		sim.configure({ latency: { fixedMs: 120, jitterMs: 0 } });
		const started = Date.now();
		expect((await atSend()).status).toBe(201);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});

	it('answers 429 with Retry-After once a gateway exceeds its configured requests per second', async () => {
		sim.configure({ rateLimit: { smsBox: 1 } });
		let limited: { status: number; headers: Record<string, unknown> } | null = null;
		for (let i = 0; i < 50 && !limited; i++) {
			const res = await smsboxSend();
			if (res.status === 429) limited = res;
		}
		expect(limited).not.toBeNull();
		expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(sim.stats().rateLimited.smsBox).toBeGreaterThanOrEqual(1);
		// Other gateways are not limited.
		expect((await atSend()).status).toBe(201);
	});
});

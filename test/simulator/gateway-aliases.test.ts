/**
 * The simulator names each gateway by one id, the package's GatewayId (`africasTalking`, `smsBox`,
 * …), and still accepts the former spellings `africastalking` and `smsbox` wherever a caller names
 * a gateway over the control API: bodies, query strings and config keys. The URL path prefixes
 * (`/africastalking`, `/smsbox`) are paths, not ids, and stay as they were.
 */
import type { AxiosInstance } from 'axios';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { GATEWAY_PATHS, GATEWAYS } from '../../simulator/core/types';
import { basic, client, FORM, form, startReceiver, type Receiver } from './helpers';

let sim: Simulator;
let control: AxiosInstance;
let receiver: Receiver;

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	control = client(sim.url);
	receiver = await startReceiver();
});
afterAll(async () => {
	await sim.stop();
	await receiver.close();
});
beforeEach(() => {
	sim.reset();
	receiver.requests.length = 0;
});

const atSend = (to: string) =>
	client(sim.baseUrls.africasTalking).post(
		'/version1/messaging',
		form({ username: 'sandbox', to, message: 'Hi' }),
		{
			headers: { ...FORM, apiKey: 'at-sim-key', Accept: 'application/json' },
		},
	);

const smsBoxSend = (to: string) =>
	client(sim.baseUrls.smsBox).post(
		'/api/sms/v1/send_sms',
		{
			source_addr: 'SMSBOX',
			schedule_time: '',
			encoding: '0',
			message: 'Hi',
			recipients: [{ recipient_name: 'A', dest_addr: to }],
		},
		{
			headers: {
				Authorization: basic('sb-sim-key', 'sb-sim-secret'),
				'Content-Type': 'application/json',
			},
		},
	);

describe('gateway ids and URL paths', () => {
	it('serves each gateway under its path prefix, the one mapping from id to path', async () => {
		expect(GATEWAY_PATHS).toMatchObject({ africasTalking: 'africastalking', smsBox: 'smsbox' });
		for (const id of GATEWAYS) expect(sim.baseUrls[id]).toBe(`${sim.url}/${GATEWAY_PATHS[id]}`);
		expect((await atSend('+254711000001')).status).toBe(201);
		expect((await smsBoxSend('+255700000001')).status).toBe(200);
		expect((await control.get('/africasTalking/version1/messaging')).status).toBe(404);
		expect(
			sim
				.messages()
				.map((m) => m.gateway)
				.sort(),
		).toEqual(['africasTalking', 'smsBox']);
	});

	it('names gateways by id in what it answers: accounts, stats, balances', async () => {
		const accounts = (await control.get('/sim/accounts')).data as Record<string, unknown>;
		expect(Object.keys(accounts).sort()).toEqual([...GATEWAYS].sort());
		const stats = (await control.get('/sim/stats')).data as {
			requests: { byGateway: object };
			balances: object;
		};
		expect(Object.keys(stats.requests.byGateway).sort()).toEqual([...GATEWAYS].sort());
		expect(Object.keys(stats.balances).sort()).toEqual(['africasTalking', 'gupshup', 'smsBox']);
	});
});

describe('the former spellings, still accepted', () => {
	it('in query strings: GET /sim/messages and /sim/callbacks', async () => {
		await atSend('+254711000002');
		await smsBoxSend('+255700000002');
		for (const [old, id] of [
			['africastalking', 'africasTalking'],
			['smsbox', 'smsBox'],
		]) {
			const messages = (await control.get(`/sim/messages?gateway=${old}`)).data.messages as Array<{
				gateway: string;
			}>;
			expect(messages.map((m) => m.gateway)).toEqual([id]);
			expect((await control.get(`/sim/callbacks?gateway=${old}`)).status).toBe(200);
		}
		expect((await control.get('/sim/messages?gateway=nowhere')).status).toBe(400);
	});

	it('in bodies: POST /sim/inbound, /sim/optout and /sim/deliver', async () => {
		sim.configure({
			callbacks: {
				smsBox: { inbound: `${receiver.url}/sb` },
				africasTalking: { optout: `${receiver.url}/at` },
			},
		});
		const inbound = await control.post('/sim/inbound', {
			gateway: 'smsbox',
			from: '+255700000003',
			text: 'Habari',
			wait: true,
		});
		expect(inbound.status).toBe(200);
		expect(inbound.data.gateway).toBe('smsBox');
		const optOut = await control.post('/sim/optout', {
			gateway: 'africastalking',
			phoneNumber: '+254711000003',
			senderId: 'SIMSMS',
			wait: true,
		});
		expect(optOut.status).toBe(200);
		expect(optOut.data.gateway).toBe('africasTalking');
		expect([...new Set(receiver.requests.map((r) => r.path))].sort()).toEqual(['/at', '/sb']);

		await atSend('+254711000004');
		await smsBoxSend('+255700000004');
		const delivered = await control.post('/sim/deliver', { gateway: 'africastalking' });
		expect(delivered.data.messages.map((m: { gateway: string }) => m.gateway)).toEqual([
			'africasTalking',
		]);
	});

	it('as config keys: callbacks, costs, rateLimit, faults.gateways, sendRefusals and balances', async () => {
		const answer = await control.post('/sim/config', {
			callbacks: { africastalking: { delivery: `${receiver.url}/dlr` } },
			costs: { smsbox: 7 },
			rateLimit: { africastalking: 50 },
			faults: { gateways: { smsbox: { rate: 0.5 } } },
			sendRefusals: [{ gateway: 'smsbox', exact: '+255700000009', code: 105 }],
			balances: { africastalking: 12.5 },
		});
		expect(answer.status).toBe(200);
		expect(answer.data.callbacks.africasTalking.delivery).toBe(`${receiver.url}/dlr`);
		expect(answer.data.costs.smsBox).toBe(7);
		expect(answer.data.rateLimit).toEqual({ africasTalking: 50 });
		expect(answer.data.faults.gateways).toEqual({ smsBox: { rate: 0.5 } });
		expect(answer.data.sendRefusals[0].gateway).toBe('smsBox');
		expect(answer.data).not.toHaveProperty('callbacks.africastalking');
		expect(sim.stats().balances.africasTalking).toBe(12.5);
	});
});

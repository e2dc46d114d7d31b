/**
 * Max Concurrency: when the option is not added, Send SMS keeps each gateway's own default in
 * flight (Africa's Talking and Gupshup 25, SMSBox and DHIS2 10); a value the workflow sets is used
 * as before. Measured at the wire: a loopback proxy in front of the simulator counts the requests
 * in flight while the simulator answers after 300 ms (long enough for every lane to be open on a loaded machine).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { adapterFor } from '../../../nodes/shared/registry/registry';
import { brazilianNumbers, kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { send } from '../../fixtures/send-sms';

interface Gauge {
	url: string;
	maxInFlight: () => number;
	stop: () => Promise<void>;
}

/** Forwards to the simulator and keeps the most requests it saw in flight at once. */
async function startGauge(target: string): Promise<Gauge> {
	const upstream = new URL(target);
	let inFlight = 0;
	let max = 0;
	const server = http.createServer((req, res) => {
		inFlight++;
		max = Math.max(max, inFlight);
		const forward = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: upstream.host },
			},
			(reply) => {
				res.writeHead(reply.statusCode ?? 502, reply.headers);
				reply.pipe(res);
				reply.on('end', () => inFlight--);
			},
		);
		forward.on('error', () => {
			inFlight--;
			res.destroy();
		});
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		maxInFlight: () => max,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

const fx = useSimulator();

describe('Send SMS concurrency', () => {
	let gauge: Gauge;
	beforeEach(async () => {
		gauge = await startGauge(fx.get().sim.url);
		fx.get().sim.configure({ latency: { fixedMs: 300, jitterMs: 0 } });
	});
	afterEach(async () => {
		await gauge.stop();
	});

	const credentialsThroughGauge = () => ({
		gupshupApi: {
			apiKey: 'gs-sim-key',
			appId: '4a1b2c3d-0000-4000-8000-000000000001',
			baseUrl: `${gauge.url}/gupshup`,
		},
		africasTalkingApi: {
			username: 'sandbox',
			apiKey: 'at-sim-key',
			environment: 'sandbox',
			baseUrl: `${gauge.url}/africastalking`,
		},
		dhis2Api: {
			serverUrl: `${gauge.url}/dhis2`,
			authType: 'basic',
			username: 'admin',
			password: 'district',
			token: '',
		},
	});

	it.each([
		['gupshup', 25],
		['africasTalking', 25],
		['dhis2', 10],
	] as const)(
		'%s without the option keeps its default of %i requests in flight',
		async (gateway, expected) => {
			expect(adapterFor(gateway).defaultSendConcurrency).toBe(expected);
			const phones = gateway === 'gupshup' ? brazilianNumbers(60) : kenyanNumbers(60);
			const { json } = await send(fx.get(), {
				gateway,
				message: 'Hello [{RECEIVERNAME}]',
				recipientName: '={{ $json.name }}',
				items: phones.map((phone, i) => ({ phone, name: `Person ${i}` })),
				credentials: credentialsThroughGauge(),
			});
			expect(json.filter((j) => j.status === 'accepted')).toHaveLength(60);
			expect(gauge.maxInFlight()).toBe(expected);
		},
	);

	it('uses the Max Concurrency a workflow sets', async () => {
		const phones = brazilianNumbers(30);
		const { json } = await send(fx.get(), {
			gateway: 'gupshup',
			message: 'Hello',
			items: phones.map((phone) => ({ phone })),
			options: { maxConcurrency: 10 },
			credentials: credentialsThroughGauge(),
		});
		expect(json.filter((j) => j.status === 'accepted')).toHaveLength(30);
		expect(gauge.maxInFlight()).toBe(10);
	});
});

/**
 * The Kannel-style and Twilio-style simulator gateways over real HTTP: their documented requests,
 * replies, refusals, faults, and Twilio's status callbacks.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null });
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

function kannelUrl(query: Record<string, string>): string {
	return `${sim.baseUrls.kannel}/cgi-bin/sendsms?${new URLSearchParams(query).toString()}`;
}
const KANNEL_USER = { username: 'kannel-sim', password: 'kannel-sim-pass' };

function twilioPost(
	form: Record<string, string>,
	auth = 'AC00000000000000000000000000000001:tw-sim-token',
) {
	return fetch(
		`${sim.baseUrls.twilio}/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json`,
		{
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
			},
			body: new URLSearchParams(form).toString(),
		},
	);
}

describe('Kannel-style sendsms', () => {
	it('accepts several space-separated receivers with "0: Accepted for delivery"', async () => {
		const reply = await fetch(
			kannelUrl({
				...KANNEL_USER,
				from: 'CLINIC',
				to: '+254711000001 +254711000002',
				text: 'Hi & bye',
			}),
		);
		expect(reply.status).toBe(202);
		expect(await reply.text()).toBe('0: Accepted for delivery');
		expect(sim.messages({ gateway: 'kannel' }).map((m) => [m.to, m.text, m.sender])).toEqual([
			['+254711000001', 'Hi & bye', 'CLINIC'],
			['+254711000002', 'Hi & bye', 'CLINIC'],
		]);
	});

	it('answers "3: Queued for later delivery" for receivers ending in 3', async () => {
		const reply = await fetch(kannelUrl({ ...KANNEL_USER, to: '+254711000003', text: 'x' }));
		expect([reply.status, await reply.text()]).toEqual([202, '3: Queued for later delivery']);
	});

	it('refuses wrong credentials with 403 text, and a blacklisted receiver with 400, accepting nothing', async () => {
		const denied = await fetch(
			kannelUrl({ username: 'kannel-sim', password: 'wrong', to: '+254711000001', text: 'x' }),
		);
		expect([denied.status, await denied.text()]).toEqual([403, 'Authorization failed for sendsms']);
		sim.configure({ blacklist: ['+254711000009'] });
		const black = await fetch(
			kannelUrl({ ...KANNEL_USER, to: '+254711000001 +254711000009', text: 'x' }),
		);
		expect(black.status).toBe(400);
		expect(sim.messages({ gateway: 'kannel' })).toHaveLength(0);
	});

	it('answers an injected rate-limit fault with 429 and Retry-After', async () => {
		sim.configure({ faults: { retryAfterSeconds: 2, next: ['rateLimit'] } });
		const reply = await fetch(kannelUrl({ ...KANNEL_USER, to: '+254711000001', text: 'x' }));
		expect(reply.status).toBe(429);
		expect(reply.headers.get('retry-after')).toBe('2');
		expect(sim.messages({ gateway: 'kannel' })).toHaveLength(0);
	});
});

describe('Twilio-style Messages API', () => {
	it('accepts one recipient with 201 and a JSON reply holding sid and status', async () => {
		const reply = await twilioPost({ To: '+254711000001', From: '+15005550006', Body: 'Hello' });
		expect(reply.status).toBe(201);
		const body = (await reply.json()) as { sid: string; status: string };
		expect(body.status).toBe('queued');
		expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/);
		expect(sim.messages({ gateway: 'twilio' })).toMatchObject([
			{ id: body.sid, to: '+254711000001', text: 'Hello' },
		]);
	});

	it('refuses a wrong token (401, code 20003) and an invalid number (400, code 21211)', async () => {
		const denied = await twilioPost(
			{ To: '+254711000001', From: 'X', Body: 'x' },
			'AC00000000000000000000000000000001:nope',
		);
		expect(denied.status).toBe(401);
		expect(((await denied.json()) as { code: number }).code).toBe(20003);
		const invalid = await twilioPost({ To: '+1', From: 'X', Body: 'x' });
		expect(invalid.status).toBe(400);
		expect(((await invalid.json()) as { code: number }).code).toBe(21211);
		expect(sim.messages({ gateway: 'twilio' })).toHaveLength(0);
	});

	it('posts form status callbacks to StatusCallback with MessageSid, MessageStatus, To and ErrorCode', async () => {
		const received: string[] = [];
		const server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => {
				received.push(body);
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`;
			const ok = (await (
				await twilioPost({ To: '+254711000001', From: 'X', Body: 'a', StatusCallback: url })
			).json()) as { sid: string };
			const bad = (await (
				await twilioPost({ To: '+254711110000', From: 'X', Body: 'b', StatusCallback: url })
			).json()) as { sid: string };
			await sim.deliver({ gateway: 'twilio' });
			const forms = received.map((r) => Object.fromEntries(new URLSearchParams(r)));
			expect(forms).toEqual(
				expect.arrayContaining([
					expect.objectContaining({
						MessageSid: ok.sid,
						MessageStatus: 'delivered',
						To: '+254711000001',
					}),
					expect.objectContaining({
						MessageSid: bad.sid,
						MessageStatus: 'undelivered',
						To: '+254711110000',
						ErrorCode: '30003',
					}),
				]),
			);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});

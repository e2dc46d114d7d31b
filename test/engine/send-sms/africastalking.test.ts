/**
 * Send SMS through Africa's Talking, inside n8n's engine, against the simulator over loopback.
 */

import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

describe("Send SMS via Africa's Talking", () => {
	it('sends one message and returns the gateway message ID, parts, encoding and cost', async () => {
		const { json, run } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001',
			message: 'Hello from n8n',
		});
		expect(run.status).toBe('success');
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			gateway: 'africasTalking',
			status: 'accepted',
			to: '+254711000001',
			input: '+254711000001',
			segments: 1,
			encoding: 'GSM-7',
			currency: 'KES',
			error: null,
		});
		expect(json[0].cost).toBeGreaterThan(0);
		const stored = fx.get().sim.messages({ gateway: 'africasTalking' });
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			id: json[0].messageId,
			to: '+254711000001',
			text: 'Hello from n8n',
		});
	});

	it('sends a list from many items in batches of 500 and answers each recipient, paired with its item', async () => {
		const phones = kenyanNumbers(1001);
		const { json, items } = await send(fx.get(), {
			gateway: 'africasTalking',
			message: 'Clinic reminder: your appointment is tomorrow',
			items: phones.map((phone) => ({ phone })),
		});
		expect(statuses(json).every((s) => s === 'accepted')).toBe(true);
		expect(items[1000].pairedItem).toEqual({ item: 1000 });
		expect(fx.get().sim.stats().requests.byGateway.africasTalking.total).toBe(3);
		expect(
			new Set(
				fx
					.get()
					.sim.messages({ gateway: 'africasTalking' })
					.map((m) => m.to),
			).size,
		).toBe(1001);
	});

	it('reports invalid numbers per recipient, quoting the input, and sends the rest', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '0711 000 001, 12345, (0722) 000-002',
			message: 'Hi',
			options: { defaultCountry: 'KE' },
		});
		expect(statuses(json)).toEqual(['accepted', 'invalid', 'accepted']);
		expect(json[1]).toMatchObject({ input: '12345', error: { code: 'INVALID_NUMBER' } });
		expect((json[1].error as { message: string }).message).toContain('"12345"');
		expect(json[2].to).toBe('+254722000002');
	});

	it('deduplicates the same recipient and text across items', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			message: 'Hi',
			items: [
				{ phone: '+254711000001' },
				{ phone: '+254 711 000 001' },
				{ phone: '+254711000002' },
			],
		});
		expect(statuses(json)).toEqual(['accepted', 'invalid', 'accepted']);
		expect(fx.get().sim.messages({ gateway: 'africasTalking' })).toHaveLength(2);
	});

	it('personalises each message, one request per distinct text', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			message: '=Hello [{RECEIVERNAME}], your code is {{ $json.code }}',
			recipientName: '={{ $json.name }}',
			items: [
				{ phone: '+254711000001', name: 'Amina', code: 'A1' },
				{ phone: '+254711000002', name: 'Baraka', code: 'B2' },
			],
		});
		expect(statuses(json)).toEqual(['accepted', 'accepted']);
		const texts = fx
			.get()
			.sim.messages({ gateway: 'africasTalking' })
			.map((m) => m.text)
			.sort();
		expect(texts).toEqual(['Hello Amina, your code is A1', 'Hello Baraka, your code is B2']);
	});

	it('reports the gateway refusal of a blacklisted number with its code and an explanation', async () => {
		await fx.get().sim.configure({ blacklist: ['+254711000009'] });
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001,+254711000009',
			message: 'Hi',
		});
		expect(statuses(json)).toEqual(['accepted', 'rejected']);
		expect(json[1]).toMatchObject({
			messageId: null,
			error: { code: '406', message: 'UserInBlacklist' },
		});
		expect((json[1].error as { explanation: string }).explanation).toMatch(/opted out/);
	});

	it("fails the run with the gateway's own words when the credentials are wrong, before anything is sent", async () => {
		const wrong = {
			...fx.get().credentials,
			africasTalkingApi: { ...fx.get().credentials.africasTalkingApi, apiKey: 'nope' },
		};
		const { run, error } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001',
			message: 'Hi',
			credentials: wrong,
		});
		expect(run.status).toBe('error');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('The supplied authentication is invalid');
		expect(JSON.stringify(run.data.resultData)).not.toContain('nope');
		expect(fx.get().sim.messages()).toHaveLength(0);
	});

	it('refuses to schedule, naming the item, and sends nothing', async () => {
		const { run, error } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001',
			message: 'Hi',
			options: { scheduleTime: '2099-01-01T10:00:00Z' },
		});
		expect(run.status).toBe('error');
		expect(error?.message).toMatch(/cannot schedule/);
		expect(fx.get().sim.messages()).toHaveLength(0);
	});

	it('replies to an inbound message with its linkId on the premium route', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001',
			message: 'Thanks, we got it',
			from: '12345',
			options: { linkId: 'SampleLinkId123', keyword: 'CLINIC' },
		});
		expect(json[0].status).toBe('accepted');
		const [stored] = fx.get().sim.messages({ gateway: 'africasTalking' });
		expect(stored).toMatchObject({ linkId: 'SampleLinkId123', keyword: 'CLINIC' });
	});

	it('waits out a storm of 429s with Retry-After and accepts every recipient exactly once', async () => {
		await fx.get().sim.configure({
			faults: { retryAfterSeconds: 1, next: ['rateLimit', 'rateLimit', 'rateLimit'] },
		});
		const phones = kenyanNumbers(1200);
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			message: 'Storm test',
			items: phones.map((phone) => ({ phone })),
			options: { maxConcurrency: 3 },
		});
		expect(statuses(json).every((s) => s === 'accepted')).toBe(true);
		const stored = fx.get().sim.messages({ gateway: 'africasTalking' });
		expect(stored).toHaveLength(1200);
		expect(new Set(stored.map((m) => m.to)).size).toBe(1200);
		expect(fx.get().sim.stats().faults.rateLimit).toBe(3);
	});

	it('reports unknown, never re-sends, when the connection resets after the gateway took the batch', async () => {
		await fx.get().sim.configure({ faults: { next: ['resetAfter'] } });
		const { json, run } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001,+254711000002',
			message: 'Ambiguous',
		});
		expect(run.status).toBe('success');
		expect(statuses(json)).toEqual(['unknown', 'unknown']);
		expect((json[0].error as { explanation: string }).explanation).toMatch(/not sent again/);
		// The simulator accepted them once; the node did not send them a second time.
		expect(fx.get().sim.messages({ gateway: 'africasTalking' })).toHaveLength(2);
		expect(fx.get().sim.stats().requests.byGateway.africasTalking.total).toBe(1);
	});
});

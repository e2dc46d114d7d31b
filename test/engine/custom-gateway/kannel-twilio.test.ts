/**
 * Send SMS through the Custom HTTP Gateway with the shipped Kannel and Twilio profiles, against the
 * simulator's Kannel-style and Twilio-style gateways (written from those products' documentation):
 * accepted, refused, 429 + Retry-After, reset after sending, a bad profile, and no secret in outputs.
 */
import { sendCustom, shippedProfile } from '../../fixtures/custom-gateway';
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();

describe('Custom HTTP Gateway with the Kannel profile', () => {
	it('sends several recipients in one GET and reads "0: Accepted for delivery"', async () => {
		const numbers = kenyanNumbers(3);
		const { json, run } = await sendCustom({
			profile: shippedProfile('kannel', fx.get().sim),
			message: 'Vaccination day: Saturday 9:00 & bring the card',
			from: 'CLINIC',
			items: numbers.map((phone) => ({ phone })),
		});
		expect(run.status).toBe('success');
		expect(json.map((j) => [j.gateway, j.status, j.to])).toEqual(
			numbers.map((n) => ['httpGateway', 'accepted', n]),
		);
		expect(fx.get().sim.stats().requests.byGateway.kannel.total).toBe(1);
		expect(
			fx
				.get()
				.sim.messages({ gateway: 'kannel' })
				.map((m) => [m.to, m.text, m.sender]),
		).toEqual(numbers.map((n) => [n, 'Vaccination day: Saturday 9:00 & bring the card', 'CLINIC']));
	});

	it('treats a Kannel refusal (400 text) as rejected for every recipient of the request', async () => {
		fx.get().sim.configure({ blacklist: [kenyanNumbers(2)[1]] });
		const { json } = await sendCustom({
			profile: shippedProfile('kannel', fx.get().sim),
			message: 'x',
			items: kenyanNumbers(2).map((phone) => ({ phone })),
			onError: 'continueRegularOutput',
		});
		expect(json.map((j) => j.status)).toEqual(['rejected', 'rejected']);
		expect((json[0].error as { message: string }).message).toContain(
			'denied by white- and/or black-lists',
		);
		expect(fx.get().sim.messages({ gateway: 'kannel' })).toHaveLength(0);
	});

	it('stops the run on wrong confidential parameters (403) and never shows them', async () => {
		const profile = {
			...shippedProfile('kannel', fx.get().sim),
			secretParameters: '{"username":"kannel-sim","password":"S3cr3t-wrong"}',
		};
		const { json } = await sendCustom({
			profile,
			message: 'x',
			to: '+254711000001',
			onError: 'continueRegularOutput',
		});
		expect(json[0].status).toBe('rejected');
		expect(JSON.stringify(json)).not.toContain('S3cr3t-wrong');
		expect(JSON.stringify(json)).not.toContain('kannel-sim');
	});

	it('waits out a 429 with Retry-After and sends once', async () => {
		fx.get().sim.configure({ faults: { retryAfterSeconds: 1, next: ['rateLimit'] } });
		const { json } = await sendCustom({
			profile: shippedProfile('kannel', fx.get().sim),
			message: 'x',
			to: '+254711000001',
		});
		expect(json[0].status).toBe('accepted');
		expect(fx.get().sim.messages({ gateway: 'kannel' })).toHaveLength(1);
		expect(fx.get().sim.stats().faults.rateLimit).toBe(1);
	});

	it('reports "unknown" and does not send again after a reset once the request was sent', async () => {
		fx.get().sim.configure({ faults: { next: ['resetAfter'] } });
		const { json } = await sendCustom({
			profile: shippedProfile('kannel', fx.get().sim),
			message: 'x',
			to: '+254711000001',
			onError: 'continueRegularOutput',
		});
		expect(json[0].status).toBe('unknown');
		expect(fx.get().sim.stats().requests.byGateway.kannel.total).toBe(1);
	});
});

describe('Custom HTTP Gateway with the Twilio profile', () => {
	it('sends one request per recipient and keeps each sid as the message ID', async () => {
		const numbers = kenyanNumbers(3);
		const { json } = await sendCustom({
			profile: shippedProfile('twilio', fx.get().sim),
			message: 'Hello',
			from: '+15005550006',
			items: numbers.map((phone) => ({ phone })),
		});
		expect(json.map((j) => j.status)).toEqual(['accepted', 'accepted', 'accepted']);
		const stored = fx.get().sim.messages({ gateway: 'twilio' });
		expect(json.map((j) => j.messageId).sort()).toEqual(stored.map((m) => m.id).sort());
		expect(fx.get().sim.stats().requests.byGateway.twilio.total).toBe(3);
	});

	it('rejects only the refused recipient (one recipient per request)', async () => {
		fx.get().sim.configure({ blacklist: [kenyanNumbers(3)[1]] });
		const { json } = await sendCustom({
			profile: shippedProfile('twilio', fx.get().sim),
			message: 'Hello',
			from: '+15005550006',
			items: kenyanNumbers(3).map((phone) => ({ phone })),
			onError: 'continueRegularOutput',
		});
		expect(json.map((j) => j.status)).toEqual(['accepted', 'rejected', 'accepted']);
		expect((json[1].error as { message: string }).message).toContain('unsubscribed recipient');
	});

	it('waits out a 429 on a later request of the batch and sends each recipient once', async () => {
		fx.get().sim.configure({ faults: { retryAfterSeconds: 1, next: ['none', 'rateLimit'] } });
		const { json } = await sendCustom({
			profile: shippedProfile('twilio', fx.get().sim),
			message: 'Hello',
			from: '+15005550006',
			items: kenyanNumbers(3).map((phone) => ({ phone })),
		});
		expect(json.map((j) => j.status)).toEqual(['accepted', 'accepted', 'accepted']);
		expect(
			fx
				.get()
				.sim.messages({ gateway: 'twilio' })
				.map((m) => m.to)
				.sort(),
		).toEqual(kenyanNumbers(3));
		expect(fx.get().sim.stats().faults.rateLimit).toBe(1);
	});

	it('leaves only the recipient of a request reset after sending "unknown", and sends it once', async () => {
		fx.get().sim.configure({ faults: { next: ['none', 'resetAfter'] } });
		const { json } = await sendCustom({
			profile: shippedProfile('twilio', fx.get().sim),
			message: 'Hello',
			from: '+15005550006',
			items: kenyanNumbers(3).map((phone) => ({ phone })),
			onError: 'continueRegularOutput',
		});
		expect(json.map((j) => j.status)).toEqual(['accepted', 'unknown', 'accepted']);
		expect(fx.get().sim.stats().requests.byGateway.twilio.total).toBe(3);
	});

	it('gives the same results with Batch Size 1 and Max Concurrency 4 as with one batch', async () => {
		const items = kenyanNumbers(12).map((phone) => ({ phone }));
		fx.get().sim.configure({ blacklist: [kenyanNumbers(12)[4]] });
		const one = await sendCustom({
			profile: shippedProfile('twilio', fx.get().sim),
			message: 'Hi',
			from: '+15005550006',
			items,
			onError: 'continueRegularOutput',
		});
		fx.get().sim.reset();
		fx.get().sim.configure({ blacklist: [kenyanNumbers(12)[4]] });
		const parallel = await sendCustom({
			profile: shippedProfile('twilio', fx.get().sim),
			message: 'Hi',
			from: '+15005550006',
			items,
			options: { batchSize: 1, maxConcurrency: 4 },
			onError: 'continueRegularOutput',
		});
		const view = (json: typeof one.json) => json.map((j) => [j.to, j.status]);
		expect(view(parallel.json)).toEqual(view(one.json));
		expect(one.json.filter((j) => j.status === 'rejected')).toHaveLength(1);
		expect(fx.get().sim.stats().requests.byGateway.twilio.total).toBe(12);
	});

	it('stops the run on a wrong Auth Token, sending nothing more', async () => {
		const profile = { ...shippedProfile('twilio', fx.get().sim), password: 'Wr0ng-T0ken' };
		const { json } = await sendCustom({
			profile,
			message: 'Hello',
			from: '+15005550006',
			items: kenyanNumbers(3).map((phone) => ({ phone })),
			onError: 'continueRegularOutput',
		});
		expect(json.map((j) => j.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(JSON.stringify(json)).not.toContain('Wr0ng-T0ken');
		expect(fx.get().sim.stats().requests.byGateway.twilio.total).toBe(1);
	});
});

describe('Custom HTTP Gateway profile validation', () => {
	it.each([
		[{ baseUrl: '' }, 'Base URL'],
		[{ baseUrl: 'ftp://x' }, 'Base URL'],
		[{ extraParameters: '{not json' }, 'Fixed Extra Parameters'],
		[{ secretParameters: '[1,2]' }, 'Confidential Parameters'],
		[{ successStatuses: '2xx' }, 'Success HTTP Statuses'],
		[{ recipientsPerRequest: 'array' }, 'Recipients per Request'],
		[{ resultsPath: 'a..b' }, 'Per-Recipient Results Path'],
		[{ maxRecipients: 0 }, 'Max Recipients per Request'],
	])('refuses %j before sending, naming the field "%s"', async (patch, field) => {
		const profile = { ...shippedProfile('kannel', fx.get().sim), ...patch };
		const { json } = await sendCustom({
			profile,
			message: 'x',
			to: '+254711000001',
			onError: 'continueRegularOutput',
		});
		expect(json[0].status).toBe('rejected');
		expect((json[0].error as { code: string; message: string }).code).toBe('INVALID_PROFILE');
		expect((json[0].error as { message: string }).message).toContain(`"${field}"`);
		expect(fx.get().sim.stats().requests.total).toBe(0);
	});
});

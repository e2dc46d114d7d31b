/**
 * The behaviours every gateway must share, run against each of the four in the engine: one
 * recipient, personalised texts, deduplication, invalid numbers among valid ones, wrong
 * credentials, a 429 storm and a reset after the gateway took the request.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SimFixture } from '../../fixtures/simulator';
import { brazilianNumbers, kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import type { SendCall } from '../../fixtures/send-sms';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

type Gateway = SendCall['gateway'];
const CASES: Array<{
	gateway: Gateway;
	numbers: (n: number) => string[];
	from: string;
	wrong: (c: SimFixture['credentials']) => SimFixture['credentials'];
}> = [
	{
		gateway: 'africasTalking',
		numbers: (n) => kenyanNumbers(n),
		from: '',
		wrong: (c) => ({ ...c, africasTalkingApi: { ...c.africasTalkingApi, apiKey: 'wrong-key' } }),
	},
	{
		gateway: 'gupshup',
		numbers: (n) => brazilianNumbers(n),
		from: '',
		wrong: (c) => ({ ...c, gupshupApi: { ...c.gupshupApi, apiKey: 'wrong-key' } }),
	},
	{
		gateway: 'smsBox',
		numbers: (n) => kenyanNumbers(n),
		from: 'SMSBOX',
		wrong: (c) => ({ ...c, smsBoxApi: { ...c.smsBoxApi, apiSecret: 'wrong-secret' } }),
	},
	{
		gateway: 'dhis2',
		numbers: (n) => kenyanNumbers(n),
		from: '',
		wrong: (c) => ({ ...c, dhis2Api: { ...c.dhis2Api, password: 'wrong-password' } }),
	},
];

describe.each(CASES)('Send SMS via $gateway', ({ gateway, numbers, from, wrong }) => {
	const items = (phones: string[], extra: IDataObject = {}) =>
		phones.map((phone) => ({ phone, ...extra }));

	it('sends one message, stored once by the gateway', async () => {
		const [to] = numbers(1);
		const { json } = await send(fx.get(), { gateway, from, to, message: 'One message' });
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			gateway,
			status: 'accepted',
			to,
			segments: 1,
			encoding: 'GSM-7',
		});
		const stored = fx.get().sim.messages({ gateway });
		expect(stored).toHaveLength(1);
		expect(stored[0].text).toBe('One message');
	});

	it('personalises the text of each recipient', async () => {
		const phones = numbers(3);
		const { json } = await send(fx.get(), {
			gateway,
			from,
			message: '=Dear {{ $json.name }}, your visit is on Friday',
			items: phones.map((phone, i) => ({ phone, name: ['Amina', 'Baraka', 'Chausiku'][i] })),
		});
		expect(statuses(json)).toEqual(['accepted', 'accepted', 'accepted']);
		const texts = fx
			.get()
			.sim.messages({ gateway })
			.map((m) => m.text)
			.sort();
		expect(texts).toEqual([
			'Dear Amina, your visit is on Friday',
			'Dear Baraka, your visit is on Friday',
			'Dear Chausiku, your visit is on Friday',
		]);
	});

	it('deduplicates a number repeated with the same text', async () => {
		const [a, b] = numbers(2);
		const { json } = await send(fx.get(), {
			gateway,
			from,
			message: 'Hi',
			items: items([a, a, b]),
		});
		expect(statuses(json)).toEqual(['accepted', 'invalid', 'accepted']);
		expect(fx.get().sim.messages({ gateway })).toHaveLength(2);
	});

	it('reports invalid numbers on their own items and sends the valid ones', async () => {
		const [a, b] = numbers(2);
		const { json } = await send(fx.get(), {
			gateway,
			from,
			message: 'Hi',
			items: items([a, 'not a number', b, '+1']),
		});
		expect(statuses(json)).toEqual(['accepted', 'invalid', 'accepted', 'invalid']);
		expect(json[1]).toMatchObject({ input: 'not a number', error: { code: 'INVALID_NUMBER' } });
		expect(fx.get().sim.messages({ gateway })).toHaveLength(2);
	});

	it('fails before sending when the credentials are wrong, without showing the secret', async () => {
		const { run, error } = await send(fx.get(), {
			gateway,
			from,
			to: numbers(1)[0],
			message: 'Hi',
			credentials: wrong(fx.get().credentials),
		});
		expect(run.status).toBe('error');
		expect(error?.name).toBe('NodeApiError');
		expect(JSON.stringify(run.data.resultData)).not.toMatch(/wrong-(key|secret|password)/);
		expect(fx.get().sim.messages()).toHaveLength(0);
	});

	it('waits out 429s with Retry-After and accepts each recipient exactly once', async () => {
		await fx
			.get()
			.sim.configure({ faults: { retryAfterSeconds: 1, next: ['rateLimit', 'rateLimit'] } });
		const phones = numbers(3);
		const { json } = await send(fx.get(), {
			gateway,
			from,
			message: 'Storm',
			items: items(phones),
			options: { maxConcurrency: 1 },
		});
		expect(statuses(json)).toEqual(['accepted', 'accepted', 'accepted']);
		const stored = fx.get().sim.messages({ gateway });
		expect(stored.map((m) => m.to.replace(/^\+?/, '+')).sort()).toEqual([...phones].sort());
		expect(fx.get().sim.stats().faults.rateLimit).toBe(2);
	});

	it('reports unknown and does not re-send after a reset that followed acceptance', async () => {
		await fx.get().sim.configure({ faults: { next: ['resetAfter'] } });
		const [to] = numbers(1);
		const { json, run } = await send(fx.get(), { gateway, from, to, message: 'Reset' });
		expect(run.status).toBe('success');
		expect(json[0]).toMatchObject({ status: 'unknown', messageId: null });
		expect(fx.get().sim.messages({ gateway })).toHaveLength(1);
		expect(fx.get().sim.stats().requests.byGateway[gateway].total).toBe(1);
	});
});

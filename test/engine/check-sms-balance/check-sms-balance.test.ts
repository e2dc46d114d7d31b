/** Check SMS Balance inside n8n's engine, against the simulator over loopback. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { CheckSmsBalance } from '../../../nodes/CheckSmsBalance/CheckSmsBalance.node';
import type { OnError } from '../../harness/engine';
import { runNode } from '../../harness/engine';
import type { SimFixture } from '../../fixtures/simulator';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();

type Gateway = 'africasTalking' | 'gupshup' | 'smsBox';

async function checkBalance(
	gateway: Gateway,
	options: INodeParameters = {},
	extra: { items?: IDataObject[]; onError?: OnError; credentials?: SimFixture['credentials'] } = {},
) {
	return await runNode({
		type: 'checkSmsBalance',
		parameters: { gateway, resource: 'balance', operation: 'get', options },
		credentials: extra.credentials ?? fx.get().credentials,
		items: extra.items,
		onError: extra.onError,
	});
}

function withCredential(
	type: string,
	patch: ICredentialDataDecryptedObject,
): SimFixture['credentials'] {
	const all = fx.get().credentials;
	return { ...all, [type]: { ...all[type], ...patch } };
}

describe('Check SMS Balance: what it offers', () => {
	it('offers only the gateways that have a balance, with their credentials (DHIS2 has none)', () => {
		const { description } = new CheckSmsBalance();
		const gateway = description.properties.find((p) => p.name === 'gateway');
		expect(gateway?.options?.map((o) => (o as { value: string }).value).sort()).toEqual([
			'africasTalking',
			'gupshup',
			'httpGateway',
			'smsBox',
		]);
		expect(description.credentials?.map((c) => c.name).sort()).toEqual([
			'africasTalkingApi',
			'gupshupApi',
			'httpSmsGatewayApi',
			'smsBoxApi',
		]);
		expect(description.usableAsTool).toBe(true);
	});
});

describe('Check SMS Balance per gateway', () => {
	it("reads Africa's Talking's balance string as a number and its currency", async () => {
		const { json } = await checkBalance('africasTalking');
		expect(json).toEqual([
			{
				gateway: 'africasTalking',
				balance: 100000,
				currency: 'KES',
				raw: { UserData: { balance: 'KES 100000.0000' } },
			},
		]);
	});

	it("keeps a negative Africa's Talking balance, and flags it below a threshold of 0", async () => {
		fx.get().sim.configure({ balances: { africasTalking: -14.5731 } });
		const { json } = await checkBalance('africasTalking', { threshold: 0 });
		expect(json[0]).toMatchObject({
			balance: -14.5731,
			currency: 'KES',
			threshold: 0,
			belowThreshold: true,
		});
	});

	it('reads the Gupshup wallet in USD', async () => {
		fx.get().sim.configure({ balances: { gupshup: 12.5 } });
		const { json } = await checkBalance('gupshup');
		expect(json[0]).toEqual({
			gateway: 'gupshup',
			balance: 12.5,
			currency: 'USD',
			raw: { status: 'success', balance: 12.5 },
		});
	});

	it('reads the SMSBox balance from its data array; SMSBox names no currency', async () => {
		const { json } = await checkBalance('smsBox');
		expect(json[0]).toMatchObject({ gateway: 'smsBox', balance: 5000000, currency: null });
		expect((json[0].raw as IDataObject).data).toEqual([{ balance_money: 5000000 }]);
	});

	it('never puts a credential in the output', async () => {
		const outputs = await Promise.all(
			(['africasTalking', 'gupshup', 'smsBox'] as const).map((g) => checkBalance(g)),
		);
		const text = JSON.stringify(outputs.map((o) => o.json));
		for (const secret of ['at-sim-key', 'gs-sim-key', 'sb-sim-key', 'sb-sim-secret'])
			expect(text).not.toContain(secret);
	});
});

describe('Check SMS Balance threshold', () => {
	it.each([
		[100, false],
		[5000000, false],
		[5000001, true],
	])('with a threshold of %i, belowThreshold is %s', async (threshold, below) => {
		const { json } = await checkBalance('smsBox', { threshold });
		expect(json[0]).toMatchObject({ balance: 5000000, threshold, belowThreshold: below });
	});

	it('adds no belowThreshold without a threshold', async () => {
		const { json } = await checkBalance('gupshup');
		expect(json[0]).not.toHaveProperty('belowThreshold');
	});

	it('reads one balance per input item, each paired with its item and its own threshold', async () => {
		const { items } = await checkBalance(
			'africasTalking',
			{ threshold: '={{ $json.limit }}' },
			{ items: [{ limit: 10 }, { limit: 200000 }] },
		);
		expect(items.map((i) => [i.json.belowThreshold, i.pairedItem])).toEqual([
			[false, { item: 0 }],
			[true, { item: 1 }],
		]);
		expect(
			fx.get().sim.stats().requests.byGateway.africasTalking.byEndpoint['GET /version1/user'],
		).toBe(2);
	});

	it('refuses a threshold that is not a number, naming the item', async () => {
		const { run, error } = await checkBalance('smsBox', { threshold: '={{ "lots" }}' });
		expect(run.status).toBe('error');
		expect(error?.message).toBe('"lots" is not a number');
	});
});

describe('Check SMS Balance errors', () => {
	it("reports Africa's Talking's refusal of the API key", async () => {
		const { run, error } = await checkBalance(
			'africasTalking',
			{},
			{ credentials: withCredential('africasTalkingApi', { apiKey: 'wrong' }) },
		);
		expect(run.status).toBe('error');
		expect(error?.message).toBe('The supplied authentication is invalid');
		expect(error?.description).toMatch(/refused the username or API key/);
	});

	it('reports a Gupshup refusal and says the wallet endpoint is not documented', async () => {
		const { error } = await checkBalance(
			'gupshup',
			{},
			{ credentials: withCredential('gupshupApi', { apiKey: 'wrong' }) },
		);
		expect(error?.message).toBe('Authentication Failed');
		expect(error?.description).toMatch(/not part of Gupshup's documented SMS API/);
	});

	it('reports a Gupshup server without the wallet endpoint as undocumented too', async () => {
		const { error } = await checkBalance(
			'gupshup',
			{},
			{ credentials: withCredential('gupshupApi', { baseUrl: `${fx.get().sim.url}/nowhere` }) },
		);
		expect(error?.message).toMatch(/Unexpected wallet-balance reply from Gupshup \(HTTP 404\)/);
		expect(error?.description).toMatch(/not part of Gupshup's documented SMS API/);
	});

	it('reports SMSBox code 120 with its own words', async () => {
		const { error } = await checkBalance(
			'smsBox',
			{},
			{ credentials: withCredential('smsBoxApi', { apiSecret: 'wrong' }) },
		);
		expect(error?.message).toBe('Invalid Authorization Parameters');
		expect(error?.description).toMatch(/API key or secret/);
	});

	it('reports a rate limit with its HTTP status', async () => {
		fx.get().sim.configure({ faults: { gateways: { smsBox: { next: ['rateLimit'] } } } });
		const { error } = await checkBalance('smsBox');
		expect(error?.message).toBe('SMSBox answered HTTP 429: rate limit reached');
		expect(error?.description).toMatch(/limits how fast/);
	});

	it('keeps each failure with its item when "On Error" continues', async () => {
		const { items, run } = await checkBalance(
			'smsBox',
			{},
			{
				credentials: withCredential('smsBoxApi', { apiSecret: 'wrong' }),
				items: [{}, {}],
				onError: 'continueRegularOutput',
			},
		);
		expect(run.status).toBe('success');
		expect(items).toHaveLength(2);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toEqual({
			error: 'Invalid Authorization Parameters',
			details: { code: '120', description: expect.stringMatching(/API key or secret/) },
		});
	});

	it('routes failures to the error output when asked', async () => {
		const { outputs } = await checkBalance(
			'africasTalking',
			{},
			{
				credentials: withCredential('africasTalkingApi', { apiKey: 'wrong' }),
				onError: 'continueErrorOutput',
			},
		);
		expect(outputs[0]).toHaveLength(0);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].json.error).toBe('The supplied authentication is invalid');
	});
});

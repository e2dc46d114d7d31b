/**
 * Premium SMS Subscriptions (Africa's Talking) inside n8n's engine, against the simulator over
 * loopback: create takes a checkout token first and then subscribes with it; get many follows the
 * subscribers from After ID up to the limit; delete unsubscribes; bad input costs no call.
 */
import type { IDataObject } from 'n8n-workflow';

import type { OnError } from '../../harness/engine';
import { runNode } from '../../harness/engine';
import type { SimFixture } from '../../fixtures/simulator';
import { useSimulator } from '../../fixtures/simulator';
import { PremiumSubscriptions } from '../../../nodes/PremiumSubscriptions/PremiumSubscriptions.node';

const fx = useSimulator();
const PRODUCT = { shortCode: '12345', keyword: 'NEWS' };

async function subscriptions(
	operation: 'create' | 'delete' | 'getAll',
	parameters: IDataObject = {},
	extra: { items?: IDataObject[]; onError?: OnError; credentials?: SimFixture['credentials'] } = {},
) {
	return await runNode({
		type: 'premiumSubscriptions',
		parameters: {
			gateway: 'africasTalking',
			resource: 'subscription',
			operation,
			...PRODUCT,
			...parameters,
		},
		credentials: extra.credentials ?? fx.get().credentials,
		items: extra.items,
		onError: extra.onError,
	});
}

const calls = (endpoint: string) =>
	fx.get().sim.stats().requests.byGateway.africasTalking.byEndpoint[endpoint] ?? 0;

async function subscribeDirectly(phoneNumber: string) {
	await fx
		.get()
		.sim.optOut({ gateway: 'africasTalking', phoneNumber, updateType: 'addition', ...PRODUCT });
}

describe('Premium SMS Subscriptions: create', () => {
	it('gets a checkout token for the number, then subscribes it with that token', async () => {
		const { json, run } = await subscriptions('create', { phoneNumber: '+254711000001' });
		expect(run.status).toBe('success');
		expect(json).toEqual([
			{
				gateway: 'africasTalking',
				operation: 'create',
				...PRODUCT,
				phoneNumber: '+254711000001',
				status: 'Success',
				description: 'Waiting for user input',
			},
		]);
		expect(calls('POST /checkout/token/create')).toBe(1);
		expect(calls('POST /version1/subscription/create')).toBe(1);
		const listed = await subscriptions('getAll', { returnAll: true });
		expect(listed.json.map((s) => s.phoneNumber)).toEqual(['+254711000001']);
	});

	it('subscribes one number per item, each with its own token', async () => {
		const { json } = await subscriptions(
			'create',
			{ phoneNumber: '={{ $json.phone }}' },
			{ items: [{ phone: '+254711000002' }, { phone: '254711000003' }] },
		);
		expect(json.map((j) => [j.phoneNumber, j.status])).toEqual([
			['+254711000002', 'Success'],
			['+254711000003', 'Success'],
		]);
		expect(calls('POST /checkout/token/create')).toBe(2);
	});

	it('refuses a bad number or an empty keyword before calling the gateway', async () => {
		const { items } = await subscriptions(
			'create',
			{ phoneNumber: '={{ $json.phone }}', keyword: '={{ $json.keyword }}' },
			{
				items: [
					{ phone: '12', keyword: 'NEWS' },
					{ phone: '+254711000004', keyword: '' },
				],
				onError: 'continueRegularOutput',
			},
		);
		expect(items.map((i) => (i.json.details as IDataObject).code)).toEqual([
			'INVALID_NUMBER',
			'MISSING_KEYWORD',
		]);
		expect(calls('POST /checkout/token/create')).toBe(0);
	});

	it('reports the gateway refusal of an unknown keyword, and fails on a wrong API key', async () => {
		const refused = await subscriptions(
			'create',
			{ phoneNumber: '+254711000005', keyword: 'OTHER' },
			{ onError: 'continueRegularOutput' },
		);
		expect(refused.items[0].json).toMatchObject({ error: 'Invalid shortCode or keyword' });
		const wrong = {
			...fx.get().credentials,
			africasTalkingApi: { ...fx.get().credentials.africasTalkingApi, apiKey: 'wrong' },
		};
		const denied = await subscriptions(
			'create',
			{ phoneNumber: '+254711000005' },
			{ credentials: wrong },
		);
		expect(denied.run.status).toBe('error');
		expect(denied.error?.message).toMatch(/authentication|Authorization|401/i);
	});
});

describe('Premium SMS Subscriptions: get many and delete', () => {
	it('lists up to the limit, all of them, or those after an ID', async () => {
		const numbers = Array.from({ length: 7 }, (_, i) => `+25471100010${i}`);
		for (const number of numbers) await subscribeDirectly(number);
		const limited = await subscriptions('getAll', { limit: 3 });
		expect(limited.json.map((s) => s.phoneNumber)).toEqual(numbers.slice(0, 3));
		expect(limited.json[0]).toMatchObject({
			gateway: 'africasTalking',
			id: expect.any(String),
			...PRODUCT,
		});
		const all = await subscriptions('getAll', { returnAll: true });
		expect(all.json.map((s) => s.phoneNumber)).toEqual(numbers);
		const after = await subscriptions('getAll', {
			returnAll: true,
			options: { afterId: all.json[4].id },
		});
		expect(after.json.map((s) => s.phoneNumber)).toEqual(numbers.slice(5));
	});

	it('unsubscribes a number, and says so when it was not subscribed', async () => {
		await subscribeDirectly('+254711000201');
		await subscribeDirectly('+254711000202');
		const { json } = await subscriptions('delete', { phoneNumber: '+254711000201' });
		expect(json[0]).toMatchObject({
			operation: 'delete',
			phoneNumber: '+254711000201',
			status: 'Success',
		});
		const left = await subscriptions('getAll', { returnAll: true });
		expect(left.json.map((s) => s.phoneNumber)).toEqual(['+254711000202']);
		const again = await subscriptions(
			'delete',
			{ phoneNumber: '+254711000201' },
			{ onError: 'continueRegularOutput' },
		);
		expect(again.items[0].json).toMatchObject({ error: 'Subscription not found' });
	});
});

describe('Premium SMS Subscriptions: the editor', () => {
	it('shows no one-option Gateway choice while only one gateway manages subscriptions', () => {
		const { description } = new PremiumSubscriptions();
		const gateway = description.properties.find((p) => p.name === 'gateway');
		expect(gateway).toMatchObject({ type: 'hidden', default: 'africasTalking' });
		expect(description.credentials).toEqual([{ name: 'africasTalkingApi', required: true }]);
	});
});

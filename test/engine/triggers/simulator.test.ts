/**
 * End to end: the gateway simulator calls the triggers. A loopback HTTP server stands in for n8n's
 * webhook endpoint: it hands each callback to the trigger's webhook() (through n8n-core's
 * WebhookContext) and answers the simulator with exactly what the trigger wrote. Messages are sent
 * with the Send SMS node in the engine, delivered by the simulator, and the delivery-report events
 * must carry the message IDs Send SMS returned; the simulator's own acknowledgement rules (Gupshup:
 * empty 2xx; SMSBox: the same transaction_id) decide whether it retries.
 */
import type { IDataObject } from 'n8n-workflow';

import type { TriggerUnderTest, WebhookCallResult } from '../../harness/webhook';
import { LoopbackTriggerEndpoint } from '../../fixtures/trigger-endpoint';
import { send } from '../../fixtures/send-sms';
import { brazilianNumbers, kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { describeEachVersion, SECRET } from './triggers';

const fx = useSimulator();

interface Received {
	route: string;
	result: WebhookCallResult;
}

/** n8n's webhook endpoint, reduced to: route by path, run the trigger, answer what it wrote. */
class WebhookEndpoint extends LoopbackTriggerEndpoint {
	readonly received: Received[] = [];
	private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
	private readonly routes = new Map<string, TriggerUnderTest>();

	route(path: string, under: TriggerUnderTest): string {
		this.routes.set(path, under);
		return `${this.base}${path}?token=${SECRET}`;
	}

	clear(): void {
		this.received.length = 0;
		this.waiters.length = 0;
		this.routes.clear();
	}

	events(route?: string): IDataObject[] {
		return this.received
			.filter((r) => route === undefined || r.route === route)
			.flatMap((r) => r.result.items);
	}

	protected triggerFor(pathname: string): TriggerUnderTest | undefined {
		return this.routes.get(pathname);
	}

	protected answered(pathname: string, result: WebhookCallResult): void {
		this.received.push({ route: pathname, result });
		for (const waiter of this.waiters.filter((w) => this.received.length >= w.count))
			waiter.resolve();
	}

	/**
	 * Resolves once `count` calls have been answered. For callbacks the simulator fires without
	 * waiting (Gupshup's `enqueued`); the bound only stops a broken run, it measures nothing.
	 */
	async waitForCalls(count: number, boundMs = 20000): Promise<void> {
		if (this.received.length >= count) return;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`only ${this.received.length} of ${count} calls arrived`)),
				boundMs,
			);
			this.waiters.push({
				count,
				resolve: () => {
					clearTimeout(timer);
					resolve();
				},
			});
		});
	}
}

const endpoint = new WebhookEndpoint();

beforeAll(async () => {
	await endpoint.start();
});

afterAll(async () => {
	await endpoint.stop();
});

beforeEach(() => {
	endpoint.clear();
});

describeEachVersion('the simulator calling the triggers', (trigger) => {
	it("Africa's Talking: delivery reports carry the message IDs Send SMS returned", async () => {
		const { sim } = fx.get();
		sim.configure({
			callbacks: {
				africasTalking: {
					delivery: endpoint.route(
						'/at/delivery',
						trigger('deliveryReport', { gateway: 'africasTalking' }),
					),
				},
			},
		});
		// The simulator fails numbers ending in 0000 (its default outcome rule).
		const numbers = [...kenyanNumbers(2, 1), '+254710000000'];
		const sent = await send(fx.get(), {
			gateway: 'africasTalking',
			message: 'Your code is 1234',
			items: numbers.map((phone) => ({ phone })),
		});
		expect(sent.json.map((j) => j.status)).toEqual(['accepted', 'accepted', 'accepted']);

		const { attempts } = await sim.deliver();
		expect(attempts).toHaveLength(3);
		expect(
			attempts.every((a) => a.acknowledged && a.attempt === 1 && a.responseBody === 'OK'),
		).toBe(true);

		const events = endpoint.events('/at/delivery');
		expect(events.map((e) => e.messageId).sort()).toEqual(sent.json.map((j) => j.messageId).sort());
		const byNumber = Object.fromEntries(events.map((e) => [e.to, e]));
		expect(byNumber['+254710000001']).toMatchObject({
			status: 'delivered',
			final: true,
			gatewayStatus: 'Success',
			networkCode: '99999',
		});
		expect(byNumber['+254710000000']).toMatchObject({
			status: 'failed',
			final: true,
			failureReason: 'DeliveryFailure',
			failureExplanation: expect.stringContaining('could not deliver'),
		});
		for (const event of events) expect(event.messageId).toMatch(/^ATXid_/);
	});

	it('Gupshup: every event on the one app URL, acknowledged with an empty body, matched to Send SMS', async () => {
		const { sim } = fx.get();
		const url = endpoint.route(
			'/gupshup',
			trigger('deliveryReport', { gateway: 'gupshup', options: { acceptAllEventKinds: true } }),
		);
		sim.configure({ callbacks: { gupshup: { events: url } } });

		const numbers = brazilianNumbers(2, 1);
		const sent = await send(fx.get(), {
			gateway: 'gupshup',
			message: 'Olá',
			items: numbers.map((phone) => ({ phone })),
		});
		const ids = sent.json.map((j) => j.messageId as string);
		expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);

		await sim.deliver();
		await sim.inbound({ gateway: 'gupshup', from: '+5511987000123', text: 'Obrigado' });
		// Per message: `enqueued` at submission (not awaited by the simulator), `sent` and `delivered`; plus the inbound.
		await endpoint.waitForCalls(2 * 3 + 1);

		// What the trigger answered each call, and what the simulator made of the answers it has logged
		// (the `enqueued` ones may still be on their way back).
		expect(
			endpoint.received.map((r) => [
				r.result.status,
				r.result.body,
				r.result.headers['content-type'],
			]),
		).toEqual(Array.from({ length: 7 }, () => [200, '', undefined]));
		const attempts = sim.callbacks({ gateway: 'gupshup' });
		expect(attempts.length).toBeGreaterThanOrEqual(5);
		expect(attempts.every((a) => a.acknowledged && a.attempt === 1 && a.responseBody === '')).toBe(
			true,
		);

		const reports = endpoint.events('/gupshup').filter((e) => e.eventType === 'deliveryReport');
		for (const id of ids) {
			const statuses = reports.filter((e) => e.messageId === id).map((e) => e.status as string);
			// One POST per event; Gupshup does not promise their order (docs/gateways/gupshup.md#delivery-events), so compare as a set.
			expect(statuses.sort()).toEqual(['delivered', 'queued', 'sent']);
		}
		expect(new Set(reports.map((e) => e.messageId))).toEqual(new Set(ids));
		const inbound = endpoint.events('/gupshup').filter((e) => e.eventType === 'inbound');
		expect(inbound).toEqual([
			expect.objectContaining({ gateway: 'gupshup', from: '+5511987000123', text: 'Obrigado' }),
		]);
	});

	it("Africa's Talking: inbound messages, STOP replies, bulk opt-outs and subscription changes", async () => {
		const { sim } = fx.get();
		const optOut = trigger('optOut', { gateway: 'africasTalking' });
		sim.configure({
			callbacks: {
				africasTalking: {
					inbound: endpoint.route('/at/inbound', trigger('inbound', { gateway: 'africasTalking' })),
					optout: endpoint.route('/at/optout', optOut),
					subscription: endpoint.route('/at/subscription', optOut),
				},
			},
		});
		await sim.inbound({
			gateway: 'africasTalking',
			from: '+254711000001',
			text: 'Hello there',
			linkId: 'link-42',
			networkCode: '63902',
			cost: 'KES 1.0000',
		});
		await sim.optOut({
			gateway: 'africasTalking',
			senderId: 'SIMSMS',
			phoneNumber: '+254711000002',
		});
		await sim.optOut({
			gateway: 'africasTalking',
			phoneNumber: '+254711000003',
			updateType: 'deletion',
			shortCode: '12345',
			keyword: 'NEWS',
		});

		expect(endpoint.events('/at/inbound')).toEqual([
			expect.objectContaining({
				eventType: 'inbound',
				from: '+254711000001',
				text: 'Hello there',
				linkId: 'link-42',
				messageId: expect.stringMatching(/^ATSid_/),
				// Promoted from raw (issue 13): Africa's Talking's networkCode and cost.
				networkCode: '63902',
				cost: 'KES 1.0000',
			}),
		]);
		expect(endpoint.events('/at/optout')).toEqual([
			expect.objectContaining({
				type: 'optOut',
				source: 'gatewayOptOut',
				phoneNumber: '+254711000002',
				senderId: 'SIMSMS',
			}),
		]);
		expect(endpoint.events('/at/subscription')).toEqual([
			expect.objectContaining({
				type: 'optOut',
				source: 'subscription',
				phoneNumber: '+254711000003',
				keyword: 'NEWS',
			}),
		]);
		expect(
			sim.callbacks({ gateway: 'africasTalking' }).every((a) => a.acknowledged && a.attempt === 1),
		).toBe(true);

		// The incoming-message URL pointed at the Opt-Out trigger catches STOP replies.
		endpoint.route('/at/inbound', optOut);
		await sim.inbound({ gateway: 'africasTalking', from: '+254711000004', text: 'Stop.' });
		await sim.inbound({ gateway: 'africasTalking', from: '+254711000005', text: "don't stop" });
		const keywordEvents = endpoint.received.filter((r) => r.route === '/at/inbound').slice(1);
		expect(keywordEvents.map((r) => r.result.started)).toEqual([true, false]);
		expect(keywordEvents[0].result.items[0]).toMatchObject({
			source: 'keyword',
			keyword: 'STOP',
			phoneNumber: '+254711000004',
		});
	});

	it('SMSBox and DHIS2: inbound callbacks acknowledged as each expects', async () => {
		const { sim } = fx.get();
		sim.configure({
			callbacks: {
				smsBox: { inbound: endpoint.route('/smsbox', trigger('inbound', { gateway: 'smsBox' })) },
				dhis2: {
					inbound: endpoint.route(
						'/dhis2/api/sms/inbound',
						trigger('inbound', { gateway: 'dhis2', authentication: 'token' }),
					),
				},
			},
		});
		const smsBox = await sim.inbound({ gateway: 'smsBox', from: '+255701000000', text: 'Habari' });
		const dhis2 = await sim.inbound({
			gateway: 'dhis2',
			from: '+4740000000',
			text: 'VISIT 12 3',
			gatewayId: 'modem-7',
		});

		expect(smsBox.attempts).toEqual([expect.objectContaining({ acknowledged: true, attempt: 1 })]);
		expect(JSON.parse(smsBox.attempts[0].responseBody ?? '')).toEqual({
			transaction_id: smsBox.inbound.transaction_id,
			successful: true,
		});
		expect(endpoint.events('/smsbox')).toEqual([
			expect.objectContaining({
				gateway: 'smsBox',
				from: '+255701000000',
				text: 'Habari',
				messageId: smsBox.inbound.transaction_id,
				// Promoted from raw (issue 13): SMSBox's channel and billing.
				channel: 'sms',
				billing: { currency: 'TZS', subscriberPrice: '0.00', billingPrice: '0.00' },
			}),
		]);

		expect(dhis2.attempts).toEqual([expect.objectContaining({ acknowledged: true, status: 200 })]);
		expect(JSON.parse(dhis2.attempts[0].responseBody ?? '')).toMatchObject({
			httpStatusCode: 200,
			status: 'OK',
		});
		expect(endpoint.events('/dhis2/api/sms/inbound')).toEqual([
			// gatewayId and smsEncoding promoted from raw (issue 13).
			expect.objectContaining({
				gateway: 'dhis2',
				from: '+4740000000',
				text: 'VISIT 12 3',
				gatewayId: 'modem-7',
				smsEncoding: 'ENC7BIT',
			}),
		]);
	});

	it('a URL without the right token is refused with 401 on every retry and starts nothing', async () => {
		const { sim } = fx.get();
		endpoint.route('/at/inbound', trigger('inbound', { gateway: 'africasTalking' }));
		sim.configure({
			callbackRetry: { attempts: 2, backoffMs: 1, timeoutMs: 5000 },
			callbacks: { africasTalking: { inbound: `${endpoint.base}/at/inbound?token=wrong` } },
		});
		const { attempts } = await sim.inbound({
			gateway: 'africasTalking',
			from: '+254711000001',
			text: 'Hello',
		});
		expect(attempts.map((a) => [a.status, a.acknowledged])).toEqual([
			[401, false],
			[401, false],
		]);
		expect(endpoint.received.map((r) => r.result.started)).toEqual([false, false]);
	});
});

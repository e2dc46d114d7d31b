/**
 * The Custom HTTP Gateway's triggers against the simulator's existing gateways (issue 14): the shipped
 * Africa's Talking and SMSBox profiles carry a callback mapping, and the Delivery Report and Inbound
 * SMS Triggers configured for `httpGateway` with them must read what the simulator posts exactly as
 * the named Africa's Talking trigger does (same message IDs, statuses, numbers), in n8n's engine over
 * loopback HTTP, answering the profile's acknowledgement byte for byte. Field-for-field equality with
 * the named triggers on the very same callback, inbound messages and SMSBox's echoed
 * acknowledgement: callback-equivalence.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import type { TriggerUnderTest } from '../../harness/webhook';
import { sendCustom, shippedProfile } from '../../fixtures/custom-gateway';
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { describeEachVersion, SECRET } from '../triggers/triggers';
import { OneRouteEndpoint } from '../../fixtures/one-route-endpoint';

const fx = useSimulator();

const endpoint = new OneRouteEndpoint(SECRET);
beforeAll(async () => endpoint.start());
afterAll(async () => endpoint.stop());

/** What the two triggers must agree on, per event. */
const reportView = (e: IDataObject) => ({
	to: e.to,
	status: e.status,
	final: e.final,
	gatewayStatus: e.gatewayStatus,
});

describeEachVersion(
	'Custom HTTP Gateway triggers against the existing simulator gateways',
	(trigger) => {
		const custom = (
			kind: 'deliveryReport' | 'inbound',
			name: 'africastalking-simulator' | 'smsbox-simulator',
		) =>
			trigger(
				kind,
				{ gateway: 'httpGateway' },
				{ httpSmsGatewayApi: shippedProfile(name, fx.get().sim) },
			);

		it("Africa's Talking profile: delivered and failed reports match the named trigger's, with the IDs Send SMS returned and the exact acknowledgement", async () => {
			const { sim } = fx.get();
			const profile = shippedProfile('africastalking-simulator', sim);
			// The simulator fails numbers ending in 0000 (its default outcome rule).
			const numbers = [...kenyanNumbers(2, 7), '+254710000000'];
			const round = async (under: TriggerUnderTest) => {
				sim.configure({ callbacks: { africasTalking: { delivery: endpoint.use(under) } } });
				const sent = await sendCustom({
					profile,
					message: 'Your code is 1234',
					items: numbers.map((phone) => ({ phone })),
				});
				expect(sent.json.map((j) => j.status)).toEqual(['accepted', 'accepted', 'accepted']);
				const { attempts } = await sim.deliver({ gateway: 'africasTalking' });
				expect(attempts).toHaveLength(3);
				expect(attempts.every((a) => a.acknowledged && a.attempt === 1 && a.status === 200)).toBe(
					true,
				);
				const events = endpoint.events();
				expect(events.map((e) => e.messageId).sort()).toEqual(
					sent.json.map((j) => j.messageId).sort(),
				);
				return { events, results: [...endpoint.results] };
			};

			const viaCustom = await round(custom('deliveryReport', 'africastalking-simulator'));
			for (const result of viaCustom.results) {
				expect([result.status, result.headers['content-type'], result.body]).toEqual([
					200,
					'text/plain; charset=utf-8',
					'OK',
				]);
			}
			expect(
				viaCustom.events.every(
					(e) => e.gateway === 'httpGateway' && e.eventType === 'deliveryReport',
				),
			).toBe(true);
			const viaNamed = await round(trigger('deliveryReport', { gateway: 'africasTalking' }));

			const byNumber = (events: IDataObject[]) =>
				events.map(reportView).sort((a, b) => String(a.to).localeCompare(String(b.to)));
			expect(byNumber(viaCustom.events)).toEqual(byNumber(viaNamed.events));
			expect(byNumber(viaCustom.events).map((v) => v.status)).toEqual([
				'failed',
				'delivered',
				'delivered',
			]);
			const failed = (events: IDataObject[]) => events.find((e) => e.to === '+254710000000')!;
			expect(failed(viaCustom.events).failureReason).toBe(failed(viaNamed.events).failureReason);
			const serialized = JSON.stringify(viaCustom.events);
			expect(serialized).not.toContain(SECRET);
			expect(serialized).not.toContain(String(profile.authHeaderSecret));
		});
	},
);

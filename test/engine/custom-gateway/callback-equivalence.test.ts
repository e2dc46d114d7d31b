/**
 * The Custom HTTP Gateway's triggers against the named triggers on the very same simulator callback
 * (issue 14): the simulator posts each callback once to a loopback endpoint that runs the custom
 * trigger (shipped SMSBox or Africa's Talking profile) and hands the identical request to the named
 * trigger as a mirror. Proven, in n8n's engine at every trigger version:
 * - the acknowledgement is byte for byte the named trigger's (status, content type, body); for
 *   SMSBox that is the `transaction_id` echo, so the simulator counts the first answer as
 *   acknowledged: one attempt, one event (before placeholders it retried and started the workflow
 *   each time);
 * - with the shipped profiles (Normalise To Number on) the events are equal field for field, except
 *   the fields listed in DIFFERS, each documented in docs/custom-gateway.md.
 */
import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../../nodes/shared/helpers/clock';
import { sendCustom, shippedProfile } from '../../fixtures/custom-gateway';
import { OneRouteEndpoint } from '../../fixtures/one-route-endpoint';
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import type { WebhookCallResult } from '../../harness/webhook';
import { describeEachVersion, SECRET } from '../triggers/triggers';

const fx = useSimulator();

const endpoint = new OneRouteEndpoint(SECRET);
beforeAll(async () => endpoint.start());
afterAll(async () => endpoint.stop());

/**
 * The fields that differ, and why: `gateway` names the trigger's gateway and `eventId` is derived
 * from it; the rest are fields the named triggers promote from the gateway's own callback, which a
 * profile has no mapping for (they stay in `raw`, equal on both sides), or, for `failureExplanation`,
 * the named gateway's own wording of its failure codes.
 */
const DIFFERS = {
	smsBoxInbound: ['gateway', 'eventId', 'channel', 'billing'],
	atInbound: ['gateway', 'eventId', 'linkId', 'networkCode', 'cost'],
	atReport: ['gateway', 'eventId', 'failureExplanation', 'retryCount', 'networkCode'],
} as const;

function without(event: IDataObject, fields: readonly string[]): IDataObject {
	const copy = { ...event };
	for (const field of fields) delete copy[field];
	return copy;
}

const answer = (r: WebhookCallResult) => ({
	status: r.status,
	contentType: r.headers['content-type'],
	body: r.body,
});

describeEachVersion(
	'Custom HTTP Gateway triggers and the named triggers on the same simulator callback',
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

		it('SMSBox profile: answered exactly as the named trigger answers, acknowledged at the first attempt, one event equal to the named one', async () => {
			const { sim } = fx.get();
			sim.configure({
				callbacks: {
					smsBox: {
						inbound: endpoint.use(custom('inbound', 'smsbox-simulator'), {
							mirror: trigger('inbound', { gateway: 'smsBox' }),
						}),
					},
				},
			});
			const { attempts } = await sim.inbound({
				gateway: 'smsBox',
				from: '+255700000001',
				text: 'Habari "yako" & {{to}}',
			});

			expect(
				attempts.map((a) => ({
					attempt: a.attempt,
					acknowledged: a.acknowledged,
					status: a.status,
				})),
			).toEqual([{ attempt: 1, acknowledged: true, status: 200 }]);
			const transactionId = String(
				(JSON.parse(attempts[0].body) as { transaction_id: unknown }).transaction_id,
			);
			expect(endpoint.results.map(answer)).toEqual([
				{
					status: 200,
					contentType: 'application/json; charset=utf-8',
					body: `{"transaction_id":${JSON.stringify(transactionId)},"successful":true}`,
				},
			]);
			expect(endpoint.mirrorResults.map(answer)).toEqual(endpoint.results.map(answer));

			const [viaCustom] = endpoint.events();
			const viaNamed = endpoint.mirrorResults.flatMap((r) => r.items);
			expect(endpoint.events()).toHaveLength(1);
			expect(viaNamed).toHaveLength(1);
			expect([viaCustom.gateway, viaNamed[0].gateway]).toEqual(['httpGateway', 'smsBox']);
			expect(without(viaCustom, DIFFERS.smsBoxInbound)).toEqual(
				without(viaNamed[0], DIFFERS.smsBoxInbound),
			);
			expect(viaCustom).toMatchObject({
				from: '+255700000001',
				to: '+255701000001',
				messageId: transactionId,
				text: 'Habari "yako" & {{to}}',
			});
		});

		it("Africa's Talking profile: an incoming message gives the named trigger's event and answer", async () => {
			const { sim } = fx.get();
			sim.configure({
				callbacks: {
					africasTalking: {
						inbound: endpoint.use(custom('inbound', 'africastalking-simulator'), {
							mirror: trigger('inbound', { gateway: 'africasTalking' }),
						}),
					},
				},
			});
			const { attempts } = await sim.inbound({
				gateway: 'africasTalking',
				from: '+254711000123',
				text: 'Habari & "karibu" =1',
			});
			expect(attempts.map((a) => [a.attempt, a.acknowledged])).toEqual([[1, true]]);
			expect(endpoint.results.map(answer)).toEqual([
				{ status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' },
			]);
			expect(endpoint.mirrorResults.map(answer)).toEqual(endpoint.results.map(answer));
			const viaCustom = endpoint.events();
			const viaNamed = endpoint.mirrorResults.flatMap((r) => r.items);
			expect(viaCustom).toHaveLength(1);
			expect(without(viaCustom[0], DIFFERS.atInbound)).toEqual(
				without(viaNamed[0], DIFFERS.atInbound),
			);
		});

		it("Africa's Talking profile: delivered and failed reports give the named trigger's events and answers", async () => {
			const { sim } = fx.get();
			// The simulator fails numbers ending in 0000 (its default outcome rule).
			const numbers = [...kenyanNumbers(2, 8), '+254710000000'];
			const sent = await sendCustom({
				profile: shippedProfile('africastalking-simulator', sim),
				message: 'Your code is 1234',
				items: numbers.map((phone) => ({ phone })),
			});
			expect(sent.json.map((j) => j.status)).toEqual(['accepted', 'accepted', 'accepted']);
			sim.configure({
				callbacks: {
					africasTalking: {
						delivery: endpoint.use(custom('deliveryReport', 'africastalking-simulator'), {
							mirror: trigger('deliveryReport', { gateway: 'africasTalking' }),
						}),
					},
				},
			});
			// Reports carry no time, so `at` is when each trigger read the report: one fixed instant for both.
			const now = jest.spyOn(clock, 'now').mockReturnValue(Date.UTC(2026, 11, 1, 12, 0, 0));
			try {
				const { attempts } = await sim.deliver({ gateway: 'africasTalking' });
				expect(attempts.map((a) => [a.attempt, a.acknowledged])).toEqual([
					[1, true],
					[1, true],
					[1, true],
				]);
			} finally {
				now.mockRestore();
			}
			expect(endpoint.mirrorResults.map(answer)).toEqual(endpoint.results.map(answer));
			const viaCustom = endpoint.events();
			const viaNamed = endpoint.mirrorResults.flatMap((r) => r.items);
			expect(viaCustom.map((e) => e.messageId).sort()).toEqual(
				sent.json.map((j) => j.messageId).sort(),
			);
			expect(viaCustom.map((e) => without(e, DIFFERS.atReport))).toEqual(
				viaNamed.map((e) => without(e, DIFFERS.atReport)),
			);
			expect(viaCustom.map((e) => e.status).sort()).toEqual(['delivered', 'delivered', 'failed']);
		});
	},
);

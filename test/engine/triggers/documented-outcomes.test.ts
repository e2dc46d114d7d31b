/**
 * Issue 13, defect 4: the simulator can now produce the documented outcomes it never sent, and the
 * nodes are tested against each, in n8n's engine over loopback HTTP:
 * - Africa's Talking delivery statuses Sent, Submitted, Buffered, AbsentSubscriber, Expired (and a
 *   retryCount) reach the SMS Delivery Report Trigger;
 * - Gupshup send refusals 8003, 8007, 8009, 8010, 8013, 8014 reach Send SMS, and failed events
 *   carry a failure code or reason to the trigger;
 * - SMSBox send refusals 105-108, 116, 123 reach Send SMS;
 * - SMSBox callbacks carry the account key, which the Inbound SMS Trigger's "SMSBox API Key"
 *   authentication checks.
 */
import { OneRouteEndpoint } from '../../fixtures/one-route-endpoint';
import { send } from '../../fixtures/send-sms';
import { brazilianNumbers, kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { SECRET, triggerAt } from './triggers';
import { triggerUnderTest } from '../../harness/webhook';
import { InboundSmsTrigger } from '../../../nodes/InboundSms/InboundSmsTrigger.node';

/** The outcomes do not depend on the trigger's version: read at the version new nodes get. */
const trigger = triggerAt(2);

const fx = useSimulator();

/** A loopback stand-in for n8n's webhook endpoint: each call goes to the trigger's webhook(). */
const endpoint = new OneRouteEndpoint(SECRET);
beforeAll(async () => endpoint.start());
afterAll(async () => endpoint.stop());

describe("Africa's Talking: every documented delivery status reaches the trigger", () => {
	it.each([
		['Sent', 'sent', false],
		['Submitted', 'sent', false],
		['Buffered', 'sent', false],
		['AbsentSubscriber', 'failed', true],
		['Expired', 'expired', true],
	])('%s → status %s, final %s', async (word, status, final) => {
		const { sim } = fx.get();
		sim.configure({
			callbacks: {
				africasTalking: {
					delivery: endpoint.use(trigger('deliveryReport', { gateway: 'africasTalking' })),
				},
			},
		});
		const [phone] = kenyanNumbers(1, 40);
		const sent = await send(fx.get(), {
			gateway: 'africasTalking',
			message: 'Hi',
			items: [{ phone }],
		});
		const outcome = status === 'sent' ? 'delivered' : 'failed';
		const { attempts } = await sim.deliver({
			to: phone,
			outcome,
			gatewayStatus: word,
			retryCount: 2,
		} as never);
		expect(attempts.map((a) => a.acknowledged)).toEqual([true]);
		expect(endpoint.events()).toEqual([
			expect.objectContaining({
				messageId: sent.json[0].messageId,
				gatewayStatus: word,
				status,
				final,
				retryCount: 2,
			}),
		]);
		if (final) expect(endpoint.events()[0].failureExplanation).toEqual(expect.any(String));
	});
});

describe('Gupshup: failed events with a code or a reason', () => {
	it.each([
		['8003', 'SENT_FAILED (8003)'],
		['8009', 'DISABLED_COUNTRY (8009)'],
		['Handset busy', 'Handset busy'],
	])('a failed event carrying %s is explained', async (given, failureReason) => {
		const { sim } = fx.get();
		sim.configure({
			callbacks: {
				gupshup: {
					events: endpoint.use(
						trigger('deliveryReport', { gateway: 'gupshup', statuses: 'failures' }),
					),
				},
			},
		});
		const [phone] = brazilianNumbers(1, 40);
		await send(fx.get(), { gateway: 'gupshup', message: 'Olá', items: [{ phone }] });
		await sim.deliver({ gateway: 'gupshup', outcome: 'failed', gatewayStatus: given } as never);
		const failed = endpoint.events().filter((e) => e.status === 'failed');
		expect(failed).toEqual([expect.objectContaining({ failureReason })]);
		expect(failed[0].failureExplanation).toEqual(expect.any(String));
	});
});

describe('Gupshup: the documented send refusals reach Send SMS', () => {
	it.each([8003, 8007, 8009, 8010, 8013, 8014])('%s', async (code) => {
		const [phone] = brazilianNumbers(1, 50);
		fx.get().sim.configure({ sendRefusals: [{ gateway: 'gupshup', exact: phone, code }] });
		const { json } = await send(fx.get(), {
			gateway: 'gupshup',
			message: 'Olá',
			items: [{ phone }],
			onError: 'continueRegularOutput',
		});
		expect(JSON.stringify(json)).toContain(String(code));
		expect(json[0].status).toBe('rejected');
		expect(fx.get().sim.messages({ gateway: 'gupshup' })).toEqual([]);
	});
});

describe('SMSBox: the documented send refusals reach Send SMS', () => {
	it.each([105, 106, 107, 108, 116, 123])('%s', async (code) => {
		const phone = '+255700000077';
		fx.get().sim.configure({ sendRefusals: [{ gateway: 'smsBox', exact: phone, code }] });
		const { json, error } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			message: 'Hi',
			items: [{ phone }],
			onError: 'continueRegularOutput',
		});
		const seen = JSON.stringify({ json, error: error?.message, description: error?.description });
		expect(seen).toMatch(new RegExp(`${code}|No authorization headers`));
		expect(fx.get().sim.messages({ gateway: 'smsBox' })).toEqual([]);
	});
});

describe('SMSBox: callbacks carry the account key', () => {
	it('the Inbound SMS Trigger with "SMSBox API Key" authentication accepts the simulator\'s callback', async () => {
		const { sim, credentials } = fx.get();
		const under = triggerUnderTest({
			nodeClass: new InboundSmsTrigger(),
			parameters: { gateway: 'smsBox', authentication: 'accountKey' },
			credentials: { smsBoxApi: credentials.smsBoxApi },
		});
		sim.configure({
			callbacks: { smsBox: { inbound: endpoint.use(under, { withToken: false }) } },
		});
		const { attempts } = await sim.inbound({
			gateway: 'smsBox',
			from: '+255700000001',
			text: 'Habari',
		});
		expect(attempts.map((a) => a.acknowledged)).toEqual([true]);
		expect(endpoint.events()).toEqual([
			expect.objectContaining({ text: 'Habari', gateway: 'smsBox' }),
		]);
	});

	it('without the key (turned off in the simulator) the same trigger refuses the callback', async () => {
		const { sim, credentials } = fx.get();
		const under = triggerUnderTest({
			nodeClass: new InboundSmsTrigger(),
			parameters: { gateway: 'smsBox', authentication: 'accountKey' },
			credentials: { smsBoxApi: credentials.smsBoxApi },
		});
		sim.configure({
			smsboxCallbackApiKey: false,
			callbacks: { smsBox: { inbound: endpoint.use(under, { withToken: false }) } },
		});
		await sim.inbound({ gateway: 'smsBox', from: '+255700000001', text: 'Habari' });
		expect(endpoint.events()).toEqual([]);
		expect(endpoint.results[0].status).toBeGreaterThanOrEqual(400);
	});
});

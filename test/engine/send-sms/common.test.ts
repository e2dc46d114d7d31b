/** Behaviour every gateway shares: dry run, n8n's error handling, large runs. */
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

describe('Send SMS, for every gateway', () => {
	it('dry run validates, counts parts and estimates cost, and sends nothing', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001, 0722000002, nonsense',
			message: 'x'.repeat(161),
			options: { dryRun: true, defaultCountry: 'KE', costPerSegment: 0.8 },
		});
		expect(statuses(json)).toEqual(['valid', 'valid', 'invalid']);
		expect(json[0]).toMatchObject({ segments: 2, encoding: 'GSM-7', cost: 1.6 });
		expect(fx.get().sim.stats().requests.total).toBe(0);
	});

	it('routes rejected and invalid recipients to the error output with "continue (using error output)"', async () => {
		await fx.get().sim.configure({ blacklist: ['+254711000009'] });
		const { outputs, run } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001, +254711000009, 123',
			message: 'Hi',
			onError: 'continueErrorOutput',
		});
		expect(run.status).toBe('success');
		expect(outputs[0].map((i) => i.json.status)).toEqual(['accepted']);
		const failed = outputs[1].map(
			(i) => i.json as { message: string; details: { status: string; input: string } },
		);
		expect(failed.map((f) => f.details.status).sort()).toEqual(['invalid', 'rejected']);
		expect(failed.find((f) => f.details.status === 'rejected')?.message).toBe('UserInBlacklist');
		expect(failed.find((f) => f.details.status === 'invalid')?.details.input).toBe('123');
	});

	it('turns a refused credential into an error item with "continue on fail" and keeps going', async () => {
		const creds = {
			...fx.get().credentials,
			dhis2Api: { ...fx.get().credentials.dhis2Api, password: 'wrong' },
		};
		const { json, run } = await send(fx.get(), {
			gateway: 'dhis2',
			to: '+254711000001',
			message: 'Hi',
			credentials: creds,
			onError: 'continueRegularOutput',
		});
		expect(run.status).toBe('success');
		expect(json[0]).toMatchObject({ status: 'rejected', error: { code: '401' } });
	});

	it('sends 5,000 items in one run, each recipient once', async () => {
		const phones = kenyanNumbers(5000);
		const { json } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			message: 'Big campaign',
			items: phones.map((phone) => ({ phone })),
		});
		expect(json).toHaveLength(5000);
		expect(statuses(json).every((s) => s === 'accepted')).toBe(true);
		const stored = fx.get().sim.messages({ gateway: 'smsBox' });
		expect(new Set(stored.map((m) => m.to)).size).toBe(5000);
		expect(stored).toHaveLength(5000);
	});
});

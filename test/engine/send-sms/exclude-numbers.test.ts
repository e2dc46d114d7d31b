/**
 * Send SMS's "Exclude Numbers" inside n8n's engine, against the simulator over loopback: listed
 * recipients get status suppressed and reach no gateway, the list is normalised like the
 * recipients, read once per run (at the first item), and entries that are not numbers are ignored
 * and counted in a hint. Also at 100,000 exclusions and 100,000 recipients (figures logged).
 */
import type { IDataObject } from 'n8n-workflow';

import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

const hintsOf = (run: Awaited<ReturnType<typeof send>>['run']) =>
	Object.values(run.data.resultData.runData).flatMap((tasks) =>
		tasks.flatMap((task) => task.hints ?? []),
	);

describe('Send SMS: Exclude Numbers', () => {
	it('suppresses listed numbers however they are written, sends the rest, and notes unreadable entries', async () => {
		const { json, run } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001, 0711 000 002, 254711000003, +254711000004',
			message: 'Clinic open today',
			options: {
				defaultCountry: 'KE',
				excludeNumbers:
					'={{ ["0711 000 001", "+254 711 000 003", "not a number", "", null, { "phone": 1 }] }}',
			},
		});
		expect(run.status).toBe('success');
		expect(statuses(json)).toEqual(['suppressed', 'accepted', 'suppressed', 'accepted']);
		expect(json[0]).toMatchObject({
			to: '+254711000001',
			input: '+254711000001',
			messageId: null,
			error: { code: 'SUPPRESSED', message: 'The number is in "Exclude Numbers"' },
		});
		expect(json[2]).toMatchObject({ to: '+254711000003', input: '254711000003' });
		const stored = fx.get().sim.messages({ gateway: 'africasTalking' });
		expect(stored.map((m) => m.to).sort()).toEqual(['+254711000002', '+254711000004']);
		const hints = hintsOf(run);
		expect(hints).toHaveLength(1);
		expect(hints[0].message).toBe(
			'Exclude Numbers: 2 entries are not a phone number and were ignored ("not a number", "an object")',
		);
	});

	it('takes a comma-separated list typed in the field, and applies to dry runs', async () => {
		const { json, run } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001,+255700000002',
			message: 'Hi',
			options: { excludeNumbers: '+255700000002; +255 700 000 009', dryRun: true },
		});
		expect(statuses(json)).toEqual(['valid', 'suppressed']);
		expect(hintsOf(run)).toHaveLength(0);
		expect(fx.get().sim.messages()).toHaveLength(0);
	});

	it('is read once per run, at the first item: a per-item expression does not change per item', async () => {
		const items: IDataObject[] = [
			{ phone: '+254711000001', block: '+254711000002' },
			{ phone: '+254711000002', block: '+254711000001' },
		];
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			message: 'Hello',
			items,
			options: { excludeNumbers: '={{ $json.block }}' },
		});
		expect(statuses(json)).toEqual(['accepted', 'suppressed']);
		expect(
			fx
				.get()
				.sim.messages({ gateway: 'africasTalking' })
				.map((m) => m.to),
		).toEqual(['+254711000001']);
	});

	it('keeps suppressed rows in the regular output shape with "On Error: Continue (using error output)"', async () => {
		const { outputs } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001, +254711000002',
			message: 'Hello',
			options: { excludeNumbers: '+254711000001' },
			onError: 'continueErrorOutput',
		});
		const all = outputs.flat().map((item) => item.json);
		expect(all.map((j) => j.status)).toEqual(['suppressed', 'accepted']);
	});

	it('at 100,000 exclusions and 100,000 recipients, sends exactly the ones not excluded', async () => {
		const recipients = kenyanNumbers(100_000);
		// Every other recipient is excluded, written as a local number; the other half of the list
		// are numbers not in the run.
		const excluded = recipients.filter((_, i) => i % 2 === 0);
		const exclusions = [
			...excluded.map((n) => `0${n.slice(4)}`),
			...kenyanNumbers(50_000, 500_000),
		];
		const heapBefore = process.memoryUsage().heapUsed;
		const started = process.hrtime.bigint();
		const { json, run } = await send(fx.get(), {
			gateway: 'africasTalking',
			message: 'Campaign',
			items: [{ phone: recipients, optOuts: exclusions }],
			options: { defaultCountry: 'KE', excludeNumbers: '={{ $json.optOuts }}' },
		});
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
		expect(run.status).toBe('success');
		expect(json).toHaveLength(100_000);
		const counts = new Map<unknown, number>();
		for (const j of json) counts.set(j.status, (counts.get(j.status) ?? 0) + 1);
		expect(Object.fromEntries(counts)).toEqual({ suppressed: 50_000, accepted: 50_000 });
		const excludedSet = new Set(excluded);
		const sent = fx.get().sim.messages({ gateway: 'africasTalking' });
		expect(sent).toHaveLength(50_000);
		expect(sent.filter((m) => excludedSet.has(m.to))).toHaveLength(0);
		json.forEach((j, i) => expect(j.status).toBe(i % 2 === 0 ? 'suppressed' : 'accepted'));
		// Figures for the report, not assertions: the machine is shared.
		console.log(
			`Exclude Numbers at 100,000 × 100,000: ${seconds.toFixed(1)} s for the run, heap +${heapMb.toFixed(0)} MB, ` +
				`${fx.get().sim.stats().requests.byGateway.africasTalking.total ?? '?'} requests`,
		);
	}, 300_000);
});

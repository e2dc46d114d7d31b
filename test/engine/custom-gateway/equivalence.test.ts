/**
 * The Custom HTTP Gateway, configured by the shipped profiles for the simulator's Africa's Talking
 * and SMSBox endpoints, gives the same per-recipient outcomes as the named adapters for the same
 * simulator behaviour: accepted, refused recipients, 429 with Retry-After, a connection reset after
 * sending. Recipient sets are generated from a seed; each case runs the named gateway, resets the
 * simulator, sets up the same behaviour, and runs the custom gateway.
 */
import type { IDataObject } from 'n8n-workflow';

import { send } from '../../fixtures/send-sms';
import { sendCustom, shippedProfile } from '../../fixtures/custom-gateway';
import type { ProfileName } from '../../fixtures/custom-gateway';
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();

/** Park–Miller, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
	let state = seed % 2147483647 || 1;
	return () => {
		state = (state * 16807) % 2147483647;
		return (state - 1) / 2147483646;
	};
}

interface Case {
	seed: number;
	numbers: string[];
	blacklisted: string[];
	fault: 'none' | 'rateLimit' | 'resetAfter';
	sender: string;
}

function generate(seed: number, gateway: 'africasTalking' | 'smsBox'): Case {
	const random = prng(seed);
	const count = 1 + Math.floor(random() * 12);
	const numbers = kenyanNumbers(count, Math.floor(random() * 1000));
	// A repeated number in one input is deduplicated before sending; keep some repeats in.
	if (count > 2 && random() < 0.3) numbers.push(numbers[0]);
	const blacklisted = numbers.filter(() => random() < 0.25);
	const faults = ['none', 'rateLimit', 'resetAfter'] as const;
	const fault = faults[Math.floor(random() * faults.length)];
	// SMSBox refuses a sender name that is not approved: the whole request, every recipient.
	const sender =
		gateway === 'smsBox'
			? random() < 0.25
				? 'NOTAPPROVED'
				: 'SMSBOX'
			: random() < 0.5
				? 'SIMSMS'
				: '';
	return { seed, numbers, blacklisted, fault, sender };
}

async function arrange(c: Case) {
	const { sim } = fx.get();
	sim.reset();
	sim.configure({
		blacklist: c.blacklisted,
		faults: { retryAfterSeconds: 1, next: c.fault === 'none' ? [] : [c.fault] },
	});
}

function outcomes(json: IDataObject[]) {
	return json.map((j) => ({
		to: j.to,
		status: j.status,
		hasMessageId: j.messageId !== null && j.messageId !== undefined,
		errorCode: (j.error as { code?: string } | null)?.code ?? null,
	}));
}

const TEXT = 'Clinic reminder: bring your card';

describe.each([
	['africasTalking', 'africastalking-simulator'],
	['smsBox', 'smsbox-simulator'],
] as const)('Custom HTTP Gateway configured as %s', (gateway, profileName: ProfileName) => {
	const seeds = Array.from({ length: 12 }, (_, i) => 1000 + i * 7919);

	it.each(seeds)("gives the named adapter's per-recipient outcomes (seed %i)", async (seed) => {
		const c = generate(seed, gateway);
		const items = c.numbers.map((phone) => ({ phone }));

		await arrange(c);
		const named = await send(fx.get(), {
			gateway,
			message: TEXT,
			from: c.sender,
			items,
			onError: 'continueRegularOutput',
		});
		const namedStored = fx
			.get()
			.sim.messages()
			.map((m) => [m.to, m.text]);

		await arrange(c);
		const custom = await sendCustom({
			profile: shippedProfile(profileName, fx.get().sim),
			message: TEXT,
			from: c.sender,
			items,
			onError: 'continueRegularOutput',
		});
		const customStored = fx
			.get()
			.sim.messages()
			.map((m) => [m.to, m.text]);

		const expected = outcomes(named.json);
		const actual = outcomes(custom.json);
		if (gateway === 'smsBox') {
			// The codes of a whole-request refusal are the gateway's in both; per-recipient codes exist only on AT.
			for (const row of [...expected, ...actual])
				row.errorCode = row.errorCode === null ? null : 'refused';
		}
		expect(actual).toEqual(expected);
		// The simulator took the same messages both times: nothing more, nothing twice.
		expect(customStored).toEqual(namedStored);
		expect(named.json.length).toBeGreaterThan(0);
		seen.add(`fault:${c.fault}`);
		for (const row of expected) seen.add(`status:${String(row.status)}`);
	});

	const seen = new Set<string>();
	afterAll(() => {
		// The generated cases must have covered every behaviour the equivalence is claimed for.
		for (const wanted of [
			'fault:none',
			'fault:rateLimit',
			'fault:resetAfter',
			'status:accepted',
			'status:rejected',
			'status:unknown',
		]) {
			expect(seen).toContain(wanted);
		}
	});

	it("checks the balance through the profile's balance request like the named adapter", async () => {
		const profile = shippedProfile(profileName, fx.get().sim);
		const { runNode } = await import('../../harness/engine');
		const run = (gw: string) =>
			runNode({
				type: 'checkSmsBalance',
				parameters: { gateway: gw },
				credentials: { ...fx.get().credentials, httpSmsGatewayApi: profile },
			});
		const named = await run(gateway);
		const custom = await run('httpGateway');
		expect(custom.json[0].balance).toBe(named.json[0].balance);
		expect(typeof custom.json[0].balance).toBe('number');
	});
});

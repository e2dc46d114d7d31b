import type { AttemptResult, RetryPolicy } from '../../../nodes/shared/helpers/retry';
import { backoffDelayMs, equalJitter, withRetry } from '../../../nodes/shared/helpers/retry';

/** A sleep that records the delays asked for and returns at once. */
function recordingSleep() {
	const delays: number[] = [];
	const sleep = async (ms: number) => {
		delays.push(ms);
	};
	return { delays, sleep };
}

/** An attempt function that plays the given results in order and counts its calls. */
function scripted<R>(results: Array<AttemptResult<R>>) {
	const calls: number[] = [];
	const attempt = async (attemptNumber: number) => {
		calls.push(attemptNumber);
		const result = results[calls.length - 1];
		if (result === undefined) throw new Error(`unexpected attempt ${attemptNumber}`);
		return result;
	};
	return { attempt, calls };
}

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
const busy = (retryAfterMs?: number): AttemptResult<string> =>
	retryAfterMs === undefined
		? { kind: 'retry', reason: 'HTTP 429' }
		: { kind: 'retry', reason: 'HTTP 429', retryAfterMs };

describe('withRetry', () => {
	it('returns at once when the first attempt is done, without sleeping', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt, calls } = scripted([{ kind: 'done', value: 'ok' }]);
		await expect(withRetry(attempt, policy, sleep)).resolves.toEqual({
			kind: 'done',
			value: 'ok',
			attempts: 1,
			waitedMs: 0,
		});
		expect(calls).toEqual([1]);
		expect(delays).toEqual([]);
	});

	it('backs off exponentially, capped at maxDelayMs, and numbers the attempts', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt, calls } = scripted([
			busy(),
			busy(),
			busy(),
			busy(),
			{ kind: 'done', value: 'sent' },
		]);
		const outcome = await withRetry(
			attempt,
			{ maxAttempts: 5, baseDelayMs: 300, maxDelayMs: 1000 },
			sleep,
		);
		expect(delays).toEqual([300, 600, 1000, 1000]);
		expect(calls).toEqual([1, 2, 3, 4, 5]);
		expect(outcome).toEqual({ kind: 'done', value: 'sent', attempts: 5, waitedMs: 2900 });
	});

	it('honours Retry-After instead of the backoff, even when it is shorter or zero', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt } = scripted([busy(700), busy(20), busy(0), { kind: 'done', value: 'sent' }]);
		const outcome = await withRetry(attempt, policy, sleep);
		// A Retry-After of 0 means "now": no sleep call at all.
		expect(delays).toEqual([700, 20]);
		expect(outcome).toEqual({ kind: 'done', value: 'sent', attempts: 4, waitedMs: 720 });
	});

	it('gives up after maxAttempts with the last reason, without a useless final sleep', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt, calls } = scripted<string>([
			{ kind: 'retry', reason: 'HTTP 503' },
			{ kind: 'retry', reason: 'HTTP 429' },
			{ kind: 'retry', reason: 'connection refused' },
		]);
		const outcome = await withRetry(
			attempt,
			{ maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 1000 },
			sleep,
		);
		expect(outcome).toEqual({
			kind: 'gaveUp',
			reason: 'connection refused',
			attempts: 3,
			waitedMs: 150,
			cause: 'maxAttempts',
		});
		expect(calls).toEqual([1, 2, 3]);
		expect(delays).toEqual([50, 100]);
	});

	it('with maxAttempts 1 never retries', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt } = scripted([busy(10)]);
		await expect(withRetry(attempt, { ...policy, maxAttempts: 1 }, sleep)).resolves.toMatchObject({
			kind: 'gaveUp',
			attempts: 1,
			cause: 'maxAttempts',
		});
		expect(delays).toEqual([]);
	});

	it('without a wait budget, gives up on a Retry-After longer than maxDelayMs instead of waiting it', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt, calls } = scripted([busy(5000)]);
		const outcome = await withRetry(attempt, policy, sleep);
		expect(outcome).toEqual({
			kind: 'gaveUp',
			reason: 'HTTP 429',
			attempts: 1,
			waitedMs: 0,
			cause: 'retryAfterTooLong',
			refusedWaitMs: 5000,
		});
		expect(calls).toEqual([1]);
		expect(delays).toEqual([]);
	});

	it('with a wait budget, waits a long Retry-After in full while it fits, then gives up', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt } = scripted([busy(5000), busy(4000), busy(2000)]);
		const outcome = await withRetry(attempt, { ...policy, maxTotalWaitMs: 10_000 }, sleep);
		expect(delays).toEqual([5000, 4000]);
		expect(outcome).toEqual({
			kind: 'gaveUp',
			reason: 'HTTP 429',
			attempts: 3,
			waitedMs: 9000,
			cause: 'waitBudget',
			refusedWaitMs: 2000,
		});
	});

	it('counts backoff waits against the budget too', async () => {
		const { delays, sleep } = recordingSleep();
		const { attempt } = scripted([busy(), busy(), busy()]);
		const outcome = await withRetry(attempt, { ...policy, maxTotalWaitMs: 250 }, sleep);
		expect(delays).toEqual([100]);
		expect(outcome).toMatchObject({
			kind: 'gaveUp',
			attempts: 2,
			waitedMs: 100,
			cause: 'waitBudget',
			refusedWaitMs: 200,
		});
	});

	it('passes backoff delays through jitter, clamped to [0, maxDelayMs], but not Retry-After waits', async () => {
		const { delays, sleep } = recordingSleep();
		const seen: number[] = [];
		const jitter = (delayMs: number) => {
			seen.push(delayMs);
			return seen.length === 1 ? delayMs / 2 : seen.length === 2 ? -5 : 99_999;
		};
		const { attempt } = scripted([busy(), busy(), busy(), busy(333), { kind: 'done', value: 'x' }]);
		await withRetry(attempt, { ...policy, jitter }, sleep);
		expect(seen).toEqual([100, 200, 400]);
		expect(delays).toEqual([50, 1000, 333]);
	});

	it('lets an exception from the attempt through: it means stop', async () => {
		const { delays, sleep } = recordingSleep();
		let calls = 0;
		const attempt = async (): Promise<AttemptResult<string>> => {
			calls += 1;
			throw new Error('bad credentials');
		};
		await expect(withRetry(attempt, policy, sleep)).rejects.toThrow('bad credentials');
		expect(calls).toBe(1);
		expect(delays).toEqual([]);
	});

	it('refuses an invalid policy', async () => {
		const { sleep } = recordingSleep();
		const { attempt } = scripted([{ kind: 'done', value: 1 }]);
		for (const bad of [
			{ ...policy, maxAttempts: 0 },
			{ ...policy, maxAttempts: 2.5 },
			{ ...policy, baseDelayMs: -1 },
			{ ...policy, maxDelayMs: Number.NaN },
			{ ...policy, maxTotalWaitMs: -10 },
		]) {
			await expect(withRetry(attempt, bad, sleep)).rejects.toThrow(RangeError);
		}
	});
});

describe('backoffDelayMs', () => {
	it('doubles from the base and stops at the cap, even for huge retry numbers', () => {
		const limits = { baseDelayMs: 250, maxDelayMs: 4000 };
		expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, limits))).toEqual([
			250, 500, 1000, 2000, 4000, 4000,
		]);
		expect(backoffDelayMs(10_000, limits)).toBe(4000);
	});
});

describe('equalJitter', () => {
	it('keeps half of the delay and randomises the other half', () => {
		expect(equalJitter(() => 0)(1000)).toBe(500);
		expect(equalJitter(() => 0.5)(1000)).toBe(750);
		expect(equalJitter(() => 0.999)(1000)).toBeCloseTo(999.5);
	});
});

/**
 * The retry loop of the send pipeline: attempts, backoff, Retry-After waits and their limits.
 * Reading a Retry-After header (retry-after.ts) and classifying a network failure
 * (transport-errors.ts) live in their own files, used by the adapters and the transport too.
 */

/**
 * What one attempt found. `retry` is only for a failure the gateway provably did not
 * accept (429, 503, connection refused…): the caller classifies, because re-sending
 * after an ambiguous failure could deliver the SMS twice.
 */
export type AttemptResult<R> =
	| { kind: 'done'; value: R }
	| { kind: 'retry'; reason: string; retryAfterMs?: number };

export interface RetryPolicy {
	/** Attempts in all, the first included; 1 means never retry. */
	maxAttempts: number;
	/** First backoff delay; it doubles on each later retry. */
	baseDelayMs: number;
	/** Cap on a backoff delay, and on a Retry-After wait when `maxTotalWaitMs` is not set. */
	maxDelayMs: number;
	/**
	 * Budget for all waits together. When set, a Retry-After longer than `maxDelayMs` is
	 * still honoured as long as it fits in what is left of this budget.
	 */
	maxTotalWaitMs?: number;
	/** Spreads backoff delays (never Retry-After waits); gets the delay, returns the delay to use. */
	jitter?: (delayMs: number) => number;
}

/** Why the loop stopped without a result. */
export type GiveUpCause = 'maxAttempts' | 'retryAfterTooLong' | 'waitBudget';

export type RetryOutcome<R> =
	| { kind: 'done'; value: R; attempts: number; waitedMs: number }
	| {
			kind: 'gaveUp';
			/** The reason of the last attempt. */
			reason: string;
			attempts: number;
			waitedMs: number;
			cause: GiveUpCause;
			/** The wait that was not made, when the cause is a wait limit. */
			refusedWaitMs?: number;
	  };

/**
 * Calls `attempt` until it is done, or the policy says to stop.
 *
 * Waits go through the `sleep` passed in (n8n-workflow's `sleep` in the node; a recorder
 * in tests), so no timer global is used. The wait before retry n is the gateway's
 * Retry-After when it gave one, else `baseDelayMs x 2^(n-1)` capped at `maxDelayMs` and
 * passed through `jitter`. A Retry-After is never shortened (sending earlier only earns
 * another 429); when it is longer than allowed the loop gives up at once instead of
 * sleeping uselessly, and says so in `cause`.
 *
 * An exception thrown by `attempt` is not caught: it means "stop", not "retry".
 */
export async function withRetry<R>(
	attempt: (attemptNumber: number) => Promise<AttemptResult<R>>,
	policy: RetryPolicy,
	sleep: (ms: number) => Promise<void>,
): Promise<RetryOutcome<R>> {
	assertValidPolicy(policy);
	let waitedMs = 0;
	let attempts = 0;
	let lastReason = '';
	// Bounded: one attempt per pass, at most maxAttempts passes.
	while (attempts < policy.maxAttempts) {
		attempts += 1;
		const result = await attempt(attempts);
		if (result.kind === 'done') return { kind: 'done', value: result.value, attempts, waitedMs };
		lastReason = result.reason;
		if (attempts === policy.maxAttempts) break;

		const delayMs = nextDelayMs(result.retryAfterMs, attempts, policy);
		const tooLong =
			result.retryAfterMs !== undefined &&
			policy.maxTotalWaitMs === undefined &&
			delayMs > policy.maxDelayMs;
		if (tooLong) return gaveUp(result.reason, attempts, waitedMs, 'retryAfterTooLong', delayMs);
		if (policy.maxTotalWaitMs !== undefined && waitedMs + delayMs > policy.maxTotalWaitMs) {
			return gaveUp(result.reason, attempts, waitedMs, 'waitBudget', delayMs);
		}
		if (delayMs > 0) await sleep(delayMs);
		waitedMs += delayMs;
	}
	return gaveUp(lastReason, attempts, waitedMs, 'maxAttempts');
}

/** Backoff before retry number `retryNumber` (1 = the first retry), without jitter. */
export function backoffDelayMs(
	retryNumber: number,
	policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
): number {
	// The exponent is capped so that 2^n stays finite for any attempt count.
	const exponential = policy.baseDelayMs * 2 ** Math.min(retryNumber - 1, 30);
	return Math.min(policy.maxDelayMs, exponential);
}

/**
 * "Equal jitter": half the delay fixed, half random. Keeps a floor (so a 429 storm
 * still backs off) while spreading parallel lanes apart. `random` is injectable for tests.
 */
export function equalJitter(random: () => number = Math.random): (delayMs: number) => number {
	return (delayMs) => delayMs / 2 + random() * (delayMs / 2);
}

function gaveUp<R>(
	reason: string,
	attempts: number,
	waitedMs: number,
	cause: GiveUpCause,
	refusedWaitMs?: number,
): RetryOutcome<R> {
	return refusedWaitMs === undefined
		? { kind: 'gaveUp', reason, attempts, waitedMs, cause }
		: { kind: 'gaveUp', reason, attempts, waitedMs, cause, refusedWaitMs };
}

function nextDelayMs(
	retryAfterMs: number | undefined,
	retryNumber: number,
	policy: RetryPolicy,
): number {
	if (retryAfterMs !== undefined) return Math.max(0, retryAfterMs);
	const backoff = backoffDelayMs(retryNumber, policy);
	if (policy.jitter === undefined) return backoff;
	const jittered = policy.jitter(backoff);
	return Number.isFinite(jittered) ? Math.min(policy.maxDelayMs, Math.max(0, jittered)) : backoff;
}

function assertValidPolicy(policy: RetryPolicy): void {
	if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
		throw new RangeError(
			`maxAttempts must be a whole number of at least 1; got ${policy.maxAttempts}`,
		);
	}
	for (const field of ['baseDelayMs', 'maxDelayMs', 'maxTotalWaitMs'] as const) {
		const value = policy[field];
		if (value !== undefined && !(value >= 0)) {
			throw new RangeError(`${field} must be 0 or more; got ${value}`);
		}
	}
}

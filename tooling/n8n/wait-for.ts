/** Bounded polling: every wait in these scripts has a deadline. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `probe` until it returns a value other than undefined, or throws after `timeoutMs` with
 * the last reason `probe` gave (a thrown error's message).
 */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	options: {
		timeoutMs: number;
		intervalMs?: number;
		/** An error of this class ends the wait at once (e.g. the awaited process died). */
		stopOn?: new (...args: never[]) => Error;
	},
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let lastReason = 'no answer yet';
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			if (options.stopOn && error instanceof options.stopOn) throw error;
			lastReason = (error as Error).message;
		}
		if (Date.now() >= deadline) {
			throw new Error(
				`Timed out after ${options.timeoutMs} ms waiting for ${what} (${lastReason})`,
			);
		}
		await sleep(options.intervalMs ?? 500);
	}
}

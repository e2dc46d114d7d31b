/**
 * Runs `worker` over `items` with at most `limit` calls in flight, and returns the
 * results in input order.
 *
 * Lanes pull the next index as soon as they finish, so a slow request does not hold up
 * the others (what keeps a broadcast near `ceil(requests / limit) x latency`).
 *
 * On a rejection no further item is started, the calls already in flight are awaited,
 * and then the first error is thrown: nothing is left running unobserved after the
 * promise settles. Senders should still pass workers that never reject (they turn every
 * failure into a per-recipient outcome), because items not started are then unreported.
 */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	limit: number,
	worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	if (!Number.isInteger(limit) || limit < 1) {
		throw new RangeError(`Concurrency limit must be a whole number of at least 1; got ${limit}`);
	}
	const results = new Array<R>(items.length);
	let nextIndex = 0;
	let failure: { error: unknown } | undefined;

	const runLane = async (): Promise<void> => {
		// Bounded: every pass takes a new index, and there are items.length of them.
		while (failure === undefined && nextIndex < items.length) {
			const index = nextIndex;
			nextIndex += 1;
			try {
				results[index] = await worker(items[index], index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};

	const laneCount = Math.min(limit, items.length);
	await Promise.all(Array.from({ length: laneCount }, runLane));
	if (failure !== undefined) throw failure.error;
	return results;
}

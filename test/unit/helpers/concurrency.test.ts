import { mapWithConcurrency } from '../../../nodes/shared/helpers/concurrency';

/** A promise whose settlement the test controls, so in-flight counts do not depend on timing. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

/** Lets queued promise callbacks run. */
const flush = async () => {
	for (let round = 0; round < 10; round += 1) await Promise.resolve();
};

describe('mapWithConcurrency', () => {
	it('returns results in input order even when calls finish out of order', async () => {
		const items = [30, 10, 20, 0, 5];
		const pending = items.map(() => deferred<string>());
		const running = mapWithConcurrency(items, 2, (item, index) =>
			pending[index].promise.then((value) => `${value}:${item}`),
		);
		// Settle in reverse order of start, a few at a time.
		for (let index = items.length - 1; index >= 0; index -= 1) {
			pending[index].resolve(`#${index}`);
			await flush();
		}
		await expect(running).resolves.toEqual(['#0:30', '#1:10', '#2:20', '#3:0', '#4:5']);
	});

	it.each([1, 3, 8])(
		'never has more than %i calls in flight, and keeps that many busy',
		async (limit) => {
			const total = 20;
			const pending = Array.from({ length: total }, () => deferred<number>());
			let inFlight = 0;
			let maxInFlight = 0;
			const started: number[] = [];
			const running = mapWithConcurrency(
				Array.from({ length: total }, (_, index) => index),
				limit,
				async (item) => {
					inFlight += 1;
					maxInFlight = Math.max(maxInFlight, inFlight);
					started.push(item);
					try {
						return await pending[item].promise;
					} finally {
						inFlight -= 1;
					}
				},
			);
			await flush();
			expect(started).toHaveLength(limit);
			for (let index = 0; index < total; index += 1) {
				pending[index].resolve(index * 2);
				await flush();
				// A finished lane picks up the next item at once.
				expect(inFlight).toBe(Math.min(limit, total - index - 1));
			}
			await expect(running).resolves.toEqual(
				Array.from({ length: total }, (_, index) => index * 2),
			);
			expect(maxInFlight).toBe(limit);
			expect(started).toEqual(Array.from({ length: total }, (_, index) => index));
		},
	);

	it('handles no items and a limit above the item count', async () => {
		await expect(mapWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
		await expect(mapWithConcurrency([1, 2], 50, async (item) => item + 1)).resolves.toEqual([2, 3]);
	});

	it('on a rejection starts nothing new, waits for calls in flight, then rejects with the first error', async () => {
		const pending = Array.from({ length: 6 }, () => deferred<string>());
		const started: number[] = [];
		const finished: number[] = [];
		let settled = false;
		const running = mapWithConcurrency([0, 1, 2, 3, 4, 5], 3, async (item) => {
			started.push(item);
			const value = await pending[item].promise;
			finished.push(item);
			return value;
		});
		void running.then(
			() => (settled = true),
			() => (settled = true),
		);
		await flush();
		expect(started).toEqual([0, 1, 2]);

		pending[1].reject(new Error('first'));
		await flush();
		pending[2].reject(new Error('second'));
		await flush();
		// Item 0 is still in flight: the promise must not settle before it does.
		expect(settled).toBe(false);
		expect(started).toEqual([0, 1, 2]);

		pending[0].resolve('late');
		await expect(running).rejects.toThrow('first');
		expect(finished).toEqual([0]);
		expect(started).toEqual([0, 1, 2]);
	});

	it('treats a worker that throws synchronously like a rejection', async () => {
		await expect(
			mapWithConcurrency([1], 1, () => {
				throw new Error('sync');
			}),
		).rejects.toThrow('sync');
	});

	it('refuses a limit below 1 or not whole', async () => {
		for (const limit of [0, -2, 1.5, Number.NaN]) {
			await expect(mapWithConcurrency([1], limit, async () => 1)).rejects.toThrow(RangeError);
		}
	});
});

import { chunk, dedupe, groupInOrder } from '../../../nodes/shared/helpers/batching';

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('chunk', () => {
	it.each([
		[199, 200, [199]],
		[200, 200, [200]],
		[201, 200, [200, 1]],
		[999, 1000, [999]],
		[1000, 1000, [1000]],
		[1001, 1000, [1000, 1]],
		[5000, 1000, [1000, 1000, 1000, 1000, 1000]],
		[3, 1, [1, 1, 1]],
		[0, 200, []],
	])('%i items by %i -> chunk sizes %j', (count, size, sizes) => {
		const items = range(count);
		const chunks = chunk(items, size);
		expect(chunks.map((part) => part.length)).toEqual(sizes);
		// Nothing lost, nothing repeated, order kept.
		expect(chunks.flat()).toEqual(items);
	});

	it('refuses a size below 1 or not whole', () => {
		for (const size of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(() => chunk([1, 2], size)).toThrow(RangeError);
		}
		expect(() => chunk([1], 0)).toThrow('Chunk size must be a whole number of at least 1; got 0');
	});
});

describe('groupInOrder', () => {
	it('groups by key in order of first appearance, items in input order', () => {
		const messages = [
			{ to: 'a', text: 'hi' },
			{ to: 'b', text: 'bye' },
			{ to: 'c', text: 'hi' },
			{ to: 'd', text: 'other' },
			{ to: 'e', text: 'bye' },
		];
		expect(groupInOrder(messages, (message) => message.text)).toEqual([
			{ key: 'hi', items: [messages[0], messages[2]] },
			{ key: 'bye', items: [messages[1], messages[4]] },
			{ key: 'other', items: [messages[3]] },
		]);
	});

	it('returns no group for no items', () => {
		expect(groupInOrder([], String)).toEqual([]);
	});
});

describe('dedupe', () => {
	it('keeps the first of each key and returns the later ones apart', () => {
		const recipients = [
			{ e164: '+254711000001', row: 0 },
			{ e164: '+254722000002', row: 1 },
			{ e164: '+254711000001', row: 2 },
			{ e164: '+254711000001', row: 3 },
		];
		expect(dedupe(recipients, (recipient) => recipient.e164)).toEqual({
			kept: [recipients[0], recipients[1]],
			duplicates: [recipients[2], recipients[3]],
		});
	});

	it('keeps everything when keys differ', () => {
		expect(dedupe(['a', 'b', 'c'], (item) => item)).toEqual({
			kept: ['a', 'b', 'c'],
			duplicates: [],
		});
	});
});

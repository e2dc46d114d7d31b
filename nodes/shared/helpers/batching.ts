/**
 * Splits `items` into consecutive chunks of at most `size`, keeping order.
 * Used to cut a broadcast into requests no larger than a gateway's maximum (the
 * maximum itself is the adapter's knowledge, passed in as `size`).
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) {
		throw new RangeError(`Chunk size must be a whole number of at least 1; got ${size}`);
	}
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size) {
		chunks.push(items.slice(start, start + size));
	}
	return chunks;
}

/**
 * Groups items by key, groups in order of each key's first appearance and items in
 * input order, so "same text from the same sender" becomes one request while the output
 * still follows the order the user gave.
 */
export function groupInOrder<T>(
	items: readonly T[],
	key: (item: T) => string,
): Array<{ key: string; items: T[] }> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const groupKey = key(item);
		const group = groups.get(groupKey);
		if (group) group.push(item);
		else groups.set(groupKey, [item]);
	}
	return [...groups].map(([groupKey, groupItems]) => ({ key: groupKey, items: groupItems }));
}

/**
 * Keeps the first item of each key and returns the later ones apart, so the node can
 * report them ("duplicate of an earlier recipient") instead of dropping them silently.
 */
export function dedupe<T>(
	items: readonly T[],
	key: (item: T) => string,
): { kept: T[]; duplicates: T[] } {
	const seen = new Set<string>();
	const kept: T[] = [];
	const duplicates: T[] = [];
	for (const item of items) {
		const itemKey = key(item);
		if (seen.has(itemKey)) {
			duplicates.push(item);
		} else {
			seen.add(itemKey);
			kept.push(item);
		}
	}
	return { kept, duplicates };
}

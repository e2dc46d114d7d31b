/**
 * Reads the `flatted` format n8n stores run data in (one JSON array; inside objects and arrays a
 * string is the index of the entry that holds the value; entries that are strings are values).
 * Small enough to carry here rather than depend on a transitive copy of the `flatted` package.
 */
export function parseFlatted(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	if (!Array.isArray(table) || table.length === 0) return undefined;
	const revived = new Set<number>();
	const revive = (index: number): unknown => {
		const value = table[index];
		if (typeof value !== 'object' || value === null || revived.has(index)) return value;
		revived.add(index);
		// Iterative over the containers to stay within the stack on deep run data.
		const pending: Array<Record<string, unknown> | unknown[]> = [value as Record<string, unknown>];
		while (pending.length > 0) {
			const container = pending.pop()!;
			for (const key of Object.keys(container)) {
				const slot = (container as Record<string, unknown>)[key];
				if (typeof slot !== 'string') continue;
				const target = Number(slot);
				const resolved = table[target];
				(container as Record<string, unknown>)[key] = resolved;
				if (typeof resolved === 'object' && resolved !== null && !revived.has(target)) {
					revived.add(target);
					pending.push(resolved as Record<string, unknown>);
				}
			}
		}
		return value;
	};
	return revive(0);
}

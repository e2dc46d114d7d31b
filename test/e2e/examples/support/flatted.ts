/**
 * Reads the `flatted` text n8n stores run data in (`GET /rest/executions/:id` → `data`).
 * Format: a JSON array whose first entry is the root; inside objects, every string is the index
 * of the entry holding the actual value (which is how flatted writes shared and circular
 * references). `flatted` itself is only a transitive dependency here, so this small reader
 * stands in for its `parse`.
 */
export function parseFlatted(text: string): unknown {
	// Strings become String objects so that references (inside objects) can be told apart from
	// plain values once the table entries themselves are unwrapped below.
	const entries = JSON.parse(text, (_key, value: unknown) =>
		typeof value === 'string' ? new String(value) : value,
	) as unknown[];
	if (!Array.isArray(entries) || entries.length === 0) throw new Error('not flatted data');
	const table = entries.map((entry) => (entry instanceof String ? String(entry) : entry));
	const resolved = new Set<object>();

	const resolve = (node: Record<string, unknown>): Record<string, unknown> => {
		if (resolved.has(node)) return node;
		resolved.add(node);
		for (const key of Object.keys(node)) {
			const value = node[key];
			if (!(value instanceof String)) continue;
			const target = table[Number(String(value))];
			node[key] = typeof target === 'object' && target !== null ? resolve(target as Record<string, unknown>) : target;
		}
		return node;
	};

	const root = table[0];
	return typeof root === 'object' && root !== null ? resolve(root as Record<string, unknown>) : root;
}

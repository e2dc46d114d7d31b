/**
 * Reads a value out of a gateway's JSON reply by a path the user writes in the Custom HTTP Gateway
 * profile (`SMSMessageData.Recipients`, `data[0].balance`, `data.0.balance`). Only own properties
 * are read, so a path can never reach an object's prototype.
 */

/** The segments of a path, or undefined when it is malformed (empty segment, unclosed bracket). */
export function pathSegments(path: string): string[] | undefined {
	const trimmed = path.trim();
	if (trimmed === '') return [];
	const segments: string[] = [];
	for (const part of trimmed.replace(/\[(\d+)\]/g, '.$1').split('.')) {
		if (part === '' || /[[\]]/.test(part)) return undefined;
		segments.push(part);
	}
	return segments;
}

/** The value at `path` in `root`; the root itself for an empty path; undefined when absent. */
export function readPath(root: unknown, path: string): unknown {
	const segments = pathSegments(path);
	if (segments === undefined) return undefined;
	let current: unknown = root;
	for (const segment of segments) {
		if (current === null || typeof current !== 'object') return undefined;
		if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
		current = (current as Record<string, unknown>)[segment];
	}
	return current;
}

/** A scalar read from a reply as text (numbers and booleans as JSON writes them); undefined otherwise. */
export function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

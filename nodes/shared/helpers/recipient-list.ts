/** Separators a user types or pastes between numbers: comma, semicolon, new line. */
const SEPARATORS = /[,;\r\n]+/;
/** Expressions rarely nest deeper than a list of lists; the bound also stops a cyclic array. */
const MAX_NESTING = 4;

/**
 * Turns the node's `to` parameter into a list of raw recipient strings.
 *
 * `to` is usually an expression, so it may be one number, a separated string, a number
 * from a sheet (`254711000001`) or an array of those. Blank entries are dropped; the
 * entries are not validated here (normalizePhoneNumber does that per recipient, so one bad
 * number does not fail the others) and duplicates are kept (deduplication is an option).
 * Throws a TypeError for values that cannot hold phone numbers, such as objects.
 */
export function parseRecipientList(value: unknown): string[] {
	const recipients: string[] = [];
	collect(value, 0, recipients);
	return recipients;
}

function collect(value: unknown, depth: number, into: string[]): void {
	if (value === undefined || value === null) return;
	if (typeof value === 'number') {
		if (Number.isFinite(value)) into.push(String(value));
		else throw new TypeError(`Recipients must be phone numbers; got the number ${String(value)}`);
		return;
	}
	if (typeof value === 'string') {
		for (const part of value.split(SEPARATORS)) {
			const trimmed = part.trim();
			if (trimmed !== '') into.push(trimmed);
		}
		return;
	}
	if (Array.isArray(value)) {
		if (depth >= MAX_NESTING)
			throw new TypeError('Recipients are nested too deeply: give a flat list of numbers');
		for (const element of value) collect(element, depth + 1, into);
		return;
	}
	throw new TypeError(
		`Recipients must be a phone number, a list separated by commas, semicolons or new lines, or an array of those; got ${describeType(value)}`,
	);
}

function describeType(value: unknown): string {
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

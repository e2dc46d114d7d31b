const DELTA_SECONDS = /^-?\d+(\.\d+)?$/;
const HAS_LETTER = /[a-z]/i;

/**
 * Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3) into milliseconds to wait.
 *
 * Accepts delta-seconds (`120`, leniently also `1.5`) and an HTTP-date, compared with
 * `nowMs` (passed in so the function stays pure). A date in the past or a negative
 * number means "now": 0. Anything unreadable gives undefined, and the caller falls back
 * to its own backoff. With several header values the first one counts.
 */
export function parseRetryAfter(
	value: string | string[] | undefined,
	nowMs: number,
): number | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	if (first === undefined) return undefined;
	const trimmed = first.trim();
	if (DELTA_SECONDS.test(trimmed)) {
		const ms = Math.ceil(Number(trimmed) * 1000);
		return Number.isSafeInteger(ms) ? Math.max(0, ms) : undefined;
	}
	// Date.parse reads bare numbers like "2" as years; an HTTP-date always has a day or month name.
	if (!HAS_LETTER.test(trimmed)) return undefined;
	const dateMs = Date.parse(trimmed);
	return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - nowMs);
}

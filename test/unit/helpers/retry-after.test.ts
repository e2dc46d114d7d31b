import { parseRetryAfter } from '../../../nodes/shared/helpers/retry-after';

const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('parseRetryAfter', () => {
	it('reads delta-seconds', () => {
		expect(parseRetryAfter('120', NOW)).toBe(120_000);
		expect(parseRetryAfter(' 3 ', NOW)).toBe(3000);
		expect(parseRetryAfter('0', NOW)).toBe(0);
	});

	it('accepts fractional seconds leniently', () => {
		expect(parseRetryAfter('1.5', NOW)).toBe(1500);
	});

	it('reads an HTTP-date relative to now', () => {
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', NOW)).toBe(30_000);
		// Obsolete RFC 850 form, still allowed by RFC 9110.
		expect(parseRetryAfter('Sunday, 22-Nov-26 10:01:00 GMT', NOW)).toBe(60_000);
	});

	it('turns a date in the past or a negative number into 0', () => {
		expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', NOW)).toBe(0);
		expect(parseRetryAfter('-5', NOW)).toBe(0);
	});

	it('takes the first of several header values', () => {
		expect(parseRetryAfter(['2', '60'], NOW)).toBe(2000);
		expect(parseRetryAfter([], NOW)).toBeUndefined();
	});

	it('gives undefined for a missing or unreadable header', () => {
		expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
		expect(parseRetryAfter('', NOW)).toBeUndefined();
		expect(parseRetryAfter('soon', NOW)).toBeUndefined();
		expect(parseRetryAfter('12abc', NOW)).toBeUndefined();
		expect(parseRetryAfter('1e3', NOW)).toBeUndefined();
		expect(parseRetryAfter('2027', NOW)).toBe(2_027_000);
		expect(parseRetryAfter('9'.repeat(30), NOW)).toBeUndefined();
	});
});

import { scheduleTime } from '../../../nodes/shared/adapters/smsbox/schedule-time';

describe('SMSBox scheduleTime', () => {
	it.each([
		['2026-05-01T12:25:00Z', '2026-05-01 12:25'],
		['2026-05-01T12:25:00.000Z', '2026-05-01 12:25'],
		// Offsets are converted to GMT+0, as SMSBox reads the field.
		['2026-05-01T15:25:00+03:00', '2026-05-01 12:25'],
		['2026-05-01T07:25:00-05:00', '2026-05-01 12:25'],
		// Crossing midnight and the year when converting.
		['2027-01-01T01:30:00+03:00', '2026-12-31 22:30'],
		['2028-02-29T23:59:00Z', '2028-02-29 23:59'],
		// Single digits are zero-padded.
		['2026-03-04T05:06:00Z', '2026-03-04 05:06'],
	])('%s → %s', (iso, expected) => {
		expect(scheduleTime(iso)).toBe(expected);
	});

	it('drops seconds instead of rounding up to a later minute', () => {
		expect(scheduleTime('2026-05-01T12:25:59.999Z')).toBe('2026-05-01 12:25');
	});

	it.each(['', 'tomorrow', '2026-13-45T99:00:00Z'])('throws on "%s", quoting it', (text) => {
		expect(() => scheduleTime(text)).toThrow(`"${text}" is not a date and time`);
	});
});

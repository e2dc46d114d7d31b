/**
 * Reads the "New Time" an n8n user gives: the date picker's value (local time without an offset,
 * meant in the workflow's time zone), an ISO string with an offset, a Luxon DateTime or JS Date
 * from an expression, epoch milliseconds, or SMSBox's own `yyyy-mm-dd hh:mm`, which SMSBox reads in
 * GMT+0 (seed S-SB). Returns the ISO instant in UTC, or undefined when it is not a date.
 */
import { DateTime } from 'luxon';

const SMSBOX_FORMAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

export function newTimeInstant(value: unknown, timezone: string): string | undefined {
	let at: DateTime | undefined;
	if (DateTime.isDateTime(value)) at = value;
	else if (value instanceof Date) at = DateTime.fromJSDate(value);
	else if (typeof value === 'number') at = DateTime.fromMillis(value);
	else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		at = SMSBOX_FORMAT.test(text)
			? DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: 'utc' })
			: DateTime.fromISO(text, { zone: timezone || 'utc' });
	}
	return at?.isValid ? (at.toUTC().toISO() ?? undefined) : undefined;
}

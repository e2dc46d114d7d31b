/**
 * The one reading of a date and time an n8n user gives a node (Send SMS's "Schedule Time", Change
 * Scheduled SMS's "New Time"), so both nodes read the same value as the same instant: the date
 * picker's value (local time without an offset, meant in the workflow's time zone), an ISO string
 * with or without an offset, `yyyy-mm-dd hh:mm:ss`, a Luxon DateTime or JS Date from an expression,
 * epoch milliseconds, or SMSBox's own `yyyy-mm-dd hh:mm`, which SMSBox reads in GMT+0 (docs/gateways/smsbox.md#sending).
 * A time without an offset is read in the workflow's time zone, never the server's. Returns the ISO
 * instant in UTC, or undefined when it is not a date.
 */
import { DateTime } from 'luxon';

const SMSBOX_FORMAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

export function scheduleTimeInstant(value: unknown, timezone: string): string | undefined {
	const zone = timezone || 'utc';
	let at: DateTime | undefined;
	if (DateTime.isDateTime(value)) at = value;
	else if (value instanceof Date) at = DateTime.fromJSDate(value);
	else if (typeof value === 'number') at = DateTime.fromMillis(value);
	else if (typeof value === 'string' && value.trim() !== '') at = fromText(value.trim(), zone);
	return at?.isValid ? (at.toUTC().toISO() ?? undefined) : undefined;
}

function fromText(text: string, zone: string): DateTime {
	if (SMSBOX_FORMAT.test(text))
		return DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: 'utc' });
	const iso = DateTime.fromISO(text, { zone });
	if (iso.isValid) return iso;
	const sql = DateTime.fromSQL(text, { zone });
	if (sql.isValid) return sql;
	// Forms that carry their own offset (`String(new Date())`, RFC 2822, HTTP dates), as Send SMS
	// always read them.
	const rfc = DateTime.fromRFC2822(text, { zone });
	if (rfc.isValid) return rfc;
	const http = DateTime.fromHTTP(text, { zone });
	if (http.isValid) return http;
	return DateTime.fromJSDate(new Date(text));
}

/**
 * Gateway timestamps to ISO 8601. Each gateway writes time its own way: Gupshup `ts` is epoch
 * milliseconds as text (docs/gateways/gupshup.md#webhook-callback-url), SMSBox `timeUTC` is an HTTP date (`Wed, 14 Jun 2017 07:00:00
 * GMT`, docs/gateways/smsbox.md#two-way-callback), Africa's Talking writes `2026-03-04 10:30:00` in the two-way sample (docs/gateways/africastalking.md#incoming-messages)
 * and ISO elsewhere, DHIS2 `receiveddate` is a date or a date-time (docs/gateways/dhis2.md#inbound-messages). Only these shapes
 * are read, so arbitrary text never reaches the lenient Date parser. Never throws.
 */

const ISO_DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HTTP_DATE =
	/^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (?:GMT|UTC|[+-]\d{4})$/;
const EPOCH = /^\d{9,16}$/;

/** Dates outside years 1970–9999 are not plausible message times. */
const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

export function isoFromEpoch(value: number): string | undefined {
	if (!Number.isFinite(value) || value < 0) return undefined;
	// Ten digits or fewer are seconds (Unix time); more are milliseconds (Gupshup's `ts`).
	const ms = value < 1e11 ? value * 1000 : value;
	return ms <= MAX_EPOCH_MS ? new Date(Math.round(ms)).toISOString() : undefined;
}

/**
 * Reads one timestamp. A date-time without a zone is read as UTC: no gateway documents its zone
 * (docs/gateways/africastalking.md#incoming-messages lists Africa's Talking's callback date format as a gap), so this is inferred.
 */
export function isoFromTimestamp(value: unknown): string | undefined {
	if (typeof value === 'number') return isoFromEpoch(value);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text.length > 64) return undefined;
	if (EPOCH.test(text)) return isoFromEpoch(Number(text));
	const isoMatch = ISO_DATE_TIME.exec(text);
	if (isoMatch) {
		const zone = isoMatch[3] ?? 'Z';
		return checked(Date.parse(`${isoMatch[1]}T${isoMatch[2]}${zone.toUpperCase()}`), isoMatch[1]);
	}
	if (DATE_ONLY.test(text)) return checked(Date.parse(`${text}T00:00:00Z`), text);
	if (HTTP_DATE.test(text)) return checked(Date.parse(text));
	return undefined;
}

/** A parsed instant, refused when invalid or (for a written date) when the day did not exist. */
function checked(ms: number, writtenDate?: string): string | undefined {
	if (!Number.isFinite(ms) || ms < 0 || ms > MAX_EPOCH_MS) return undefined;
	const iso = new Date(ms).toISOString();
	if (writtenDate && !sameCalendarDay(writtenDate)) return undefined;
	return iso;
}

/** 2026-02-31 rolls over to March in JavaScript; it is not a real day. */
function sameCalendarDay(date: string): boolean {
	const [year, month, day] = date.split('-').map(Number);
	const probe = new Date(Date.UTC(year, month - 1, day));
	return (
		probe.getUTCFullYear() === year &&
		probe.getUTCMonth() === month - 1 &&
		probe.getUTCDate() === day
	);
}

export function isoNow(nowMs: number): string {
	return new Date(nowMs).toISOString();
}

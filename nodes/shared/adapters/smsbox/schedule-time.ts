/**
 * SMSBox reads `schedule_time` as `yyyy-mm-dd hh:mm` in GMT+0 (seed S-SB, send_sms and
 * change_sms_info). Shared by Send SMS and Change Scheduled SMS.
 */

/**
 * An ISO 8601 instant → `yyyy-mm-dd hh:mm` in UTC. SMSBox has no seconds, so they are dropped
 * (12:25:59 becomes 12:25), never rounded up to a minute the user did not ask for.
 * Throws when the text is not a date.
 */
export function scheduleTime(iso: string): string {
	const ms = parseInstant(iso);
	if (ms === undefined) {
		throw new Error(
			`"${iso}" is not a date and time (use ISO 8601, for example 2026-05-01T12:25:00Z)`,
		);
	}
	const at = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** Milliseconds since the epoch, or undefined when the text is not a date. */
export function parseInstant(iso: string): number | undefined {
	const ms = Date.parse(String(iso ?? '').trim());
	return Number.isFinite(ms) ? ms : undefined;
}

/** The minute SMSBox will actually schedule (seconds dropped), in ms since the epoch. */
export function scheduledMinute(ms: number): number {
	return Math.floor(ms / 60_000) * 60_000;
}

/**
 * SMSBox reads `schedule_time` as `yyyy-mm-dd hh:mm` in GMT+0 (docs/gateways/smsbox.md#sending, send_sms and
 * change_sms_info). Shared by Send SMS and Change Scheduled SMS.
 */
import { errorInfo } from '../../core/errors';
import type { GatewayErrorInfo } from '../../core/types';
import { clock } from '../../helpers/clock';

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

/**
 * Why SMSBox would refuse this time, before asking it: not a date, or not in the future once
 * seconds are dropped (code 112). `field` names the parameter in the messages ("Schedule Time",
 * "New Time"); `otherwise` adds what else the user can do.
 */
export function checkScheduleTime(
	scheduleAt: string,
	field: string,
	otherwise = '',
): GatewayErrorInfo | undefined {
	const ms = parseInstant(scheduleAt);
	if (ms === undefined) {
		return errorInfo(
			'INVALID_SCHEDULE_TIME',
			`"${scheduleAt}" is not a date and time`,
			`Give "${field}" as a date and time, for example 2026-05-01T12:25:00Z.`,
		);
	}
	if (scheduledMinute(ms) <= clock.now()) {
		return errorInfo(
			'SCHEDULE_IN_PAST',
			`The ${field.toLowerCase()} ${scheduleTime(scheduleAt)} (GMT+0) is not in the future`,
			`SMSBox schedules to the minute and refuses past times. Choose a time at least one minute ahead${otherwise}.`,
		);
	}
	return undefined;
}

/**
 * SMSBox schedule_time: "yyyy-mm-dd hh:mm", GMT+0; empty means now (docs/gateways/smsbox.md#sending).
 * Bad format -> 117, not strictly later than the current time -> 112.
 */
export type ScheduleRead =
	| { kind: 'now' }
	| { kind: 'at'; ms: number }
	| { kind: 'error'; code: 112 | 117 };

export function readScheduleTime(value: string | undefined, nowMs: number): ScheduleRead {
	if (value === undefined || value.trim() === '') return { kind: 'now' };
	const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(value.trim());
	if (!match) return { kind: 'error', code: 117 };
	const [year, month, day, hour, minute] = match.slice(1).map(Number);
	const ms = Date.UTC(year, month - 1, day, hour, minute);
	const date = new Date(ms);
	// Reject dates that roll over (2025-02-30) or out-of-range clock values.
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59) {
		return { kind: 'error', code: 117 };
	}
	// "Scheduled date/time must be greater than current date/time".
	if (ms <= nowMs) return { kind: 'error', code: 112 };
	return { kind: 'at', ms };
}

/** "20250501122521" style stamp used in SMSBox message ids. */
export function compactStamp(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** "2025-04-09 15:33:29" style, as in query_sender_names. */
export function sqlDateTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

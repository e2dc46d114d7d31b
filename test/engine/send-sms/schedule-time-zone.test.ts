/**
 * Send SMS and Change Scheduled SMS read a time without an offset in the workflow's time zone, the
 * same way (nodes/shared/helpers/schedule-time.ts), whatever the server's time zone. Here the
 * workflow is in Africa/Nairobi (UTC+3) and the process in UTC: a picker value of 09:00 must leave
 * at 06:00 UTC, not at 09:00 UTC (the defect: Send SMS read it with `new Date`, in server time).
 */
import { DateTime } from 'luxon';
import { setGlobalState } from 'n8n-workflow';

import { runNode } from '../../harness/engine';
import { send } from '../../fixtures/send-sms';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();
const ZONE = 'Africa/Nairobi';
const processZone = process.env.TZ;

beforeAll(() => {
	process.env.TZ = 'UTC';
	// The workflow's time zone when its settings name none (n8n's GENERIC_TIMEZONE).
	setGlobalState({ defaultTimezone: ZONE });
});
afterAll(() => {
	setGlobalState({ defaultTimezone: 'America/New_York' });
	if (processZone === undefined) delete process.env.TZ;
	else process.env.TZ = processZone;
});

/** A whole minute in Nairobi, `hours` from now, as the date picker writes it (no offset). */
function nairobiPickerValue(hours: number): { picker: string; utc: string } {
	const local = DateTime.now().setZone(ZONE).plus({ hours }).startOf('minute');
	return {
		picker: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
		utc: local.toUTC().toISO()!,
	};
}

describe("Schedule times in the workflow's time zone (Africa/Nairobi, server in UTC)", () => {
	it('Send SMS schedules a picker value without an offset at that local time', async () => {
		expect(new Date().getTimezoneOffset()).toBe(0);
		const at = nairobiPickerValue(5);
		const { json } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001',
			message: 'Clinic at nine',
			options: { scheduleTime: at.picker },
		});
		expect(json[0]).toMatchObject({ status: 'accepted', scheduledAt: at.utc });
		const [stored] = fx.get().sim.messages({ gateway: 'smsBox' });
		expect(new Date(stored.scheduledAt!).toISOString()).toBe(at.utc);
	});

	it('Send SMS and Change Scheduled SMS read the same value as the same instant', async () => {
		const first = nairobiPickerValue(4);
		const sent = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000002',
			message: 'Moved',
			options: { scheduleTime: first.picker },
		});
		const id = sent.json[0].messageId as string;
		const later = nairobiPickerValue(7);
		const changed = await runNode({
			type: 'changeScheduledSms',
			parameters: {
				gateway: 'smsBox',
				resource: 'scheduledMessage',
				operation: 'reschedule',
				messageId: id,
				newTime: later.picker,
			},
			credentials: fx.get().credentials,
		});
		expect(changed.json[0].scheduledAt).toBe(later.utc);
		const again = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000003',
			message: 'Same time',
			options: { scheduleTime: later.picker },
		});
		expect(again.json[0].scheduledAt).toBe(changed.json[0].scheduledAt);
	});

	it('keeps an explicit offset and an expression date as they are', async () => {
		const at = DateTime.now().plus({ hours: 6 }).startOf('minute').toUTC();
		const { json } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000004',
			message: 'Offset given',
			options: { scheduleTime: at.setZone('Asia/Kolkata').toISO()! },
		});
		expect(json[0].scheduledAt).toBe(at.toISO());
		const expression = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000005',
			message: 'From an expression',
			options: {
				scheduleTime: '={{ $now.plus({ hours: 8 }).startOf("minute") }}',
			},
		});
		expect(Date.parse(expression.json[0].scheduledAt as string) - Date.now()).toBeGreaterThan(
			7.9 * 3_600_000,
		);
	});
});

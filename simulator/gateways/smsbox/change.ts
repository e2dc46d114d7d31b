/**
 * GET /api/sms/v1/change_sms_info (docs/gateways/smsbox.md#scheduled-messages): suspend (scheduled_status=0), resume (1),
 * reschedule, change sender or text of a message that has not gone out yet. Empty
 * parameters change nothing (the PHP sample always sends every key).
 * A message that is unknown — or already sent, inferred (docs/gateways/smsbox.md#scheduled-messages) — is "not found": HTTP 200 with code 403.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { jsonReply } from '../../core/http-io';
import { fromMinor, toMinor } from '../../core/money';
import { countSegments, isGsm7 } from '../../core/segments';
import type { MessageRecord } from '../../core/types';
import { checkSmsboxAuth } from './auth';
import { smsboxError, smsboxOk } from './replies';
import { readScheduleTime } from './schedule';
import { personalise } from './send';
import type { SenderNames } from './sender-names';

function param(req: SimRequest, name: string): string | undefined {
	const value = req.query.get(name);
	return value === null || value.trim() === '' ? undefined : value;
}

export function handleChangeSmsInfo(
	ctx: SimContext,
	senders: SenderNames,
	req: SimRequest,
): SimReply {
	const denied = checkSmsboxAuth(ctx, req, 'Authentication');
	if (denied) return denied;
	const messageId = param(req, 'message_id');
	if (!messageId) return smsboxError(104);
	ctx.delivery.processDue();
	const pending = ctx.store.where(
		(r) => r.id === messageId && (r.status === 'scheduled' || r.status === 'suspended'),
	);
	if (pending.length === 0 || pending[0].gateway !== 'smsBox') {
		return jsonReply(200, { status: true, code: 403, message: `Message ${messageId} not found` });
	}
	const scheduledStatus = param(req, 'scheduled_status');
	if (scheduledStatus !== undefined && scheduledStatus !== '0' && scheduledStatus !== '1')
		return smsboxError(113);
	const scheduleTime = param(req, 'schedule_time');
	let scheduledAt: string | undefined;
	if (scheduleTime !== undefined) {
		const schedule = readScheduleTime(scheduleTime, ctx.clock.now());
		if (schedule.kind === 'error') return smsboxError(schedule.code);
		if (schedule.kind === 'at') scheduledAt = new Date(schedule.ms).toISOString();
	}
	const sourceAddr = param(req, 'source_addr');
	if (sourceAddr !== undefined && !senders.isApproved(sourceAddr)) return smsboxError(111);
	const template = param(req, 'message');
	if (template !== undefined) {
		const edited = retext(ctx, pending, template);
		if (edited !== null) return edited;
	}
	for (const record of pending) {
		if (scheduledAt !== undefined) record.scheduledAt = scheduledAt;
		if (sourceAddr !== undefined) record.sender = sourceAddr;
		if (scheduledStatus === '0') record.status = 'suspended';
		if (scheduledStatus === '1') record.status = 'scheduled';
	}
	// A resumed message whose time has already passed goes out now.
	ctx.delivery.processDue();
	return smsboxOk(`Message ${messageId} Updated Successfully!`, `message_id:${messageId}`);
}

/** Applies a new text (re-personalised, re-priced); returns an error reply or null when applied. */
function retext(ctx: SimContext, records: MessageRecord[], template: string): SimReply | null {
	const texts = records.map((r) => personalise(template, r.recipientName ?? ''));
	if (texts.some((t) => !isGsm7(t))) return smsboxError(110);
	const unitCost = toMinor(ctx.config.costs.smsBox);
	const counts = texts.map((t) => countSegments(t));
	const oldCost = records.reduce((sum, r) => sum + toMinor(r.cost), 0);
	const newCost = counts.reduce((sum, c) => sum + c.segments * unitCost, 0);
	if (newCost > oldCost && !ctx.balances.charge('smsBox', newCost - oldCost))
		return smsboxError(102);
	if (newCost < oldCost) ctx.balances.refund('smsBox', oldCost - newCost);
	records.forEach((record, i) => {
		record.template = template;
		record.text = texts[i];
		record.segments = counts[i].segments;
		record.encoding = counts[i].encoding;
		record.cost = fromMinor(counts[i].segments * unitCost);
	});
	return null;
}

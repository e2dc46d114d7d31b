/**
 * POST /api/sms/v1/send_sms (docs/gateways/smsbox.md#sending): JSON or XML, up to 1000 recipients, plain GSM text
 * only, an approved sender, optional schedule_time, [{RECEIVERNAME}] substitution. One
 * message_id covers every recipient; any invalid field refuses the whole request.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { isRecord, jsonReply, stringField } from '../../core/http-io';
import { fromMinor, toMinor } from '../../core/money';
import { parseInternational } from '../../core/phone';
import { countSegments, isGsm7 } from '../../core/segments';
import type { MessageRecord } from '../../core/types';
import { checkSmsboxAuth } from './auth';
import { isSmsboxCode, SMSBOX_MESSAGES, smsboxError, smsboxOk } from './replies';
import { sendRefusalCode } from '../../core/outcomes';
import { readSmsboxBody } from './request-body';
import { compactStamp, readScheduleTime } from './schedule';
import type { SenderNames } from './sender-names';

export const MAX_RECIPIENTS = 1000;
export const RECEIVER_NAME = /\[\{RECEIVERNAME\}\]/g;

interface Recipient {
	name: string;
	number: string;
}

export function personalise(template: string, recipientName: string): string {
	return template.replace(RECEIVER_NAME, recipientName);
}

/**
 * dest_addr: the field text says "with leading + sign", the samples also omit it
 * (docs/gateways/smsbox.md#sending): inferred, both are accepted; the number is stored as sent.
 */
function readRecipients(value: unknown): { recipients: Recipient[] } | { code: 101 | 115 | 119 } {
	if (!Array.isArray(value)) return { code: 119 };
	if (value.length === 0) return { code: 115 };
	const recipients: Recipient[] = [];
	for (const entry of value) {
		if (!isRecord(entry)) return { code: 115 };
		const number = stringField(entry.dest_addr);
		if (!number) return { code: 115 };
		recipients.push({ name: stringField(entry.recipient_name) ?? '', number });
	}
	return { recipients };
}

export function handleSmsboxSend(ctx: SimContext, senders: SenderNames, req: SimRequest): SimReply {
	const denied = checkSmsboxAuth(ctx, req, 'Authentication');
	if (denied) return denied;
	const read = readSmsboxBody(req);
	if (!read.ok) return smsboxError(113);
	const body = read.body;
	const read2 = readRecipients(body.recipients);
	if ('code' in read2) return smsboxError(read2.code);
	const sourceAddr = stringField(body.source_addr);
	if (!sourceAddr) return smsboxError(104);
	const template = stringField(body.message);
	if (!template || template.trim() === '') return smsboxError(109);
	// "Default value is 0. Other encoding types are currently not supported." The XML sample omits it, so absent = 0.
	const encoding = stringField(body.encoding);
	if (encoding !== undefined && encoding !== '0') return smsboxError(118);
	const { recipients } = read2;
	if (recipients.length > MAX_RECIPIENTS) return smsboxError(114);
	if (recipients.some((r) => !parseInternational(r.number))) return smsboxError(101);
	const texts = recipients.map((r) => personalise(template, r.name));
	// "Special characters (Unicode) are not supported": inferred (docs/gateways/smsbox.md#sending), anything GSM-7 cannot carry.
	if (texts.some((t) => !isGsm7(t))) return smsboxError(110);
	if (!senders.isApproved(sourceAddr)) return smsboxError(111);
	// Documented codes the checks here never produce (105-108, 116, 123, …): by config rule, for
	// the whole request when any recipient matches. 105, 106 and 108 are account refusals (inferred (docs/gateways/smsbox.md#sending): 401).
	const refusal = recipients
		.map((r) => sendRefusalCode(ctx.config, 'smsBox', r.number))
		.find((code) => code !== undefined);
	if (refusal !== undefined && isSmsboxCode(refusal)) {
		if (refusal === 107) return jsonReply(400, { error: SMSBOX_MESSAGES[107] });
		return smsboxError(refusal, [105, 106, 108].includes(refusal) ? 401 : 400);
	}
	const now = ctx.clock.now();
	const schedule = readScheduleTime(stringField(body.schedule_time), now);
	if (schedule.kind === 'error') return smsboxError(schedule.code);
	const counts = texts.map((t) => countSegments(t));
	const unitCost = toMinor(ctx.config.costs.smsBox);
	const total = counts.reduce((sum, c) => sum + c.segments * unitCost, 0);
	// inferred (docs/gateways/smsbox.md#error-codes): HTTP status of 102 is not shown; 400 like the other refusals.
	if (!ctx.balances.charge('smsBox', total)) return smsboxError(102);
	const messageId = `sms-${compactStamp(now)}${ctx.ids.hex(20)}`;
	const scheduledAt = schedule.kind === 'at' ? new Date(schedule.ms).toISOString() : null;
	const records: MessageRecord[] = recipients.map((recipient, i) =>
		ctx.store.add({
			gateway: 'smsBox',
			id: messageId,
			to: recipient.number,
			text: texts[i],
			sender: sourceAddr,
			segments: counts[i].segments,
			encoding: counts[i].encoding,
			scheduledAt,
			status: scheduledAt ? 'scheduled' : 'sent',
			cost: fromMinor(counts[i].segments * unitCost),
			currency: ctx.accounts.smsBox.currency,
			requestId: req.requestId,
			acceptedAt: new Date(now).toISOString(),
			recipientName: recipient.name,
			template,
		}),
	);
	ctx.accepted(records);
	return smsboxOk('Message Scheduled Successfully', `message_id:${messageId}`);
}

/**
 * Changing a scheduled SMSBox message: `GET change_sms_info?message_id=…` (docs/gateways/smsbox.md#scheduled-messages "CHANGE SMS
 * INFO", docs/gateways/smsbox.md#scheduled-messages) with `scheduled_status` (0 suspends, 1 resumes), `schedule_time`
 * (`yyyy-mm-dd hh:mm`, GMT+0), `source_addr` or `message`.
 *
 * Only the parameters of the requested change are sent. The PHP sample sends every key, but what
 * SMSBox does with an empty `message` or `source_addr` is not documented (inferred (docs/gateways/smsbox.md#scheduled-messages): an empty value
 * could blank the message), so a suspend never carries a text.
 *
 * "Not found" comes as HTTP 200 with `{"status":true,"code":403,"message":"Message … not found"}`.
 */
import type {
	ScheduledChange,
	ScheduledChangeResult,
	ScheduledChangesCapability,
} from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, GatewayErrorInfo, HttpClient } from '../../core/types';
import { isGsmText } from '../../helpers/gsm-alphabet';
import { readSmsBoxReply } from './codes';
import { smsBoxUrl } from './hosts';
import { isSmsBoxSuccess, smsBoxRefusal } from './refusal';
import { checkScheduleTime, parseInstant, scheduledMinute, scheduleTime } from './schedule-time';
import { checkSender, sourceAddr } from './sender';

/** SMSBox's "not found" code for change_sms_info, answered with HTTP 200. */
export const SMSBOX_NOT_FOUND_CODE = 403;

/** What change_sms_info's codes mean for a change (the send-time explanations do not fit). */
const CHANGE_EXPLANATIONS: Record<number, string> = {
	102: 'The new text needs more SMS parts than the SMSBox balance covers, so the message was not changed. Top up the account or shorten the text.',
	104: 'SMSBox says a parameter is missing. Check the message ID.',
	110: 'SMSBox refused the new text because it contains Unicode characters (plain GSM-7 text only). The message was not changed.',
	111: 'The new sender name is not approved on this SMSBox account, so the message was not changed. Use an approved sender name (the Manage Sender Names node lists them).',
	112: 'SMSBox says the new time is in the past (it reads GMT+0, to the minute). The message was not changed. Choose a later time.',
	113: 'SMSBox could not read the change request. Report this as a bug in the node.',
	117: 'SMSBox could not read the new time (yyyy-mm-dd hh:mm, GMT+0). The message was not changed.',
};

const NOT_FOUND_EXPLANATION =
	'SMSBox has no scheduled message with this ID that can still change: the ID is wrong, or the message has gone out already. Use the message ID that Send SMS output (with or without "message_id:").';

export function smsBoxMessageId(input: string): string {
	// Send SMS outputs the bare id; SMSBox's own reply writes `data: "message_id:sms-…"`.
	return String(input ?? '')
		.trim()
		.replace(/^message_id\s*:\s*/i, '')
		.trim();
}

function checkNewTime(scheduleAt: string): GatewayErrorInfo | undefined {
	return checkScheduleTime(scheduleAt, 'New Time');
}

function checkEdit(
	text: string | undefined,
	sender: string | undefined,
): GatewayErrorInfo | undefined {
	if (text === undefined && sender === undefined) {
		return errorInfo(
			'NOTHING_TO_CHANGE',
			'Neither a new text nor a new sender was given',
			'Set "New Text", "New Sender Name" or both.',
		);
	}
	if (text !== undefined && text.trim() === '') {
		return errorInfo(
			'TEXT_EMPTY',
			'The new text is empty',
			'Give the new text, or leave it out to keep the current one.',
		);
	}
	if (text !== undefined && !isGsmText(text)) {
		return errorInfo(
			'UNICODE_NOT_SUPPORTED',
			'The new text contains characters outside GSM-7',
			CHANGE_EXPLANATIONS[110],
		);
	}
	return sender !== undefined ? checkSender(sender) : undefined;
}

function changeParameters(change: ScheduledChange): Record<string, string> {
	switch (change.kind) {
		case 'suspend':
			return { scheduled_status: '0' };
		case 'resume':
			return { scheduled_status: '1' };
		case 'reschedule':
			return { schedule_time: scheduleTime(change.scheduleAt) };
		case 'edit': {
			const qs: Record<string, string> = {};
			if (change.text !== undefined) qs.message = change.text;
			if (change.sender !== undefined) qs.source_addr = sourceAddr(change.sender);
			return qs;
		}
	}
}

export const smsBoxScheduledChanges: ScheduledChangesCapability = {
	messageId: smsBoxMessageId,

	check(messageId: string, change: ScheduledChange): GatewayErrorInfo | undefined {
		if (messageId === '') {
			return errorInfo(
				'MESSAGE_ID_REQUIRED',
				'The message ID is empty',
				'Give the message ID that Send SMS output for the scheduled message (field messageId).',
			);
		}
		if (change.kind === 'reschedule') return checkNewTime(change.scheduleAt);
		if (change.kind === 'edit') return checkEdit(change.text, change.sender);
		return undefined;
	},

	async change(
		http: HttpClient,
		credentials: Credentials,
		messageId: string,
		change: ScheduledChange,
	): Promise<ScheduledChangeResult> {
		const qs: Record<string, string> = { message_id: messageId, ...changeParameters(change) };
		const reply = await http.request({
			method: 'GET',
			url: smsBoxUrl(credentials, 'change_sms_info'),
			qs,
			headers: { Accept: 'application/json' },
		});
		const read = readSmsBoxReply(reply.body);
		if (read.code === SMSBOX_NOT_FOUND_CODE && reply.statusCode >= 200 && reply.statusCode < 300) {
			// A not-found error (404 for n8n), keeping SMSBox's own code and words.
			throw new GatewayError(
				errorInfo(
					SMSBOX_NOT_FOUND_CODE,
					read.message ?? `Message ${messageId} not found`,
					NOT_FOUND_EXPLANATION,
				),
				404,
			);
		}
		if (!isSmsBoxSuccess(reply, read)) throw smsBoxRefusal(reply, CHANGE_EXPLANATIONS);
		return {
			messageId,
			message: read.message ?? `Message ${messageId} updated`,
			scheduleTime: qs.schedule_time ?? null,
			scheduledAt:
				change.kind === 'reschedule'
					? new Date(scheduledMinute(parseInstant(change.scheduleAt) ?? 0)).toISOString()
					: null,
			raw: reply.body,
		};
	},
};

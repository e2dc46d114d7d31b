/**
 * Sending through SMSBox's `POST /api/sms/v1/send_sms` (docs/gateways/smsbox.md#sending): JSON with up
 * to 1000 recipients (code 114). The text may carry `[{RECEIVERNAME}]`, which SMSBox replaces with
 * each recipient's `recipient_name`, so personalised messages still share one request.
 *
 * The reply holds ONE message id for the whole request; every recipient gets it.
 */
import type { BatchOutcome, SendBatch, SendCapability } from '../../core/adapter';
import { errorInfo } from '../../core/errors';
import type {
	Credentials,
	GatewayErrorInfo,
	HttpClient,
	HttpReply,
	OutgoingMessage,
	SendOptions,
} from '../../core/types';
import { formatPhoneNumber } from '../../helpers/phone';
import { retryableRefusal } from '../common';
import { clock } from '../../helpers/clock';
import { excerpt } from '../../helpers/excerpt';
import { readSmsBoxReply, smsBoxError } from './codes';
import { smsBoxUrl } from './hosts';
import { checkScheduleTime, parseInstant, scheduleTime } from './schedule-time';
import { checkSender, sourceAddr } from './sender';

const GATEWAY = 'SMSBox';

/** "Api sms not allow user to send more than 1000 contacts" (code 114). */
export const SMSBOX_MAX_RECIPIENTS = 1000;

export const smsBoxSend: SendCapability = {
	sender: 'senderName',
	limits: {
		maxRecipientsPerRequest: SMSBOX_MAX_RECIPIENTS,
		// No length limit is documented (docs/gateways/smsbox.md#what-is-not-documented).
		// Code 110: "Special characters(Unicode) are not supported".
		unicode: false,
		// The dest_addr field text asks for a leading "+" (`+22660000001`); the samples mix both.
		numberStyle: 'plusE164',
		canSchedule: true,
		nativePersonalisation: true,
		premium: false,
	},

	/** Personalised messages group by their shared template, not by their final texts. */
	batchKey: (m) =>
		m.template
			? `${m.sender ?? ''}\u0000template\u0000${m.template.text}`
			: `${m.sender ?? ''}\u0000text\u0000${m.text}`,

	check(message: OutgoingMessage, options: SendOptions): GatewayErrorInfo | undefined {
		return checkSender(message.sender) ?? checkSchedule(options.scheduleAt);
	},

	async sendBatch(
		http: HttpClient,
		credentials: Credentials,
		batch: SendBatch,
		options: SendOptions,
	) {
		const first = batch.messages[0];
		// check() has refused an unreadable time already; this guards callers that skip it, since
		// throwing here would make the recipients "unknown" although nothing was sent.
		if (options.scheduleAt && parseInstant(options.scheduleAt) === undefined) {
			return { kind: 'refused', stopsRun: false, error: checkSchedule(options.scheduleAt)! };
		}
		const body = {
			source_addr: sourceAddr(first.sender ?? ''),
			schedule_time: options.scheduleAt ? scheduleTime(options.scheduleAt) : '',
			// "Default value is 0. Other encoding types are currently not supported" (code 118).
			encoding: 0,
			message: first.template?.text ?? first.text,
			recipients: batch.messages.map((m) => ({
				recipient_name: m.template?.recipientName ?? '',
				dest_addr: formatPhoneNumber(m.e164, 'plusE164'),
			})),
		};
		const reply = await http.request({
			method: 'POST',
			url: smsBoxUrl(credentials, 'send_sms'),
			body,
			headers: { Accept: 'application/json' },
		});
		return readSendReply(reply, batch.messages);
	},
};

function checkSchedule(scheduleAt: string | undefined): GatewayErrorInfo | undefined {
	if (!scheduleAt) return undefined;
	return checkScheduleTime(
		scheduleAt,
		'Schedule Time',
		', or leave "Schedule Time" empty to send now',
	);
}

function readSendReply(reply: HttpReply, messages: OutgoingMessage[]): BatchOutcome {
	const retry = retryableRefusal(reply, GATEWAY, clock.now());
	if (retry) return retry;
	const { statusCode, body } = reply;
	const ok = statusCode >= 200 && statusCode < 300;
	const read = readSmsBoxReply(body);

	// {"status":true,"code":200,"message":"Message Scheduled Successfully","data":"message_id:sms-…"}
	if (ok && read.code === 200 && read.status !== false) {
		const messageId = messageIdFrom(read.data);
		return {
			kind: 'answered',
			outcomes: messages.map((message) => ({
				message,
				status: 'accepted',
				messageId,
				cost: null,
				currency: null,
				error: null,
				details: { gatewayCode: 200, gatewayMessage: read.message ?? null },
			})),
		};
	}
	if (read.code !== undefined && read.code !== 200) {
		const { error, effect } = smsBoxError(read, statusCode, body);
		if (effect === 'ambiguous') return { kind: 'ambiguous', error };
		if (effect !== undefined) return { kind: 'refused', stopsRun: effect === 'stopsRun', error };
		// An undocumented code: a 4xx, or a 2xx whose code is not 200, still says "not done".
		if (statusCode < 500) return { kind: 'refused', stopsRun: false, error };
	}
	if (statusCode === 401 || statusCode === 403) {
		return {
			kind: 'refused',
			stopsRun: true,
			error: errorInfo(
				statusCode,
				read.message ?? excerpt(body),
				'SMSBox refused the credentials. Check the API key and secret in the SMSBox credential.',
			),
		};
	}
	if (statusCode >= 400 && statusCode < 500) {
		return { kind: 'refused', stopsRun: false, error: smsBoxError(read, statusCode, body).error };
	}
	return {
		kind: 'ambiguous',
		error: errorInfo(
			ok ? 'UNREADABLE_REPLY' : statusCode,
			`Unexpected reply from SMSBox (HTTP ${statusCode}): ${excerpt(body)}`,
			'It is not known whether the messages were accepted. Check the SMSBox portal before sending them again.',
		),
	};
}

/**
 * `data` is `"message_id:sms-…"`. The id is kept without its `message_id:` prefix; Change Scheduled
 * SMS (`change_sms_info?message_id=`) accepts it with or without the prefix.
 */
function messageIdFrom(data: unknown): string | null {
	if (typeof data === 'string') {
		const id = data.trim().replace(/^message_id\s*:\s*/i, '');
		return id === '' ? null : id;
	}
	const nested = (data ?? {}) as { message_id?: unknown };
	return typeof nested.message_id === 'string' && nested.message_id ? nested.message_id : null;
}

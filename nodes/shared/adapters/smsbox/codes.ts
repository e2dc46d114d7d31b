/**
 * SMSBox's codes (docs/gateways/smsbox.md#error-codes) and how the reply carries them.
 * The HTTP status is documented only for 111 (400), 120 (401) and 121/122/124 (409), so the code in
 * the body decides, never the status alone.
 */
import { errorInfo } from '../../core/errors';
import type { GatewayErrorInfo } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';

/** `refused`: this request only. `stopsRun`: every request of the run would get the same answer. */
export type SmsBoxEffect = 'refused' | 'stopsRun' | 'ambiguous';

interface SmsBoxCode {
	/** SMSBox's documented (docs/gateways/smsbox.md#error-codes) wording, used when the reply gives none. */
	message: string;
	explanation: string;
	effect: SmsBoxEffect;
}

const REPORT_BUG = 'If the sender and the text are set, report this as a bug in the node.';

export const SMSBOX_CODES: Record<number, SmsBoxCode> = {
	101: {
		message: 'Invalid phone number',
		explanation:
			'SMSBox refused the whole request because a recipient number is invalid, without saying which; nothing in it was sent. Check the numbers, or lower "Batch Size" to find the one it refuses.',
		effect: 'refused',
	},
	102: {
		message: 'Insufficient balance',
		explanation:
			'The SMSBox balance is too low for this request; nothing in it was sent. Top up the account, then send the rejected recipients again.',
		effect: 'refused',
	},
	103: {
		message: 'Network timeout',
		explanation:
			'SMSBox reported a network timeout, so it is not known whether the messages were queued. Check the SMSBox portal before sending them again.',
		effect: 'ambiguous',
	},
	104: {
		message: 'Please provide all required parameters',
		explanation: `SMSBox says a required field is missing. ${REPORT_BUG}`,
		effect: 'refused',
	},
	105: {
		message: 'Account not found',
		explanation:
			'SMSBox found no account for these credentials. Check the API key and secret in the credential.',
		effect: 'stopsRun',
	},
	106: {
		message: 'No route mapping to your account',
		explanation:
			'SMSBox has no sending route set up for this account. Ask SMSBox support to map a route to it.',
		effect: 'stopsRun',
	},
	107: {
		message: 'No authorization headers',
		explanation:
			'The request reached SMSBox without credentials. Check that the SMSBox credential has an API key and an API secret.',
		effect: 'stopsRun',
	},
	108: {
		message: 'Invalid token',
		explanation:
			'SMSBox refused the authorization header. Check the API key and secret in the credential.',
		effect: 'stopsRun',
	},
	109: {
		message: 'Invalid Message',
		explanation: 'SMSBox found the message invalid or empty. Check the text.',
		effect: 'refused',
	},
	110: {
		message: 'Message contains special characters',
		explanation:
			'SMSBox accepts plain GSM-7 text only (no Unicode). Remove emoji and other special characters, or set "Encoding" to "Replace Look-Alikes".',
		effect: 'refused',
	},
	111: {
		message: 'Invalid Sender ID',
		explanation:
			'This sender name is not active or not registered on the SMSBox account. Pick an approved sender name (the Manage Sender Names node lists them), or request one.',
		effect: 'refused',
	},
	112: {
		message: 'The message cannot be scheduled for a date/time in the past',
		explanation:
			'The schedule time is in the past (SMSBox reads it in GMT+0, to the minute), so nothing in this request was sent. Choose a later time.',
		effect: 'refused',
	},
	113: {
		message: 'Invalid request format',
		explanation: `SMSBox could not read the request body. ${REPORT_BUG}`,
		effect: 'refused',
	},
	114: {
		message: 'Recipients exceed the Limit of 1000',
		explanation: 'SMSBox takes at most 1000 recipients per request. Lower "Batch Size".',
		effect: 'refused',
	},
	115: {
		message: 'Destination Number is Missing',
		explanation: `SMSBox found no destination number in the request. ${REPORT_BUG}`,
		effect: 'refused',
	},
	116: {
		message: 'Missing/Invalid Reference Id',
		explanation:
			'SMSBox asked for a reference id, which its send documentation does not describe. Contact SMSBox support about this account.',
		effect: 'refused',
	},
	117: {
		message: 'Invalid Scheduled Time',
		explanation:
			'SMSBox could not read the schedule time (YYYY-MM-DD HH:MM, GMT+0), so nothing in this request was sent. Check the "Schedule Time" option.',
		effect: 'refused',
	},
	118: {
		message: 'Missing encoding type',
		explanation: `SMSBox supports encoding 0 only and found none. ${REPORT_BUG}`,
		effect: 'refused',
	},
	119: {
		message: 'Missing recipient(s) tag',
		explanation: `SMSBox found no recipients in the request. ${REPORT_BUG}`,
		effect: 'refused',
	},
	120: {
		message: 'Invalid Authentication Parameters',
		explanation: 'SMSBox refused the API key or secret. Check both in the SMSBox credential.',
		effect: 'stopsRun',
	},
	121: {
		message: 'Invalid Senderid',
		explanation:
			'A sender name has at most 11 characters: letters, digits, space, "-" and "." only. Use an approved sender name.',
		effect: 'refused',
	},
	122: {
		message: 'Duplicate senderid',
		explanation: 'This sender name already exists on SMSBox. Choose another one.',
		effect: 'refused',
	},
	123: {
		message: 'Invalid template_id',
		explanation: 'SMSBox found no template with this id.',
		effect: 'refused',
	},
	124: {
		message: 'Sender name sample content limit',
		explanation: 'The sample content of a sender name request may have at most 170 characters.',
		effect: 'refused',
	},
};

/** The parts of any SMSBox reply: `{status, code, message, data}`, `{data:{code,message}}` (409) or `{error}` (400). */
export interface SmsBoxReply {
	status: boolean | undefined;
	code: number | undefined;
	message: string | undefined;
	data: unknown;
}

export function readSmsBoxReply(body: unknown): SmsBoxReply {
	const object = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const wrapped = (
		typeof object.data === 'object' && object.data !== null && !Array.isArray(object.data)
			? object.data
			: {}
	) as Record<string, unknown>;
	let code = toNumber(object.code) ?? toNumber(wrapped.code);
	const message =
		text(object.message) ??
		text(wrapped.message) ??
		text(object.error) ??
		(typeof body === 'string' ? text(body) : undefined);
	// The missing-auth reply has no code: HTTP 400 {"error":"No authorization headers"}; the table calls it 107.
	if (code === undefined && /no authori[sz]ation headers?/i.test(message ?? '')) code = 107;
	const status =
		object.status === true || object.status === 'true'
			? true
			: object.status === false || object.status === 'false'
				? false
				: undefined;
	return { status, code, message, data: object.data };
}

/** The error for a code, keeping SMSBox's own words; undefined effect when the code is not documented. */
export function smsBoxError(
	reply: SmsBoxReply,
	httpStatus: number,
	body: unknown,
): { error: GatewayErrorInfo; effect: SmsBoxEffect | undefined } {
	const known = reply.code !== undefined ? SMSBOX_CODES[reply.code] : undefined;
	if (known) {
		return {
			error: errorInfo(reply.code!, reply.message ?? known.message, known.explanation),
			effect: known.effect,
		};
	}
	const words = reply.message ?? excerpt(body);
	return {
		error: errorInfo(
			reply.code ?? httpStatus,
			words,
			`SMSBox refused the request (HTTP ${httpStatus}${reply.code !== undefined ? `, code ${reply.code}` : ''}) with a reply its documentation does not list: "${words}".`,
		),
		effect: undefined,
	};
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

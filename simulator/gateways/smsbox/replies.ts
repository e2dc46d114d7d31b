/**
 * SMSBox reply bodies (docs/gateways/smsbox.md#error-codes). Errors are {"code":N,"message":"..."}; SMSBox's documentation shows the
 * HTTP status only for 111 (400), 120 (401) and 121/122/124 (409, wrapped in "data").
 * inferred for the rest: 400 for every validation error (docs/gateways/smsbox.md#error-codes).
 */
import type { SimReply } from '../../core/http-io';
import { jsonReply } from '../../core/http-io';

export const SMSBOX_MESSAGES = {
	101: 'Invalid phone number',
	102: 'Insufficient balance',
	104: 'Please provide all required parameters',
	105: 'Account not found',
	106: 'No route mapping to your account',
	107: 'No authorization headers',
	108: 'Invalid token',
	109: 'Invalid Message',
	110: 'Message contains special characters',
	// The send sample's wording; the code table says "Invalid Sender ID".
	111: 'Invalid Sender Id',
	112: 'The message cannot be scheduled for a date/time in the past',
	113: 'Invalid request format',
	114: 'Recipients exceed the Limit of 1000',
	115: 'Destination Number is Missing',
	116: 'Missing/Invalid Reference Id',
	117: 'Invalid Scheduled Time',
	118: 'Missing encoding type',
	119: 'Missing recipient(s) tag',
	121: 'Sender Name Should Not Exceed 11 Characters and can have only numbers, letters and the following special characters . - and space',
	122: 'Senderid exist, please try another one',
	123: 'Invalid template_id',
	124: 'Sender Name sample content should not exceed 170 characters',
} as const;

export type SmsboxCode = keyof typeof SMSBOX_MESSAGES;

export function isSmsboxCode(code: number): code is SmsboxCode {
	return Object.prototype.hasOwnProperty.call(SMSBOX_MESSAGES, code);
}

export function smsboxError(code: SmsboxCode, status = 400): SimReply {
	return jsonReply(status, { code, message: SMSBOX_MESSAGES[code] });
}

/** Sender-name errors: HTTP 409 with the error wrapped in `data` (docs/gateways/smsbox.md#sender-names). */
export function senderNameConflict(
	code: 121 | 122 | 124,
	message: string = SMSBOX_MESSAGES[code],
): SimReply {
	return jsonReply(409, { data: { code, message } });
}

export function smsboxOk(message: string, data: unknown): SimReply {
	return jsonReply(200, { status: true, code: 200, message, data });
}

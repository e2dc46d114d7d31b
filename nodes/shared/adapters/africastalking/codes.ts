import { errorInfo } from '../../core/errors';
import type { GatewayErrorInfo } from '../../core/types';

/** Per-recipient status codes of a send reply (docs/gateways/africastalking.md#send-reply-and-status-codes). 100–102 mean accepted. */
export const ACCEPTED_CODES = new Set([100, 101, 102]);

const EXPLANATIONS: Record<number, [string, string]> = {
	401: [
		'RiskHold',
		"Africa's Talking held the message for a risk review. Contact their support to release the account.",
	],
	402: [
		'InvalidSenderId',
		'The sender ID or short code is not registered on this Africa\'s Talking account. Use an approved one, or leave "From" empty.',
	],
	403: [
		'InvalidPhoneNumber',
		"Africa's Talking says the number is not a valid phone number. Check it and its country code.",
	],
	404: [
		'UnsupportedNumberType',
		'This kind of number (for example a landline) cannot receive SMS through this route.',
	],
	405: [
		'InsufficientBalance',
		"The Africa's Talking account has run out of credit. Top it up, then send the rejected recipients again.",
	],
	406: [
		'UserInBlacklist',
		'The recipient has opted out of messages from this sender (blacklisted). Do not send to them again.',
	],
	407: [
		'CouldNotRoute',
		"Africa's Talking has no route to this number's network. Contact their support.",
	],
	409: [
		'DoNotDisturbRejection',
		"Rejected under Nigeria's Do-Not-Disturb rules (promotional sender outside the allowed hours).",
	],
	500: [
		'InternalServerError',
		"Africa's Talking had an internal error for this recipient; it was not sent. Try again later.",
	],
	501: [
		'GatewayError',
		"Africa's Talking's operator gateway failed for this recipient; it was not sent. Try again later.",
	],
	502: [
		'RejectedByGateway',
		"The operator's gateway rejected the message. Check the text and sender ID.",
	],
};

export function recipientError(statusCode: number, status: string | undefined): GatewayErrorInfo {
	const known = EXPLANATIONS[statusCode];
	const name = status || known?.[0] || 'Rejected';
	return errorInfo(
		statusCode,
		name,
		known?.[1] ?? `Africa's Talking refused this recipient (${name}).`,
	);
}

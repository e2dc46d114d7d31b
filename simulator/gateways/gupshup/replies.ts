/**
 * Gupshup SMS API v1 reply bodies. Only the success body is documented (docs/gateways/gupshup.md#sending);
 * the error body shape and statuses are a gap (docs/gateways/gupshup.md#errors), so this inferred shape is used:
 * {"status":"error","code":8004,"error":"INVALID_PHONE_NUMBER","message":"<documented description>"}
 * with HTTP 400, except SERVER_ERROR (8005) which is 500/503.
 */
import type { SimReply } from '../../core/http-io';
import { jsonReply } from '../../core/http-io';

export const GUPSHUP_ERRORS = {
	8001: ['NOT_WHITELISTED_COUNTRY', 'The country you have selected is not currently activated'],
	8002: ['INSUFFICIENT_WALLET_BALANCE', 'You do not have sufficient funds to proceed'],
	8003: ['SENT_FAILED', 'Message sent failure'],
	8004: ['INVALID_PHONE_NUMBER', 'Please enter valid phone number'],
	8005: [
		'SERVER_ERROR',
		'The server encountered an internal error and was unable to complete your request',
	],
	8006: ['USER_NOT_OPTED_IN', 'The entered phone number is not opted in'],
	8007: ['TEMPLATE_MATCHING_FAILED', 'The template Id does not match with the entered sender ID'],
	8008: ['INVALID_SENDER_ID', 'Please enter valid Sender ID'],
	8009: ['DISABLED_COUNTRY', 'The recipient country is in a disabled state'],
	8010: ['TEMPLATE_DISABLED', 'The selected template is in a disabled state'],
	8011: ['BAD_REQUEST', 'You have sent a request this server could not understand'],
	8012: ['NOT_FOUND', 'Template/Sender ID not found'],
	8013: ['HEADER_DISABLED', 'The selected Sender ID is in a disabled state'],
	8014: ['COUNTRY_NOT_FOUND', 'The selected country is currently not available'],
} as const;

export function isGupshupErrorCode(code: number): code is GupshupErrorCode {
	return Object.prototype.hasOwnProperty.call(GUPSHUP_ERRORS, code);
}

export type GupshupErrorCode = keyof typeof GUPSHUP_ERRORS;

export function gupshupError(code: GupshupErrorCode, details?: string, status = 400): SimReply {
	const [error, message] = GUPSHUP_ERRORS[code];
	return jsonReply(status, {
		status: 'error',
		code,
		error,
		message,
		...(details ? { details } : {}),
	});
}

/**
 * inferred (docs/gateways/gupshup.md#errors): the v1 SMS API's answer to a bad key is undocumented. Chosen: 401 with the body
 * Gupshup's other APIs give, so a client must handle a non-2xx JSON error.
 */
export function authenticationFailed(): SimReply {
	return jsonReply(401, { status: 'error', message: 'Authentication Failed' });
}

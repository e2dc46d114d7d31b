/**
 * How the SMSBox endpoints other than send_sms fail (balance aside): every reply carries SMSBox's
 * `{status, code, message, data}` envelope, and only `code: 200` means done (docs/gateways/smsbox.md#error-codes,
 * docs/gateways/smsbox.md#scheduled-messages). The HTTP status alone is not enough: change_sms_info says "not found" with HTTP 200.
 */
import { GatewayError } from '../../core/errors';
import type { HttpReply } from '../../core/types';
import { retryableRefusal } from '../common';
import { clock } from '../../helpers/clock';
import type { SmsBoxReply } from './codes';
import { readSmsBoxReply, smsBoxError } from './codes';

export function isSmsBoxSuccess(reply: HttpReply, read: SmsBoxReply): boolean {
	return (
		reply.statusCode >= 200 && reply.statusCode < 300 && read.code === 200 && read.status !== false
	);
}

/**
 * The error for a reply that is not a success, keeping SMSBox's own code and words. `explanations`
 * replaces the generic explanation of a code where the endpoint gives it another meaning (code 121
 * says "use an approved name" when sending, "choose another name" when requesting one).
 */
export function smsBoxRefusal(
	reply: HttpReply,
	explanations: Partial<Record<number, string>> = {},
): GatewayError {
	const retry = retryableRefusal(reply, 'SMSBox', clock.now());
	if (retry?.kind === 'retry') return new GatewayError(retry.error, reply.statusCode);
	const read = readSmsBoxReply(reply.body);
	const { error } = smsBoxError(read, reply.statusCode, reply.body);
	const specific = read.code !== undefined ? explanations[read.code] : undefined;
	return new GatewayError(specific ? { ...error, explanation: specific } : error, reply.statusCode);
}

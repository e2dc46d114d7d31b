/**
 * SMSBox's `source_addr` (docs/gateways/smsbox.md#sender-names): a sender name of at most 11 characters (letters, digits,
 * space, "-" and ".", code 121), or a mobile number in international format with no leading "+".
 * It must be active on the account (code 111), which only SMSBox can tell.
 */
import { errorInfo } from '../../core/errors';
import type { GatewayErrorInfo } from '../../core/types';

const SENDER_NAME = /^[A-Za-z0-9 .-]{1,11}$/;
const SENDER_NUMBER = /^\+?[1-9][0-9]{5,14}$/;

/** What to send as `source_addr`: a number loses its "+" ("No leading + sign"). */
export function sourceAddr(sender: string): string {
	const trimmed = sender.trim();
	return SENDER_NUMBER.test(trimmed) ? trimmed.replace(/^\+/, '') : trimmed;
}

export function checkSender(sender: string | undefined): GatewayErrorInfo | undefined {
	const trimmed = (sender ?? '').trim();
	if (trimmed === '') {
		return errorInfo(
			'SENDER_REQUIRED',
			'SMSBox needs a sender name',
			'Set "From" to one of the sender names approved on your SMSBox account (the Manage Sender Names node lists them).',
		);
	}
	if (SENDER_NUMBER.test(trimmed) || SENDER_NAME.test(trimmed)) return undefined;
	return errorInfo(
		'SENDER_INVALID',
		`"${trimmed}" cannot be an SMSBox sender`,
		'A sender name has at most 11 characters (letters, digits, space, "-" and "."); a sender number is written in international format. Use an approved sender name.',
	);
}

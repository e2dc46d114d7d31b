/**
 * What DHIS2's refusals of `POST /api/sms/outbound` mean (docs/gateways/dhis2.md#webmessage-replies). A failed send is
 * a 500 WebMessage whose `message` is DHIS2's own text (SmsMessageSender) or the short text of the
 * gateway's HTTP status (SmsGateway, GatewayResponse); the text is the only way to tell them apart.
 */
import type { BatchOutcome } from '../../core/adapter';
import { errorInfo } from '../../core/errors';

const SETTINGS = 'DHIS2 → Mobile Configuration (SMS Service) → Gateway Configuration';

/** No gateway to send with: every request of the run gets the same answer. */
const NO_GATEWAY = new Set([
	'no default gateway configured',
	'no gateway configuration found',
	'no gateway is set to default',
]);

/**
 * The default gateway's HTTP status, as DHIS2 reports it. Each one says the gateway refused the
 * message, so DHIS2 did not send it (it also stores the OutboundSms as FAILED).
 */
const GATEWAY_FAILURES: Record<string, string> = {
	failed:
		'The SMS gateway DHIS2 uses answered with an error, so the message was not sent. Check that gateway and its account.',
	'bad request':
		'The SMS gateway DHIS2 uses refused the request as invalid. Check its configuration in DHIS2.',
	unauthorized:
		"The SMS gateway DHIS2 uses refused DHIS2's credentials for it (not yours). Fix that gateway's username, password or token in DHIS2.",
	'authentication failed':
		"The SMS gateway DHIS2 uses refused DHIS2's credentials for it (not yours). Fix that gateway's username, password or token in DHIS2.",
	'payment required':
		'The account of the SMS gateway DHIS2 uses has run out of credit. Top it up, then send again.',
	forbidden:
		'The SMS gateway DHIS2 uses refused the request (HTTP 403). Check the permissions of that gateway account.',
	'not found': "The SMS gateway DHIS2 uses answered 404. Check that gateway's URL in DHIS2.",
	'method not allowed':
		"The SMS gateway DHIS2 uses does not accept DHIS2's request method. Check that gateway's settings in DHIS2.",
	gone: 'The SMS gateway DHIS2 uses says a number is blocked (HTTP 410).',
	'service unavailable':
		'The SMS gateway DHIS2 uses is temporarily unavailable, so the message was not sent. Send it again later.',
	// The rest of the RESULT_CODE table of DHIS2's SMS document (docs/gateways/dhis2.md#sending): the short texts
	// of its GatewayResponse values, which DHIS2 reports as the `message` of a failed send.
	'internal fatal error':
		'The SMS gateway DHIS2 uses reported an internal fatal error (RESULT_CODE_22), so the message was not sent. Try again later; if it persists, contact that provider.',
	'authentication failure':
		"The SMS gateway DHIS2 uses refused DHIS2's credentials for it (RESULT_CODE_23; not yours). Fix that gateway's username, password or token in DHIS2.",
	'data validation failed':
		'The SMS gateway DHIS2 uses found the parameters of the request incorrect (RESULT_CODE_24). Check the numbers, the text and the gateway configuration in DHIS2.',
	'insufficient credits':
		'The account of the SMS gateway DHIS2 uses does not have enough credit to send this message (RESULT_CODE_25). Top it up, then send again.',
	'upstream credits not available':
		'The SMS gateway DHIS2 uses has no credit with its own upstream provider (RESULT_CODE_26). Contact that provider; sending again will not help until it is fixed.',
	'exceeded your daily quota':
		'The account of the SMS gateway DHIS2 uses has used up its daily quota (RESULT_CODE_27). Send again tomorrow, or ask the provider to raise the quota.',
	'temporarily unavailable':
		'The SMS gateway DHIS2 uses is temporarily down (RESULT_CODE_40), so the message was not sent. Send it again later.',
	'maximum batch size exceeded':
		'The SMS gateway DHIS2 uses refused the request as too big a batch (RESULT_CODE_201). Send fewer recipients per request (Batch Size).',
	'too many requests':
		'The SMS gateway DHIS2 uses is rate limiting (RESULT_CODE_429), so the message was not sent. Send it again later, more slowly.',
};

/**
 * DHIS2 maps a gateway 500 *and any exception* (such as a read timeout after the gateway got the
 * request) to this text (SmsGateway.send catches Exception → 500): the gateway may have sent it.
 */
const MAYBE_SENT = 'internal server exception';

/** RESULT_CODE_207: some messages of the request were accepted, some not; DHIS2 does not say which. */
const MULTI_STATUS = 'multi-status';

/** The outcome of a 500 WebMessage from the send endpoint. */
export function serverRefusal(message: string): BatchOutcome {
	const text = message.trim().toLowerCase();
	if (NO_GATEWAY.has(text)) {
		return {
			kind: 'refused',
			stopsRun: true,
			error: errorInfo(
				'NO_GATEWAY',
				message,
				`DHIS2 has no default SMS gateway, so it sends nothing. Add a gateway and make it the default in ${SETTINGS}, or with the DHIS2 SMS Gateways node ("Set Default").`,
			),
		};
	}
	if (text === 'sms text message is too long') {
		return {
			kind: 'refused',
			stopsRun: false,
			error: errorInfo(
				'TEXT_TOO_LONG',
				message,
				`The text is longer than this DHIS2 server allows (the gateway's "max SMS length", else the system setting, 1071 characters by default). Shorten it, or raise the limit in ${SETTINGS}.`,
			),
		};
	}
	if (text === 'no recipient') {
		return {
			kind: 'refused',
			stopsRun: false,
			error: errorInfo(
				'NO_RECIPIENT',
				message,
				'DHIS2 received no recipient in the request. Report this as a bug in the node.',
			),
		};
	}
	const failure = GATEWAY_FAILURES[text];
	if (failure) {
		return {
			kind: 'refused',
			stopsRun: false,
			error: errorInfo('GATEWAY_FAILED', message, `${failure} (${SETTINGS}.)`),
		};
	}
	if (text === MULTI_STATUS) {
		return {
			kind: 'ambiguous',
			error: errorInfo(
				'GATEWAY_MULTI_STATUS',
				message,
				"The SMS gateway DHIS2 uses accepted some messages of the request and not others (RESULT_CODE_207), and DHIS2 does not say which. Check DHIS2's outbound SMS list before sending any of them again.",
			),
		};
	}
	const maybeSent = text === MAYBE_SENT;
	return {
		kind: 'ambiguous',
		error: errorInfo(
			maybeSent ? 'GATEWAY_EXCEPTION' : 500,
			message || 'HTTP 500',
			maybeSent
				? "DHIS2 lost its connection to the SMS gateway or the gateway failed, so it is not known whether the message was sent. Check DHIS2's outbound SMS list (status SENT or FAILED) before sending it again."
				: "DHIS2 answered with an error this node does not know, so it is not known whether the message was sent. Check DHIS2's outbound SMS list before sending it again.",
		),
	};
}

/** A refused login: wrong credentials, a locked or disabled account, or a malformed token. */
export function authRefusal(statusCode: number, message: string): BatchOutcome {
	return {
		kind: 'refused',
		stopsRun: true,
		error: errorInfo(
			statusCode,
			message || 'Unauthorized',
			'DHIS2 refused the username and password or the access token. Check the DHIS2 credential ("Account locked" clears after a while; "Account disabled" needs an administrator; a token needs DHIS2 2.37 or later).',
		),
	};
}

export function authorityRefusal(message: string): BatchOutcome {
	return {
		kind: 'refused',
		stopsRun: true,
		error: errorInfo(
			403,
			message || 'Access is denied',
			'The DHIS2 user has no right to send SMS. Give one of its user roles the "F_MOBILE_SENDSMS" authority (Send SMS), or use another user.',
		),
	};
}

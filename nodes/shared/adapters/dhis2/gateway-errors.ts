/**
 * DHIS2's refusals of `/api/gateways` (docs/gateways/dhis2.md#webmessage-replies): a WebMessage whose `message` is
 * DHIS2's own text, kept as the error message, with an explanation of what to do.
 */
import { errorInfo, GatewayError } from '../../core/errors';
import type { HttpReply } from '../../core/types';
import { retryableRefusal } from '../common';
import { clock } from '../../helpers/clock';
import { excerpt } from '../../helpers/excerpt';
import { authRefusal } from './codes';
import { readWebMessage } from './web-message';

const SETTINGS = 'DHIS2 → Mobile Configuration (SMS Service) → Gateway Configuration';

/** Texts of SmsGatewayController that need their own explanation. */
const KNOWN_CONFLICTS: Record<string, string> = {
	'default gateway already exists':
		'Another gateway is the default and DHIS2 keeps only one. Leave "Is Default" off here and use the "Set Default" operation to switch the default.',
	'type of an existing configuration cannot be changed':
		'A gateway keeps the type it was created with. Choose the type it has, or create a new gateway of the other type (and delete this one).',
};

export function gatewayAdminRefusal(reply: HttpReply, id?: string): GatewayError {
	const retry = retryableRefusal(reply, 'DHIS2', clock.now());
	if (retry?.kind === 'retry') return new GatewayError(retry.error, reply.statusCode);
	const { statusCode, body } = reply;
	const web = readWebMessage(body);
	const words = web?.message ?? '';

	if (statusCode === 401 || (statusCode === 400 && /api token|checksum/i.test(words))) {
		const refused = authRefusal(statusCode, words);
		if (refused.kind === 'refused') return new GatewayError(refused.error, statusCode);
	}
	if (statusCode === 403) {
		return new GatewayError(
			errorInfo(
				403,
				words || 'Access is denied',
				'The DHIS2 user may not manage SMS gateways. Give one of its user roles the "F_MOBILE_SENDSMS" authority, or use another user.',
			),
			403,
		);
	}
	if (statusCode === 404 && id !== undefined && /could not be found/i.test(words)) {
		return new GatewayError(
			errorInfo(
				404,
				words,
				`DHIS2 has no SMS gateway with the ID "${id}". List the gateways to find its ID; it may have been deleted.`,
			),
			404,
		);
	}
	if (statusCode === 404 || statusCode === 405) {
		return new GatewayError(
			errorInfo(
				statusCode,
				words || `HTTP ${statusCode}`,
				'This server has no /api/gateways endpoint as DHIS2 2.35 and later have it. Check the Server URL (with its context path); a DHIS2 older than 2.35 must be configured in its own user interface.',
			),
			statusCode,
		);
	}
	const known = KNOWN_CONFLICTS[words.trim().toLowerCase()];
	if (web && statusCode >= 400) {
		return new GatewayError(
			errorInfo(
				statusCode,
				words || `HTTP ${statusCode}`,
				known ??
					`DHIS2 refused the gateway configuration (HTTP ${statusCode}): ${words}. Check the fields, or compare with ${SETTINGS}.`,
			),
			statusCode,
		);
	}
	return new GatewayError(
		errorInfo(
			statusCode >= 200 && statusCode < 300 ? 'UNREADABLE_REPLY' : statusCode,
			`Unexpected reply from DHIS2 (HTTP ${statusCode}): ${excerpt(body)}`,
			'DHIS2 did not answer as expected. An HTML page here often means a login page: check the Server URL and the credential.',
		),
		statusCode,
	);
}

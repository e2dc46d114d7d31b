/**
 * Reads a Custom HTTP Gateway's answer to a send by the profile's rules, with the never-send-twice
 * meaning the named gateways use (core/adapter.ts):
 * - a status in "Statuses Safe to Send Again" (429, 503 by default): nothing taken, retry;
 * - a success status whose body says success (JSON value or text prefix): accepted, or per recipient
 *   when a results array is configured; a success status whose JSON value says otherwise: refused;
 * - 401 and 403: refused, and the run stops (every other request would be refused too);
 * - any other 4xx: refused;
 * - anything else (5xx, a body that cannot be read): ambiguous, so the recipients are `unknown`.
 */
import type { BatchOutcome, RecipientOutcome } from '../../core/adapter';
import { errorInfo } from '../../core/errors';
import type { GatewayErrorInfo, HttpReply, OutgoingMessage } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { parseRetryAfter } from '../../helpers/retry-after';
import { header } from '../common';
import { readPath, scalarText } from './json-path';
import type { Profile } from './profile';

export function readSendReply(
	profile: Profile,
	reply: HttpReply,
	messages: OutgoingMessage[],
	nowMs: number,
): BatchOutcome {
	const rules = profile.reply;
	const { statusCode, body } = reply;
	if (rules.retryStatuses.has(statusCode)) {
		return {
			kind: 'retry',
			reason: `${profile.name}: HTTP ${statusCode}`,
			retryAfterMs: parseRetryAfter(header(reply, 'retry-after'), nowMs),
			error: errorInfo(
				statusCode,
				`${profile.name} answered HTTP ${statusCode}${gatewayWords(profile, body)}`,
				'The gateway asked to come back later and took nothing. Lower "Max Concurrency" or try again later.',
			),
		};
	}
	if (rules.successStatuses.has(statusCode)) return readSuccess(profile, reply, messages);
	if (statusCode === 401 || statusCode === 403) {
		return {
			kind: 'refused',
			stopsRun: true,
			error: errorInfo(
				statusCode,
				`${profile.name} refused the credentials (HTTP ${statusCode})${gatewayWords(profile, body)}`,
				'Check the authentication and confidential parameters of the Custom HTTP Gateway credential.',
			),
		};
	}
	if (statusCode >= 400 && statusCode < 500) {
		return { kind: 'refused', stopsRun: false, error: refusal(profile, statusCode, body) };
	}
	return ambiguous(profile, statusCode, body);
}

function readSuccess(
	profile: Profile,
	reply: HttpReply,
	messages: OutgoingMessage[],
): BatchOutcome {
	const rules = profile.reply;
	const { statusCode, body } = reply;
	if (rules.successTextPrefixes.length > 0) {
		const replyText = typeof body === 'string' ? body.trim() : undefined;
		if (
			replyText === undefined ||
			!rules.successTextPrefixes.some((prefix) => replyText.startsWith(prefix))
		) {
			return ambiguous(profile, statusCode, body);
		}
	}
	if (rules.successPath !== '') {
		const value = scalarText(readPath(body, rules.successPath));
		if (value === undefined) return ambiguous(profile, statusCode, body);
		if (value !== rules.successValue) {
			return { kind: 'refused', stopsRun: false, error: refusal(profile, statusCode, body) };
		}
	}
	if (rules.resultsPath !== '') return readResults(profile, statusCode, body, messages);
	const messageId =
		rules.messageIdPath === '' ? null : (scalarText(readPath(body, rules.messageIdPath)) ?? null);
	return {
		kind: 'answered',
		outcomes: messages.map((message) => accepted(message, messageId, statusCode)),
	};
}

function readResults(
	profile: Profile,
	statusCode: number,
	body: unknown,
	messages: OutgoingMessage[],
): BatchOutcome {
	const rules = profile.reply;
	const rows = readPath(body, rules.resultsPath);
	if (!Array.isArray(rows)) return ambiguous(profile, statusCode, body);
	if (rows.length === 0) {
		// An answer that lists no recipient at all accepted none of them (Africa's Talking's
		// `InvalidSenderId` comes as 201 with an empty list).
		return { kind: 'refused', stopsRun: false, error: refusal(profile, statusCode, body) };
	}
	const outcomes: RecipientOutcome[] = [];
	const byNumber = rules.resultNumberPath !== '';
	if (!byNumber && rows.length !== messages.length) {
		return { kind: 'answered', outcomes: [] };
	}
	const waiting = new Map<string, OutgoingMessage[]>();
	for (const message of messages) {
		const key = digits(message.e164);
		waiting.set(key, [...(waiting.get(key) ?? []), message]);
	}
	rows.forEach((row, index) => {
		const message = byNumber
			? waiting.get(digits(scalarText(readPath(row, rules.resultNumberPath)) ?? ''))?.shift()
			: messages[index];
		if (!message) return;
		const status = scalarText(readPath(row, rules.resultStatusPath));
		// A row without a status does not say what happened: the recipient stays unknown.
		if (status === undefined) return;
		const rowId =
			rules.resultMessageIdPath === ''
				? undefined
				: scalarText(readPath(row, rules.resultMessageIdPath));
		if (rules.resultAcceptedValues.has(status)) {
			outcomes.push({
				...accepted(message, rowId ?? null, statusCode),
				details: { gatewayStatus: status },
			});
			return;
		}
		const words =
			rules.resultErrorPath === '' ? undefined : scalarText(readPath(row, rules.resultErrorPath));
		outcomes.push({
			message,
			status: 'rejected',
			messageId: null,
			cost: null,
			currency: null,
			error: errorInfo(
				status,
				words ?? status,
				`${profile.name} refused this recipient (status ${status}${words && words !== status ? `: ${words}` : ''}).`,
			),
			details: { gatewayStatus: status },
		});
	});
	return { kind: 'answered', outcomes };
}

function accepted(
	message: OutgoingMessage,
	messageId: string | null,
	statusCode: number,
): RecipientOutcome {
	return {
		message,
		status: 'accepted',
		messageId: messageId === '' ? null : messageId,
		cost: null,
		currency: null,
		error: null,
		details: { httpStatus: statusCode },
	};
}

function digits(value: string): string {
	return value.replace(/\D/g, '');
}

/** The gateway's own words for a refusal: the error message path, else an excerpt of the reply. */
function gatewayWords(profile: Profile, body: unknown): string {
	if (body === undefined || body === null || body === '') return '';
	const path = profile.reply.errorMessagePath;
	const words = path === '' ? undefined : scalarText(readPath(body, path));
	return `: ${words ?? excerpt(body)}`;
}

function refusal(profile: Profile, statusCode: number, body: unknown): GatewayErrorInfo {
	const words = gatewayWords(profile, body);
	return errorInfo(
		statusCode,
		`${profile.name} refused the request (HTTP ${statusCode})${words}`,
		'The gateway said no and accepted nothing, so it is safe to send again once the cause is fixed.',
	);
}

function ambiguous(profile: Profile, statusCode: number, body: unknown): BatchOutcome {
	return {
		kind: 'ambiguous',
		error: errorInfo(
			statusCode >= 200 && statusCode < 300 ? 'UNREADABLE_REPLY' : statusCode,
			`Unexpected reply from ${profile.name} (HTTP ${statusCode}): ${excerpt(body)}`,
			'The reply does not say whether the messages were accepted, so they were not sent again. Check the gateway before re-sending, and check the reply fields of the Custom HTTP Gateway credential.',
		),
	};
}

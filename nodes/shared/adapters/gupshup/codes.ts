/**
 * Gupshup's SMS error codes (docs/gateways/gupshup.md#errors). Gupshup's documentation lists the codes
 * but not the body that carries them (docs/gateways/gupshup.md#errors, "body shape of an error response not
 * documented"), so the reply is read defensively: a numeric `code`/`errorCode`, or the code or its
 * name inside `message`, always keeping Gupshup's own words.
 */
import { errorInfo } from '../../core/errors';
import type { GatewayErrorInfo } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';

const COUNTRIES =
	'Gupshup SMS reaches Brazil, Mexico, Colombia, Peru and India only (Gupshup documentation, "Permitted countries").';

/** code → [name, Gupshup's documented (docs/gateways/gupshup.md#errors) description, what it means and what to do]. */
export const GUPSHUP_CODES: Record<number, [string, string, string]> = {
	8001: [
		'NOT_WHITELISTED_COUNTRY',
		'The country you have selected is not currently activated',
		`The recipient's country is not activated for this Gupshup app. Activate it in the app settings, or remove the number. ${COUNTRIES}`,
	],
	8002: [
		'INSUFFICIENT_WALLET_BALANCE',
		'You do not have sufficient funds to proceed',
		'The Gupshup wallet (USD credits) has run out. Top it up, then send the rejected recipients again.',
	],
	8003: [
		'SENT_FAILED',
		'Message sent failure',
		'Gupshup could not send this message. Try again later; if it keeps failing, contact Gupshup support with the number.',
	],
	8004: [
		'INVALID_PHONE_NUMBER',
		'Please enter valid phone number',
		'Gupshup says the number is not valid. Check the number and its country code.',
	],
	8005: [
		'SERVER_ERROR',
		'The server encountered an internal error and was unable to complete your request',
		'Gupshup had an internal error and did not send this message. Try again later.',
	],
	8006: [
		'USER_NOT_OPTED_IN',
		'The entered phone number is not opted in',
		'The recipient is not opted in. A sandbox app can only send to numbers whitelisted for it: whitelist the number in the Gupshup dashboard, or use a live app.',
	],
	8007: [
		'TEMPLATE_MATCHING_FAILED',
		'The template Id does not match with the entered sender ID',
		'In India the text must match a DLT template registered for this sender ID. Send the approved template text with its sender ID.',
	],
	8008: [
		'INVALID_SENDER_ID',
		'Please enter valid Sender ID',
		'The sender ID ("From") is not valid. India needs a DLT-registered sender ID; Brazil, Colombia, Mexico and Peru do not allow one (the operator assigns it): leave "From" empty there.',
	],
	8009: [
		'DISABLED_COUNTRY',
		'The recipient country is in a disabled state',
		"The recipient's country is disabled for this app. Enable it under Application Settings in the Gupshup dashboard.",
	],
	8010: [
		'TEMPLATE_DISABLED',
		'The selected template is in a disabled state',
		'The DLT template this text matches is disabled. Enable it again or use another approved template.',
	],
	8011: [
		'BAD_REQUEST',
		'You have sent a request this server could not understand',
		'Gupshup could not read the request. Check the App ID in the credential and the message; if both are right, report this as a bug in the node.',
	],
	8012: [
		'NOT_FOUND',
		'Template/Sender ID not found',
		'Gupshup found no template or sender ID matching this message. Check "From" and the DLT template registered for it.',
	],
	8013: [
		'HEADER_DISABLED',
		'The selected Sender ID is in a disabled state',
		'The sender ID ("From") is disabled. Use an active sender ID.',
	],
	8014: [
		'COUNTRY_NOT_FOUND',
		'The selected country is currently not available',
		`Gupshup cannot send to this number's country. ${COUNTRIES}`,
	],
};

const CODE_BY_NAME = new Map(
	Object.entries(GUPSHUP_CODES).map(([code, [name]]) => [name, Number(code)]),
);

interface GupshupErrorBody {
	status?: unknown;
	message?: unknown;
	code?: unknown;
	errorCode?: unknown;
	error_code?: unknown;
	error?: unknown;
	details?: unknown;
}

/** What a refusal says: the gateway's words, and its 80xx code when one can be found. */
export interface GupshupRefusal {
	/** A documented 80xx code, when the reply carries one. */
	knownCode?: number;
	/** The code the reply gave, documented or not. */
	code?: string;
	/** Gupshup's own words. */
	words: string;
}

/** Reads any error body: JSON object, nested `error`, or plain text. Never throws. */
export function readGupshupRefusal(body: unknown): GupshupRefusal {
	if (typeof body === 'string') return fromWords(body.trim(), undefined);
	const object = (body ?? {}) as GupshupErrorBody;
	const nested = (
		typeof object.error === 'object' && object.error !== null ? object.error : {}
	) as GupshupErrorBody;
	const words =
		text(object.message) ??
		text(nested.message) ??
		text(object.details) ??
		text(object.error) ??
		excerpt(body);
	const rawCode = [
		object.code,
		object.errorCode,
		object.error_code,
		nested.code,
		nested.errorCode,
	].find(
		(value) =>
			(typeof value === 'number' && Number.isFinite(value)) ||
			(typeof value === 'string' && value.trim() !== ''),
	);
	return fromWords(words, rawCode === undefined ? undefined : String(rawCode).trim());
}

function fromWords(words: string, code: string | undefined): GupshupRefusal {
	const byField = code !== undefined ? codeFrom(code) : undefined;
	// A message such as "INVALID_PHONE_NUMBER(8004)" carries the code in its words.
	const knownCode = byField ?? codeFrom(words);
	return {
		knownCode,
		code: code ?? (knownCode !== undefined ? String(knownCode) : undefined),
		words,
	};
}

function codeFrom(value: string): number | undefined {
	const number = /\b(80(?:0[1-9]|1[0-4]))\b/.exec(value);
	if (number) return Number(number[1]);
	const name = /\b([A-Z]+(?:_[A-Z]+)+)\b/g;
	for (
		let match = name.exec(value), guard = 0;
		match && guard < 50;
		match = name.exec(value), guard++
	) {
		const known = CODE_BY_NAME.get(match[1]);
		if (known !== undefined) return known;
	}
	return undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The error a recipient gets for a refusal, with our explanation when the code is documented. */
export function gupshupError(refusal: GupshupRefusal, httpStatus: number): GatewayErrorInfo {
	const known = refusal.knownCode !== undefined ? GUPSHUP_CODES[refusal.knownCode] : undefined;
	if (known && refusal.knownCode !== undefined) {
		return errorInfo(refusal.knownCode, refusal.words || `${known[0]}: ${known[1]}`, known[2]);
	}
	return errorInfo(
		refusal.code ?? httpStatus,
		refusal.words,
		`Gupshup refused the message (HTTP ${httpStatus}) with a reply its documentation does not describe: "${refusal.words}". Nothing was sent.`,
	);
}

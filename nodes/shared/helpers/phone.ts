import {
	isSupportedCountry,
	isValidPhoneNumber,
	ParseError,
	parsePhoneNumberWithError,
	validatePhoneNumberLength,
} from '../vendor/libphonenumber';
import type { CountryCode, PhoneNumber } from '../vendor/libphonenumber';

// Lives in its own file (list parsing is not number parsing); re-exported where callers expect it.
export { parseRecipientList } from './recipient-list';

/** A recipient as the user gave it, either normalised to E.164 or with the reason it is not a number. */
export type PhoneResult =
	| { ok: true; input: string; e164: string; country?: string }
	| { ok: false; input: string; reason: string };

export interface NormalizeOptions {
	/** ISO 3166-1 alpha-2 code used to read local numbers such as `0711 000 001`. */
	defaultCountry?: string;
}

/** How a gateway wants the number written; each adapter picks its own. */
export type PhoneFormatStyle = 'plusE164' | 'digitsE164';

type FailedAttempt = { ok: false; phone?: PhoneNumber; code?: string };
type Attempt = { ok: true; phone: PhoneNumber } | FailedAttempt;

/** Separators people type or paste; used to decide whether a `+` may be prefixed safely. */
const DIGITS_AND_SEPARATORS = /^[0-9\s().\-/[\]]+$/;
const E164 = /^\+?([1-9][0-9]{1,14})$/;

/**
 * Reads one recipient number and returns it in E.164, or a reason that quotes the input.
 *
 * The number is first read as written (a local number in `defaultCountry`, or an
 * international one with `+` or the country's own exit code). When that is not a valid
 * number and the input is only digits, it is read again as an international number
 * without its `+`, because spreadsheets drop the `+` (`254711000001`) and `00` is the
 * exit code almost everywhere. Never throws: an invalid number is a per-recipient error.
 */
export function normalizePhoneNumber(
	input: string | number,
	options: NormalizeOptions = {},
): PhoneResult {
	const given = String(input);
	const text = given.trim();
	const country = options.defaultCountry?.trim().toUpperCase() || undefined;
	if (country !== undefined && !isSupportedCountry(country)) {
		return invalid(
			given,
			undefined,
			`the default country "${options.defaultCountry}" is not a known two-letter country code (such as KE)`,
		);
	}
	if (text === '') return invalid(given, undefined, 'it is empty');

	const asWritten = parse(text, country);
	if (asWritten.ok) return valid(given, asWritten.phone);

	const international = withoutPlusAsInternational(text);
	if (international !== undefined) {
		const asInternational = parse(international, undefined);
		if (asInternational.ok) return valid(given, asInternational.phone);
		// Without a default country the international reading is the only one that means anything.
		if (country === undefined)
			return explainFailure(given, asInternational, undefined, international);
	}
	return explainFailure(given, asWritten, country, text);
}

/** Writes an E.164 number the way a gateway wants it: `+254711000001` or `254711000001`. */
export function formatPhoneNumber(e164: string, style: PhoneFormatStyle): string {
	const match = E164.exec(e164);
	if (match === null) throw new Error(`"${e164}" is not an E.164 phone number`);
	return style === 'plusE164' ? `+${match[1]}` : match[1];
}

/** True when `code` is a two-letter country code libphonenumber knows, so the node can check it once. */
export function isKnownCountry(code: string): boolean {
	return isSupportedCountry(code.trim().toUpperCase());
}

function parse(text: string, country: CountryCode | undefined): Attempt {
	try {
		// extract: false so that "call +254..." or "+254711000001x" is refused, not silently trimmed.
		const phone = parsePhoneNumberWithError(text, { defaultCountry: country, extract: false });
		if (phone.ext !== undefined) return { ok: false, phone, code: 'HAS_EXTENSION' };
		return phone.isValid() ? { ok: true, phone } : { ok: false, phone };
	} catch (error) {
		return { ok: false, code: error instanceof ParseError ? error.message : undefined };
	}
}

/** `254711000001` -> `+254711000001`, `00254711000001` -> `+254711000001`; undefined when a `+` cannot be right. */
function withoutPlusAsInternational(text: string): string | undefined {
	if (!DIGITS_AND_SEPARATORS.test(text)) return undefined;
	const digits = text.replace(/[^0-9]/g, '');
	const afterExitCode = digits.startsWith('00') ? digits.slice(2) : digits;
	// A single leading 0 is a trunk prefix: no country calling code starts with 0.
	if (afterExitCode === '' || afterExitCode.startsWith('0')) return undefined;
	return `+${afterExitCode}`;
}

function valid(input: string, phone: PhoneNumber): PhoneResult {
	return phone.country === undefined
		? { ok: true, input, e164: phone.number }
		: { ok: true, input, e164: phone.number, country: phone.country };
}

function invalid(input: string, where: string | undefined, detail: string): PhoneResult {
	const place = where === undefined ? '' : ` for ${where}`;
	return { ok: false, input, reason: `"${input}" is not a valid phone number${place}: ${detail}` };
}

function explainFailure(
	input: string,
	attempt: FailedAttempt,
	country: CountryCode | undefined,
	textTried: string,
): PhoneResult {
	const where = attempt.phone
		? (attempt.phone.country ?? `+${attempt.phone.countryCallingCode}`)
		: textTried.startsWith('+')
			? undefined
			: country;
	switch (attempt.code) {
		case 'HAS_EXTENSION':
			return invalid(
				input,
				where,
				`it has an extension (${attempt.phone?.ext}), which an SMS cannot reach`,
			);
		case 'NOT_A_NUMBER':
			return invalid(
				input,
				undefined,
				'it does not look like one (only digits, spaces, - . ( ) and a leading + are allowed)',
			);
		case 'INVALID_COUNTRY':
			return textTried.startsWith('+')
				? invalid(input, undefined, 'its country calling code is not known')
				: invalid(
						input,
						undefined,
						'it has no country code: write it with + and the country code, or set a default country',
					);
		case 'TOO_SHORT':
			return invalid(input, where, 'too short');
		case 'TOO_LONG':
			return invalid(input, where, 'too long');
	}
	if (attempt.phone === undefined)
		return invalid(input, where, 'it could not be read as a phone number');
	return invalid(input, where, describeInvalidNumber(attempt.phone));
}

/**
 * Says why a parsed number is not valid. libphonenumber accepts lengths that some
 * number type of the country may have, so a mobile number with a digit missing is
 * "possible" but invalid; trying one more or one fewer digit names the likely mistake.
 * Bounded: at most 11 extra validations, only on the failure path.
 */
function describeInvalidNumber(phone: PhoneNumber): string {
	const prefix = `+${phone.countryCallingCode}`;
	const national = phone.nationalNumber;
	const lengthProblem = validatePhoneNumberLength(`${prefix}${national}`);
	if (lengthProblem === 'TOO_SHORT') return 'too short';
	if (lengthProblem === 'TOO_LONG') return 'too long';
	if (lengthProblem === 'INVALID_LENGTH') return 'it has the wrong number of digits';
	for (const digit of '0123456789') {
		if (isValidPhoneNumber(`${prefix}${national}${digit}`))
			return 'too short (a digit seems to be missing)';
	}
	if (national.length > 1 && isValidPhoneNumber(`${prefix}${national.slice(0, -1)}`)) {
		return 'too long (it has one digit too many)';
	}
	return 'no number there has this prefix and this many digits';
}

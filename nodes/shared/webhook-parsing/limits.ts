/**
 * Bounds on what a callback may contain. Real gateway callbacks are a few hundred bytes (seed
 * payloads: Africa's Talking form fields, Gupshup's four-field event, SMSBox's small JSON), so
 * these limits are generous for them and small enough that a hostile sender cannot make the
 * trigger do much work.
 */

/** Largest raw body accepted (64 KiB: a concatenated SMS of 255 parts is under 40 KB of text). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Deepest JSON nesting accepted (SMSBox nests two levels, Gupshup's inbound three). */
export const MAX_JSON_DEPTH = 8;

/** Most keys, all levels together, in a JSON body or form. */
export const MAX_FIELDS = 200;

/** Identifiers (message ids, link ids, transaction ids). */
export const MAX_ID_LENGTH = 256;

/** Phone numbers, short codes, sender ids, keywords, status words. */
export const MAX_SHORT_LENGTH = 64;

/** Timestamps as text. */
export const MAX_DATE_LENGTH = 64;

/**
 * Keys that reach Object.prototype when assigned: a payload carrying them is refused, so no part
 * of the trigger or the workflow can be tricked by them.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype',
]);

/**
 * Also catches the bracket and dot paths (`__proto__[x]`, `a.constructor.prototype`) that qs-style
 * parsers downstream would expand into the same keys.
 */
export function isForbiddenKey(key: string): boolean {
	return key.split(/[[\].]/).some((segment) => FORBIDDEN_KEYS.has(segment));
}

import { gsmSeptets } from './gsm-alphabet';

export interface LookAlikeReplacement {
	from: string;
	to: string;
	count: number;
}

export interface LookAlikeResult {
	text: string;
	/** One entry per distinct character replaced, in order of first appearance. */
	replacements: LookAlikeReplacement[];
}

/**
 * Stand-ins that Unicode normalisation does not find. Word processors and phones
 * produce the typographic forms (curly quotes, dashes, ellipsis, invisible spaces), and
 * one of them is enough to turn a text into UCS-2, which halves the part size and which
 * some gateways refuse outright (SMSBox code 110, docs/sms-encoding.md#gsm-7-and-ucs-2).
 */
const EXPLICIT_STAND_INS: ReadonlyMap<string, string> = new Map([
	// Quotes and apostrophes. The backtick is the one printable ASCII character GSM-7 lacks.
	...pairs('\u2018\u2019\u201A\u201B\u2032\u2035\u00B4`\u02BC\u2039\u203A', "'"),
	...pairs('\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB', '"'),
	// Hyphens, dashes and the minus sign.
	...pairs('\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043', '-'),
	['\u2026', '...'],
	// Bullets and the middle dot.
	...pairs('\u2022\u2023\u25E6\u2219\u00B7\u25AA\u25CF', '-'),
	['\u00D7', 'x'],
	// Invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen, direction marks.
	...pairs('\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F', ''),
	// Line and paragraph separators, next line; GSM-7 has LF. Tab has no GSM-7 form.
	...pairs('\u2028\u2029\u0085', '\n'),
	['\t', ' '],
	// GSM-7 has the capital Ç but not ç (docs/sms-encoding.md#gsm-7-and-ucs-2): the capital keeps the cedilla.
	['ç', 'Ç'],
	// Letters without a Unicode decomposition, including those of West African orthographies.
	['Ð', 'D'],
	['ð', 'd'],
	['Đ', 'D'],
	['đ', 'd'],
	['Ɖ', 'D'],
	['ɖ', 'd'],
	['Ɗ', 'D'],
	['ɗ', 'd'],
	['Ɓ', 'B'],
	['ɓ', 'b'],
	['Ƙ', 'K'],
	['ƙ', 'k'],
	['Ƴ', 'Y'],
	['ƴ', 'y'],
	['Ɛ', 'E'],
	['ɛ', 'e'],
	['Ɔ', 'O'],
	['ɔ', 'o'],
	['Ŋ', 'N'],
	['ŋ', 'n'],
	['Ʋ', 'V'],
	['ʋ', 'v'],
	['Ƒ', 'F'],
	['ƒ', 'f'],
	['Ɩ', 'I'],
	['ɩ', 'i'],
	['Ħ', 'H'],
	['ħ', 'h'],
	['ı', 'i'],
	['ĸ', 'k'],
	['Ŀ', 'L'],
	['ŀ', 'l'],
	['Ł', 'L'],
	['ł', 'l'],
	['ŉ', "'n"],
	['Œ', 'OE'],
	['œ', 'oe'],
	['Ŧ', 'T'],
	['ŧ', 't'],
	['Þ', 'Th'],
	['þ', 'th'],
]);

const SPACE_SEPARATOR = /^\p{Zs}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Replaces characters outside GSM-7 by a GSM-7 stand-in that reads the same, so a
 * text stays GSM-7: `’` -> `'`, `–` -> `-`, `…` -> `...`, `á` -> `a`, `ç` -> `Ç`.
 *
 * Characters already in GSM-7 are never touched (é è ù ì ò Ä Ö Ñ Ü ß É …), and
 * characters with no sensible stand-in (emoji, Greek small letters, Arabic…) are
 * kept, so the caller still sees UCS-2 and can decide. Letters and digits with accents
 * or compatibility forms (`á`, `ô`, `ǅ`, fullwidth `３`) lose the mark via NFKD.
 */
export function replaceLookAlikes(text: string): LookAlikeResult {
	const counts = new Map<string, LookAlikeReplacement>();
	let output = '';
	for (const character of text) {
		const standIn = gsmSeptets(character) === undefined ? findStandIn(character) : undefined;
		if (standIn === undefined) {
			output += character;
			continue;
		}
		output += standIn;
		const seen = counts.get(character);
		if (seen) seen.count += 1;
		else counts.set(character, { from: character, to: standIn, count: 1 });
	}
	return { text: output, replacements: [...counts.values()] };
}

function findStandIn(character: string): string | undefined {
	const explicit = EXPLICIT_STAND_INS.get(character);
	if (explicit !== undefined) return explicit;
	if (SPACE_SEPARATOR.test(character)) return ' ';
	// Symbols are left alone: NFKD turns `½` into `1⁄2` and `¨` into a bare space.
	if (!LETTER_OR_DIGIT.test(character)) return undefined;
	const decomposed = character.normalize('NFKD').replace(COMBINING_MARKS, '');
	if (decomposed === '' || decomposed === character) return undefined;
	for (const part of decomposed) {
		if (gsmSeptets(part) === undefined) return undefined;
	}
	return decomposed;
}

function pairs(characters: string, standIn: string): Array<[string, string]> {
	return [...characters].map((character) => [character, standIn]);
}

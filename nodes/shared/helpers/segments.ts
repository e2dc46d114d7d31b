import { gsmSeptets } from './gsm-alphabet';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface TextAnalysis {
	encoding: SmsEncoding;
	/** Septets for GSM-7 (extension characters count 2); UTF-16 code units for UCS-2 (emoji count 2). */
	length: number;
	/** Parts the text is sent in; 0 for an empty text. */
	segments: number;
	/** Capacity of each part: the single-part size, or the smaller size once the text is split. */
	perSegment: number;
	/** Distinct characters, in order of first appearance, that forced UCS-2. */
	nonGsmCharacters: string[];
}

/**
 * Part sizes (docs/sms-encoding.md#gsm-7-and-ucs-2): 140 octets hold 160 septets or 70 UCS-2
 * units; a concatenated part loses 6 octets to the UDH, leaving 153 or 67.
 */
export const SEGMENT_SIZES: Readonly<
	Record<SmsEncoding, { single: number; concatenated: number }>
> = {
	'GSM-7': { single: 160, concatenated: 153 },
	'UCS-2': { single: 70, concatenated: 67 },
};

/**
 * Encoding, length and number of parts of an SMS text, as a phone would send it.
 *
 * One character outside GSM-7 switches the whole text to UCS-2. Parts are counted by
 * walking the text, because an ESC+char pair or a surrogate pair is never split across
 * two parts (the practice of sms-segments-calculator, docs/sms-encoding.md#gsm-7-and-ucs-2): a long text can
 * need one part more than `ceil(length / 153)` says.
 */
export function analyzeText(text: string): TextAnalysis {
	const nonGsmCharacters = findNonGsmCharacters(text);
	const encoding: SmsEncoding = nonGsmCharacters.length === 0 ? 'GSM-7' : 'UCS-2';
	const sizes = SEGMENT_SIZES[encoding];
	const unitsOf =
		encoding === 'GSM-7'
			? (character: string) => gsmSeptets(character) ?? 1
			: (character: string) => character.length;

	let length = 0;
	let partsIfSplit = 1;
	let usedInPart = 0;
	// for..of walks code points, so a surrogate pair arrives as one 2-unit character.
	for (const character of text) {
		const units = unitsOf(character);
		length += units;
		if (usedInPart + units > sizes.concatenated) {
			partsIfSplit += 1;
			usedInPart = 0;
		}
		usedInPart += units;
	}

	const fitsInOne = length <= sizes.single;
	return {
		encoding,
		length,
		segments: length === 0 ? 0 : fitsInOne ? 1 : partsIfSplit,
		perSegment: fitsInOne ? sizes.single : sizes.concatenated,
		nonGsmCharacters,
	};
}

/**
 * Length in UTF-16 code units, what Java's `String.length()` returns. Some gateways
 * limit that rather than septets: DHIS2 compares it with `keySmsMaxLength`, default
 * 1071 (docs/sms-encoding.md#gateway-limits).
 */
export function characterCount(text: string): number {
	return text.length;
}

function findNonGsmCharacters(text: string): string[] {
	const found = new Set<string>();
	for (const character of text) {
		if (gsmSeptets(character) === undefined) found.add(character);
	}
	return [...found];
}

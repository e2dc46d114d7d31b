import {
	GSM_BASIC_CHARACTERS,
	GSM_EXTENSION_CHARACTERS,
	gsmSeptets,
	isGsmText,
} from '../../../nodes/shared/helpers/gsm-alphabet';
import { analyzeText, characterCount } from '../../../nodes/shared/helpers/segments';

const EMOJI = '\u{1F600}'; // 😀, outside the BMP: a surrogate pair

describe('GSM 03.38 alphabet', () => {
	it('has the 127 basic characters (128 positions minus ESC) and the 10 extension characters', () => {
		expect(GSM_BASIC_CHARACTERS).toHaveLength(127);
		expect(GSM_EXTENSION_CHARACTERS).toHaveLength(10);
		expect(GSM_EXTENSION_CHARACTERS).toEqual(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);
	});

	it('covers printable ASCII except the backtick, with [ \\ ] ^ { } ~ | in the extension', () => {
		for (let code = 0x20; code <= 0x7e; code += 1) {
			const character = String.fromCharCode(code);
			const expected = character === '`' ? undefined : '[\\]^{}~|'.includes(character) ? 2 : 1;
			expect([character, gsmSeptets(character)]).toEqual([character, expected]);
		}
	});

	it('has Ç but not ç, and the accented letters of the table', () => {
		expect(gsmSeptets('Ç')).toBe(1);
		expect(gsmSeptets('ç')).toBeUndefined();
		expect(isGsmText('éèùìòÄÖÑÜßÉÅåÆæØøäöñüà¿¡§£¥¤ΔΦΓΛΩΠΨΣΘΞ\n\r')).toBe(true);
		expect(isGsmText('á')).toBe(false);
	});
});

describe('analyzeText', () => {
	it('reports an empty text as 0 parts of GSM-7', () => {
		expect(analyzeText('')).toEqual({
			encoding: 'GSM-7',
			length: 0,
			segments: 0,
			perSegment: 160,
			nonGsmCharacters: [],
		});
	});

	it('fits 160 GSM-7 characters in one part and splits 161 into 153 + 8', () => {
		expect(analyzeText('a'.repeat(160))).toEqual({
			encoding: 'GSM-7',
			length: 160,
			segments: 1,
			perSegment: 160,
			nonGsmCharacters: [],
		});
		expect(analyzeText('a'.repeat(161))).toMatchObject({
			length: 161,
			segments: 2,
			perSegment: 153,
		});
		expect(analyzeText('a'.repeat(306))).toMatchObject({ segments: 2 });
		expect(analyzeText('a'.repeat(307))).toMatchObject({ segments: 3 });
	});

	it('counts extension characters as 2 septets', () => {
		expect(analyzeText('€')).toMatchObject({ encoding: 'GSM-7', length: 2, segments: 1 });
		expect(analyzeText('{}[]~^|\\\f€')).toMatchObject({ encoding: 'GSM-7', length: 20 });
		expect(analyzeText('€'.repeat(80))).toMatchObject({ length: 160, segments: 1 });
		expect(analyzeText('a' + '€'.repeat(80))).toMatchObject({ length: 161, segments: 2 });
	});

	it('never splits an ESC + char pair across parts', () => {
		// 152 septets, then € (2): 154 would overflow the 153 of part one, so € opens part two.
		const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
		const analysis = analyzeText(text);
		expect(analysis.length).toBe(306);
		// ceil(306 / 153) says 2; walking the text needs 3: 152 | 2 + 151 | 1.
		expect(analysis.segments).toBe(3);
		// With the pair one septet earlier it fits exactly: 151 + 2 | 153.
		expect(analyzeText('a'.repeat(151) + '€' + 'a'.repeat(153)).segments).toBe(2);
	});

	it('switches the whole text to UCS-2 for one non-GSM character, listing each such character once', () => {
		expect(analyzeText('Hello ç ça ‘x’')).toEqual({
			encoding: 'UCS-2',
			length: 14,
			segments: 1,
			perSegment: 70,
			nonGsmCharacters: ['ç', '‘', '’'],
		});
	});

	it('treats the backtick as outside GSM-7', () => {
		expect(analyzeText('`')).toMatchObject({
			encoding: 'UCS-2',
			length: 1,
			nonGsmCharacters: ['`'],
		});
	});

	it('counts UCS-2 text in UTF-16 units: 70 fit in one part, 71 need 67 + 4', () => {
		expect(analyzeText('ç'.repeat(70))).toMatchObject({
			encoding: 'UCS-2',
			length: 70,
			segments: 1,
			perSegment: 70,
		});
		expect(analyzeText('ç'.repeat(71))).toMatchObject({ length: 71, segments: 2, perSegment: 67 });
		expect(analyzeText('ç'.repeat(134))).toMatchObject({ segments: 2 });
		expect(analyzeText('ç'.repeat(135))).toMatchObject({ segments: 3 });
	});

	it('counts an emoji as 2 units and keeps GSM extension characters at 1 unit once in UCS-2', () => {
		expect(analyzeText(EMOJI)).toEqual({
			encoding: 'UCS-2',
			length: 2,
			segments: 1,
			perSegment: 70,
			nonGsmCharacters: [EMOJI],
		});
		expect(analyzeText(EMOJI.repeat(35))).toMatchObject({ length: 70, segments: 1 });
		expect(analyzeText('a' + EMOJI.repeat(35))).toMatchObject({ length: 71, segments: 2 });
		expect(analyzeText('€' + EMOJI)).toMatchObject({ encoding: 'UCS-2', length: 3 });
	});

	it('never splits a surrogate pair across parts', () => {
		// 66 units, then an emoji (2): 68 would overflow the 67 of part one: 66 | 2 + 65 | 1.
		const text = 'ç'.repeat(66) + EMOJI + 'ç'.repeat(66);
		expect(analyzeText(text)).toMatchObject({ length: 134, segments: 3 });
		// One unit earlier the pair fits exactly: 65 + 2 | 67.
		expect(analyzeText('ç'.repeat(65) + EMOJI + 'ç'.repeat(67)).segments).toBe(2);
	});

	it('counts a lone surrogate as one unit', () => {
		expect(analyzeText('\uD83D')).toMatchObject({ encoding: 'UCS-2', length: 1, segments: 1 });
	});
});

describe('characterCount', () => {
	it('counts UTF-16 code units, as Java String.length() does', () => {
		expect(characterCount('')).toBe(0);
		expect(characterCount('€')).toBe(1);
		expect(characterCount(EMOJI)).toBe(2);
		expect(characterCount('a'.repeat(1071))).toBe(1071);
	});
});

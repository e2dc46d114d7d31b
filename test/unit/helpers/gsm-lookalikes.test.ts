import {
	GSM_BASIC_CHARACTERS,
	GSM_EXTENSION_CHARACTERS,
	isGsmText,
} from '../../../nodes/shared/helpers/gsm-alphabet';
import { replaceLookAlikes } from '../../../nodes/shared/helpers/gsm-lookalikes';
import { analyzeText } from '../../../nodes/shared/helpers/segments';

describe('replaceLookAlikes', () => {
	it.each([
		['‘single’ ‚low‛', "'single' 'low'"],
		['“double” „low‟ «guillemets»', '"double" "low" "guillemets"'],
		['en – em — minus −', 'en - em - minus -'],
		['wait…', 'wait...'],
		['non\u00A0breaking\u2009thin\u202Fnarrow\u3000wide', 'non breaking thin narrow wide'],
		['• item\n· item', '- item\n- item'],
		['zero\u200Bwidth\uFEFF\u200Djoin\u00ADsoft', 'zerowidthjoinsoft'],
		['`code`', "'code'"],
		['ça', 'Ça'],
		['á í ó ú ê ô â ã õ ï ë', 'a i o u e o a a o i e'],
		['ÁÍÓÚÊÔÈ', 'AIOUEOE'],
		['Łódź Œuvre đ', 'Lodz OEuvre d'],
		['Ɛ ɛ Ɔ ɔ Ŋ ŋ ɓ ɗ ƙ ƴ ʋ ɩ', 'E e O o N n b d k y v i'],
		['ｆｕｌｌ３', 'full3'],
		['tab\there', 'tab here'],
	])('%j -> %j', (input, expected) => {
		expect(replaceLookAlikes(input).text).toBe(expected);
	});

	it('reports each replaced character once with its count, in order of first appearance', () => {
		expect(replaceLookAlikes('It’s “ça” – it’s…').replacements).toEqual([
			{ from: '’', to: "'", count: 2 },
			{ from: '“', to: '"', count: 1 },
			{ from: 'ç', to: 'Ç', count: 1 },
			{ from: '”', to: '"', count: 1 },
			{ from: '–', to: '-', count: 1 },
			{ from: '…', to: '...', count: 1 },
		]);
	});

	it('leaves GSM-7 text untouched, extension characters included', () => {
		const gsmText = [...GSM_BASIC_CHARACTERS, ...GSM_EXTENSION_CHARACTERS].join('');
		expect(replaceLookAlikes(gsmText)).toEqual({ text: gsmText, replacements: [] });
		expect(replaceLookAlikes('éèùìòÇÄÖÑÜßÉ €5 {x}').text).toBe('éèùìòÇÄÖÑÜßÉ €5 {x}');
	});

	it('keeps characters that have no stand-in, so the text stays UCS-2 and the caller can decide', () => {
		const result = replaceLookAlikes('Hi 😀 ½ © ά ع');
		expect(result).toEqual({ text: 'Hi 😀 ½ © ά ع', replacements: [] });
		expect(analyzeText(result.text).encoding).toBe('UCS-2');
	});

	it('turns a text of look-alikes only into GSM-7', () => {
		const text = 'It’s “ça”… – ‘ok’ • café à São Paulo, Kraków, naïve `x`\u00A0\u200B ɛ ɔ';
		expect(analyzeText(text).encoding).toBe('UCS-2');
		const replaced = replaceLookAlikes(text).text;
		expect(analyzeText(replaced)).toMatchObject({ encoding: 'GSM-7', nonGsmCharacters: [] });
	});

	it('gives a GSM-7 stand-in for every letter of Latin-1 and Latin Extended-A', () => {
		const missing: string[] = [];
		for (let code = 0x00c0; code <= 0x017f; code += 1) {
			const letter = String.fromCharCode(code);
			if (code === 0xd7 || code === 0xf7) continue; // × and ÷ are symbols, not letters
			const replaced = replaceLookAlikes(letter).text;
			if (!isGsmText(replaced)) missing.push(letter);
		}
		expect(missing).toEqual([]);
	});

	it('maps every look-alike in the explicit table to GSM-7', () => {
		const table =
			'‘’‚‛′‵´`ʼ‹›“”„‟″‶«»‐‑‒–—―−⁃…•‣◦∙·▪●×\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u2028\u2029\u0085\tç';
		for (const character of table) {
			const { text, replacements } = replaceLookAlikes(character);
			expect([character, isGsmText(text), replacements.length]).toEqual([character, true, 1]);
		}
	});
});

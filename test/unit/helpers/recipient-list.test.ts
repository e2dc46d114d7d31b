import { parseRecipientList } from '../../../nodes/shared/helpers/phone';

describe('parseRecipientList', () => {
	it('takes one number as a string or a JS number', () => {
		expect(parseRecipientList('+254711000001')).toEqual(['+254711000001']);
		expect(parseRecipientList(254711000001)).toEqual(['254711000001']);
	});

	it('keeps the spaces inside a number: only commas, semicolons and new lines separate', () => {
		expect(parseRecipientList('0711 000 001')).toEqual(['0711 000 001']);
	});

	it('splits on commas, semicolons and new lines, trimming and dropping blanks', () => {
		expect(
			parseRecipientList(' +254711000001, 0722 000 002 ;0733-000-003\n\n0711000004\r\n, ;'),
		).toEqual(['+254711000001', '0722 000 002', '0733-000-003', '0711000004']);
	});

	it('flattens arrays of strings, numbers and lists, skipping null and undefined', () => {
		expect(
			parseRecipientList([
				'+254711000001',
				254722000002,
				' ',
				null,
				undefined,
				'0733000003; 0744000004',
			]),
		).toEqual(['+254711000001', '254722000002', '0733000003', '0744000004']);
		expect(parseRecipientList([['+254711000001'], [['0722000002']]])).toEqual([
			'+254711000001',
			'0722000002',
		]);
	});

	it('keeps duplicates and order: deduplication is a separate option', () => {
		expect(parseRecipientList('0711000001,0711000001,0722000002')).toEqual([
			'0711000001',
			'0711000001',
			'0722000002',
		]);
	});

	it('gives an empty list for nothing', () => {
		expect(parseRecipientList(undefined)).toEqual([]);
		expect(parseRecipientList(null)).toEqual([]);
		expect(parseRecipientList('')).toEqual([]);
		expect(parseRecipientList(' , ;\n')).toEqual([]);
		expect(parseRecipientList([])).toEqual([]);
	});

	it('refuses values that cannot hold phone numbers, naming what it got', () => {
		expect(() => parseRecipientList({ phone: '+254711000001' })).toThrow(
			new TypeError(
				'Recipients must be a phone number, a list separated by commas, semicolons or new lines, or an array of those; got an object',
			),
		);
		expect(() => parseRecipientList(true)).toThrow(/got a boolean$/);
		expect(() => parseRecipientList([{ to: '1' }])).toThrow(/got an object$/);
		expect(() => parseRecipientList(Number.NaN)).toThrow(
			'Recipients must be phone numbers; got the number NaN',
		);
	});

	it('stops on a cyclic or absurdly nested array instead of looping', () => {
		const cyclic: unknown[] = ['+254711000001'];
		cyclic.push(cyclic);
		expect(() => parseRecipientList(cyclic)).toThrow(
			'Recipients are nested too deeply: give a flat list of numbers',
		);
	});
});

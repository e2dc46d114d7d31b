import {
	formatPhoneNumber,
	isKnownCountry,
	normalizePhoneNumber,
} from '../../../nodes/shared/helpers/phone';

describe('normalizePhoneNumber', () => {
	describe('accepts the ways people write a valid number', () => {
		it.each([
			['+254711000001', undefined],
			['+254 711 000 001', undefined],
			['+254-711-000-001', undefined],
			['+254 (711) 000.001', undefined],
			['+(254) 711-000-001', undefined],
			['00254711000001', undefined],
			['00 254 711 000 001', undefined],
			['254711000001', undefined],
			['  +254711000001  ', undefined],
			['0711 000 001', 'KE'],
			['0711-000-001', 'KE'],
			['(0711) 000 001', 'KE'],
			['0711.000.001', 'KE'],
			['711000001', 'KE'],
			['254711000001', 'KE'],
			['00254711000001', 'KE'],
			['0711 000 001', 'ke'],
		])('%j (default country %s) -> +254711000001', (input, defaultCountry) => {
			expect(normalizePhoneNumber(input, { defaultCountry })).toEqual({
				ok: true,
				input,
				e164: '+254711000001',
				country: 'KE',
			});
		});

		it.each([
			['+255 712 345 678', undefined, '+255712345678', 'TZ'],
			['0612 345 678', 'TZ', '+255612345678', 'TZ'],
			['+226 70 12 34 56', undefined, '+22670123456', 'BF'],
			['70 12 34 56', 'BF', '+22670123456', 'BF'],
			['98765 43210', 'IN', '+919876543210', 'IN'],
			['+91 98765-43210', undefined, '+919876543210', 'IN'],
			['+55 11 91234-5678', undefined, '+5511912345678', 'BR'],
			['(11) 91234-5678', 'BR', '+5511912345678', 'BR'],
		])('%j (default %s) -> %s in %s', (input, defaultCountry, e164, country) => {
			expect(normalizePhoneNumber(input, { defaultCountry })).toEqual({
				ok: true,
				input,
				e164,
				country,
			});
		});
	});

	it('reads a number that a sheet gave as a JS number, without its +', () => {
		expect(normalizePhoneNumber(254711000001)).toEqual({
			ok: true,
			input: '254711000001',
			e164: '+254711000001',
			country: 'KE',
		});
	});

	it('reads digits as international when they are not a valid national number of the default country', () => {
		// Not a Kenyan national number, but +255 712 345 678 is a Tanzanian mobile.
		expect(normalizePhoneNumber('255712345678', { defaultCountry: 'KE' })).toMatchObject({
			ok: true,
			e164: '+255712345678',
			country: 'TZ',
		});
		expect(normalizePhoneNumber(255712345678, { defaultCountry: 'KE' })).toMatchObject({
			ok: true,
			e164: '+255712345678',
		});
	});

	it('prefers the national reading when the digits are valid in the default country', () => {
		// 0711 000 001 is valid both in Kenya and in Tanzania: the default country decides.
		expect(normalizePhoneNumber('0711000001', { defaultCountry: 'TZ' })).toMatchObject({
			e164: '+255711000001',
		});
		expect(normalizePhoneNumber('0711000001', { defaultCountry: 'KE' })).toMatchObject({
			e164: '+254711000001',
		});
	});

	it('leaves country out for numbers that belong to no country', () => {
		const result = normalizePhoneNumber('+800 1234 5678');
		expect(result).toEqual({ ok: true, input: '+800 1234 5678', e164: '+80012345678' });
	});

	describe('explains an invalid number, quoting the input', () => {
		it.each([
			[
				'0711 000 00',
				'KE',
				'"0711 000 00" is not a valid phone number for KE: too short (a digit seems to be missing)',
			],
			[
				'+254 711 000 0011',
				undefined,
				'"+254 711 000 0011" is not a valid phone number for KE: too long (it has one digit too many)',
			],
			[
				'0711 000 001',
				undefined,
				'"0711 000 001" is not a valid phone number: it has no country code: write it with + and the country code, or set a default country',
			],
			[
				'+999 123 456',
				undefined,
				'"+999 123 456" is not a valid phone number: its country calling code is not known',
			],
			[
				'hello',
				'KE',
				'"hello" is not a valid phone number: it does not look like one (only digits, spaces, - . ( ) and a leading + are allowed)',
			],
			[
				'call +254711000001',
				undefined,
				'"call +254711000001" is not a valid phone number: it does not look like one (only digits, spaces, - . ( ) and a leading + are allowed)',
			],
			// The metadata has no Kenyan number of 9 national digits starting with 8: right length, wrong prefix.
			[
				'0811 000 001',
				'KE',
				'"0811 000 001" is not a valid phone number for KE: no number there has this prefix and this many digits',
			],
			[
				'+1 555 555 5555',
				undefined,
				'"+1 555 555 5555" is not a valid phone number for +1: no number there has this prefix and this many digits',
			],
			['+254', undefined, '"+254" is not a valid phone number: too short'],
			['12', 'KE', '"12" is not a valid phone number for KE: too short'],
			['', 'KE', '"" is not a valid phone number: it is empty'],
			['   ', undefined, '"   " is not a valid phone number: it is empty'],
			[
				'+254 711 000 001 ext. 12',
				undefined,
				'"+254 711 000 001 ext. 12" is not a valid phone number for KE: it has an extension (12), which an SMS cannot reach',
			],
		])('%j (default %s)', (input, defaultCountry, reason) => {
			expect(normalizePhoneNumber(input, { defaultCountry })).toEqual({ ok: false, input, reason });
		});

		it('refuses an unknown default country for every number, naming it', () => {
			expect(normalizePhoneNumber('0711000001', { defaultCountry: 'XX' })).toEqual({
				ok: false,
				input: '0711000001',
				reason:
					'"0711000001" is not a valid phone number: the default country "XX" is not a known two-letter country code (such as KE)',
			});
		});
	});

	it('never throws, whatever the input', () => {
		for (const input of [
			'+',
			'++254711000001',
			'()',
			'0'.repeat(40),
			'\u0000',
			'+254711000001;0711',
			'٠٧١١',
		]) {
			expect(() => normalizePhoneNumber(input, { defaultCountry: 'KE' })).not.toThrow();
			expect(normalizePhoneNumber(input, { defaultCountry: 'KE' }).ok).toBe(false);
		}
	});
});

describe('formatPhoneNumber', () => {
	it('writes +E.164 or bare digits', () => {
		expect(formatPhoneNumber('+254711000001', 'plusE164')).toBe('+254711000001');
		expect(formatPhoneNumber('+254711000001', 'digitsE164')).toBe('254711000001');
	});

	it('accepts the digits form as input too', () => {
		expect(formatPhoneNumber('254711000001', 'plusE164')).toBe('+254711000001');
	});

	it('refuses anything that is not E.164', () => {
		expect(() => formatPhoneNumber('0711 000 001', 'plusE164')).toThrow(
			'"0711 000 001" is not an E.164 phone number',
		);
		expect(() => formatPhoneNumber('+2547110000011111', 'digitsE164')).toThrow(/not an E\.164/);
		expect(() => formatPhoneNumber('', 'digitsE164')).toThrow(/not an E\.164/);
	});

	it('round-trips with normalizePhoneNumber', () => {
		const result = normalizePhoneNumber('(11) 91234-5678', { defaultCountry: 'BR' });
		if (!result.ok) throw new Error(result.reason);
		expect(formatPhoneNumber(result.e164, 'digitsE164')).toBe('5511912345678');
	});
});

describe('isKnownCountry', () => {
	it('knows ISO codes in any case and refuses the rest', () => {
		expect(isKnownCountry('KE')).toBe(true);
		expect(isKnownCountry(' bf ')).toBe(true);
		expect(isKnownCountry('XX')).toBe(false);
		expect(isKnownCountry('Kenya')).toBe(false);
	});
});

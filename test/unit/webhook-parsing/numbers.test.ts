import { internationalNumber } from '../../../nodes/shared/webhook-parsing/numbers';

describe('internationalNumber', () => {
	it.each([
		['255701000000', '+255701000000'],
		['5535121332829', '+5535121332829'],
		['+254711000111', '+254711000111'],
		[' +254 711-000-111 ', '+254711000111'],
		['12345', '12345'],
		['+254711XXXYYY', '+254711XXXYYY'],
		['MyBrand', 'MyBrand'],
		['1234567890123456', '1234567890123456'],
	])('%p → %p', (input, output) => {
		expect(internationalNumber(input)).toBe(output);
	});
});

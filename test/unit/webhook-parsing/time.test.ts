import { isoFromEpoch, isoFromTimestamp } from '../../../nodes/shared/webhook-parsing/time';

describe('isoFromTimestamp', () => {
	it.each([
		// Gupshup `ts` (docs/gateways/gupshup.md#delivery-events): epoch milliseconds as text.
		['1633074677239', '2021-10-01T07:51:17.239Z'],
		[1633074677239, '2021-10-01T07:51:17.239Z'],
		// Seconds.
		['1633074677', '2021-10-01T07:51:17.000Z'],
		// Africa's Talking two-way sample (docs/gateways/africastalking.md#incoming-messages), read as UTC.
		['2026-03-04 10:30:00', '2026-03-04T10:30:00.000Z'],
		['2018-03-19T08:34:18.445Z', '2018-03-19T08:34:18.445Z'],
		['2026-03-04T10:30:00+03:00', '2026-03-04T07:30:00.000Z'],
		['2026-03-04T10:30', '2026-03-04T10:30:00.000Z'],
		// DHIS2 (docs/gateways/dhis2.md#inbound-messages) and the simulator's Java-style date.
		['2016-05-01', '2016-05-01T00:00:00.000Z'],
		['2026-11-22T09:15:00.123', '2026-11-22T09:15:00.123Z'],
		// SMSBox `timeUTC` (docs/gateways/smsbox.md#two-way-callback).
		['Wed, 14 Jun 2017 07:00:00 GMT', '2017-06-14T07:00:00.000Z'],
	])('%p → %s', (value, iso) => {
		expect(isoFromTimestamp(value)).toBe(iso);
	});

	it.each([
		undefined,
		null,
		'',
		'yesterday',
		'2026-02-31',
		'2026-13-01 10:00:00',
		'2026-03-04 25:00:00',
		'14/06/2017',
		'99999999999999999',
		'-1633074677239',
		Number.NaN,
		Number.POSITIVE_INFINITY,
		-5,
		1e20,
		{},
		['1633074677239'],
		'1'.repeat(100),
	])('%p → undefined', (value) => {
		expect(isoFromTimestamp(value)).toBeUndefined();
	});
});

describe('isoFromEpoch', () => {
	it('reads ten digits as seconds and more as milliseconds', () => {
		expect(isoFromEpoch(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(isoFromEpoch(99999999999)).toBe('5138-11-16T09:46:39.000Z');
		expect(isoFromEpoch(100000000000)).toBe('1973-03-03T09:46:40.000Z');
	});
});

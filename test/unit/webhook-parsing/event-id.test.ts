import { dhis2StyleUid } from '../../../nodes/shared/adapters/dhis2/uid';
import { eventId } from '../../../nodes/shared/webhook-parsing/event-id';

describe('eventId', () => {
	it('is stable, prefixed by the gateway and a sha256 in hex', () => {
		const id = eventId('africasTalking', 'deliveryReport', ['ATXid_1', 'Success', '0']);
		expect(id).toBe(eventId('africasTalking', 'deliveryReport', ['ATXid_1', 'Success', '0']));
		expect(id).toMatch(/^africasTalking:[0-9a-f]{64}$/);
	});

	it('changes with any identifying field, the kind and the gateway', () => {
		const base = eventId('gupshup', 'deliveryReport', ['m', 'sent', '1']);
		expect(eventId('gupshup', 'deliveryReport', ['m', 'delivered', '1'])).not.toBe(base);
		expect(eventId('gupshup', 'deliveryReport', ['m', 'sent', '2'])).not.toBe(base);
		expect(eventId('gupshup', 'inbound', ['m', 'sent', '1'])).not.toBe(base);
		expect(eventId('smsBox', 'deliveryReport', ['m', 'sent', '1'])).not.toBe(base);
	});

	it('cannot be forged by moving text between fields', () => {
		expect(eventId('dhis2', 'inbound', ['ab', 'c'])).not.toBe(
			eventId('dhis2', 'inbound', ['a', 'bc']),
		);
		expect(eventId('dhis2', 'inbound', ['a', null])).not.toBe(
			eventId('dhis2', 'inbound', ['a', 'null']),
		);
		expect(eventId('dhis2', 'inbound', ['a', undefined])).toBe(
			eventId('dhis2', 'inbound', ['a', null]),
		);
	});
});

describe('dhis2StyleUid', () => {
	it('is 11 characters, a letter first, stable per seed', () => {
		const uids = Array.from({ length: 200 }, (_, i) => dhis2StyleUid(`seed-${i}`));
		for (const uid of uids) expect(uid).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
		expect(new Set(uids).size).toBe(200);
		expect(dhis2StyleUid('seed-7')).toBe(uids[7]);
	});
});

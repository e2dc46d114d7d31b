import { smsBoxWebhooks } from '../../../nodes/shared/adapters/smsbox/webhooks';
import { parse, parsedEvent, RECEIVED_AT, refusal } from './parse-helpers';
import { SMSBOX_CALLBACK } from '../../fixtures/seed-payloads';

const smsBox = (body: string) => parse(smsBoxWebhooks, body, 'application/json');
const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('SMSBox two-way callbacks', () => {
	it('reads the seed callback and acknowledges with the same transaction_id', () => {
		const result = smsBox(SMSBOX_CALLBACK);
		expect(result.ok && result.ack).toEqual({
			status: 200,
			contentType: 'application/json; charset=utf-8',
			body: '{"transaction_id":"120a1039103910","successful":true}',
		});
		expect(parsedEvent(result)).toEqual({
			eventType: 'inbound',
			eventId: expect.stringMatching(/^smsBox:[0-9a-f]{64}$/),
			gateway: 'smsBox',
			from: '+255701000000',
			to: '+255701000001',
			text: 'Test message',
			receivedAt: '2017-06-14T07:00:00.000Z',
			messageId: '120a1039103910',
			linkId: null,
			keyword: null,
			channel: 'sms',
			billing: { currency: 'TZS', subscriberPrice: '100.00', billingPrice: '100.00' },
			raw: JSON.parse(SMSBOX_CALLBACK),
		});
	});

	it('echoes a numeric transaction id as a number', () => {
		const body = JSON.stringify({ ...JSON.parse(SMSBOX_CALLBACK), transaction_id: 987654321 });
		const result = smsBox(body);
		expect(result.ok && result.ack.body).toBe('{"transaction_id":987654321,"successful":true}');
		expect(parsedEvent(result)).toMatchObject({ messageId: '987654321' });
	});

	it("reads the Node sample's spellings (source_addr, dest_addr, timeUtc) and a plain-text message", () => {
		const body = JSON.stringify({
			source_addr: '255701000000',
			dest_addr: '15577',
			timeUtc: 'Wed, 14 Jun 2017 07:00:00 GMT',
			transaction_id: 'abc',
			message: 'STOP',
		});
		expect(parsedEvent(smsBox(body))).toMatchObject({
			from: '+255701000000',
			to: '15577',
			text: 'STOP',
			receivedAt: '2017-06-14T07:00:00.000Z',
		});
	});

	it('gives a re-posted callback the same eventId', () => {
		expect(parsedEvent(smsBox(SMSBOX_CALLBACK)).eventId).toBe(
			parsedEvent(smsBox(SMSBOX_CALLBACK)).eventId,
		);
		const other = SMSBOX_CALLBACK.replace('120a1039103910', '120a1039103911');
		expect(parsedEvent(smsBox(other)).eventId).not.toBe(
			parsedEvent(smsBox(SMSBOX_CALLBACK)).eventId,
		);
	});

	it('uses the time of receipt when timeUTC is missing', () => {
		const body = JSON.stringify({
			from: '255701000000',
			to: '255701000001',
			transaction_id: 't',
			message: { text: 'x' },
		});
		expect(parsedEvent(smsBox(body))).toMatchObject({ receivedAt: RECEIVED_AT });
	});

	it.each([
		[{ from: '1', to: '2', message: { text: 'x' } }, 'The field "transaction_id" is missing'],
		[
			{ from: '1', to: '2', transaction_id: { id: 1 }, message: { text: 'x' } },
			'The field "transaction_id" is missing',
		],
		[{ to: '2', transaction_id: 't', message: { text: 'x' } }, 'The field "from" is missing'],
		[{ from: '1', transaction_id: 't', message: { text: 'x' } }, 'The field "to" is missing'],
		[{ from: '1', to: '2', transaction_id: 't' }, 'The field "message" is missing'],
		[{ from: '1', to: '2', transaction_id: 't', message: ['x'] }, 'The field "message" is missing'],
		[
			{ from: '1', to: '2', transaction_id: 't', message: { text: 5e400 } },
			'The field "text" is missing',
		],
		[
			{ from: '1', to: '2', transaction_id: 't', message: { media: {} } },
			'The field "text" is missing',
		],
	])('refuses %j with 400', (body, message) => {
		expect(refusal(smsBox(JSON.stringify(body)))).toEqual({ status: 400, message });
	});

	describe('API key check', () => {
		const matches = smsBoxWebhooks.accountKey!.matches;
		const credentials = { apiKey: 'sb-key', apiSecret: 'sb-secret' };

		it('accepts the api-key header or Basic key:secret', () => {
			expect(matches({ 'api-key': 'sb-key' }, credentials)).toBe(true);
			expect(matches({ authorization: basic('sb-key', 'sb-secret') }, credentials)).toBe(true);
		});

		it('refuses anything else', () => {
			expect(matches({ 'api-key': 'sb-secret' }, credentials)).toBe(false);
			expect(matches({ authorization: basic('sb-key', 'wrong') }, credentials)).toBe(false);
			expect(matches({}, credentials)).toBe(false);
			expect(matches({ 'api-key': '' }, { apiKey: '', apiSecret: '' })).toBe(false);
			expect(
				matches({ authorization: basic('sb-key', '') }, { apiKey: 'sb-key', apiSecret: '' }),
			).toBe(false);
		});
	});
});

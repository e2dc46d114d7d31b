import { dhis2Webhooks } from '../../../nodes/shared/adapters/dhis2/webhooks';
import { parse, parsedEvent, RECEIVED_AT, refusal } from './parse-helpers';
import { DHIS2_INBOUND, DHIS2_QUERY } from '../../fixtures/seed-payloads';

const WEB_MESSAGE =
	/^\{"httpStatus":"OK","httpStatusCode":200,"status":"OK","message":"Received SMS: [A-Za-z][A-Za-z0-9]{10}"\}$/;

describe('DHIS2-format inbound SMS', () => {
	it('reads the seed JSON and answers a DHIS2 WebMessage naming the message uid', () => {
		const result = parse(dhis2Webhooks, DHIS2_INBOUND, 'application/json');
		const event = parsedEvent(result);
		expect(event).toEqual({
			eventType: 'inbound',
			eventId: expect.stringMatching(/^dhis2:[0-9a-f]{64}$/),
			gateway: 'dhis2',
			from: '47XXXXXXXX',
			to: null,
			text: 'sample text',
			receivedAt: '2016-05-01T00:00:00.000Z',
			messageId: expect.stringMatching(/^[A-Za-z][A-Za-z0-9]{10}$/),
			linkId: null,
			keyword: null,
			gatewayId: 'unknown',
			// The seed's "1" is the index of ENC8BIT (Jackson reads enum indexes).
			smsEncoding: 'ENC8BIT',
			raw: JSON.parse(DHIS2_INBOUND),
		});
		expect(result.ok && result.ack.status).toBe(200);
		expect(result.ok && result.ack.body).toMatch(WEB_MESSAGE);
		expect(result.ok && result.ack.body).toBe(
			`{"httpStatus":"OK","httpStatusCode":200,"status":"OK","message":"Received SMS: ${event.eventType === 'inbound' ? event.messageId : ''}"}`,
		);
	});

	it('reads the query form, with an empty body, and the seed spelling receiveTime', () => {
		const event = parsedEvent(parse(dhis2Webhooks, '', undefined, DHIS2_QUERY));
		expect(event).toMatchObject({
			from: '47XXXXXXXX',
			text: 'text',
			receivedAt: '2016-05-01T00:00:00.000Z',
			raw: DHIS2_QUERY,
		});
		const seedSpelling = {
			originator: '+4740000000',
			message: 'hello',
			receiveTime: '2026-03-04T10:30:00Z',
		};
		expect(parsedEvent(parse(dhis2Webhooks, '', 'application/json', seedSpelling))).toMatchObject({
			from: '+4740000000',
			receivedAt: '2026-03-04T10:30:00.000Z',
		});
	});

	it('reads the same parameters from a form body', () => {
		const event = parsedEvent(
			parse(
				dhis2Webhooks,
				'originator=%2B4740000000&message=STOP',
				'application/x-www-form-urlencoded',
			),
		);
		expect(event).toMatchObject({ from: '+4740000000', text: 'STOP', receivedAt: RECEIVED_AT });
	});

	it('derives a stable id from originator, text and received date', () => {
		const first = parsedEvent(parse(dhis2Webhooks, DHIS2_INBOUND, 'application/json'));
		const again = parsedEvent(parse(dhis2Webhooks, DHIS2_INBOUND, 'application/json'));
		const otherText = parsedEvent(
			parse(dhis2Webhooks, DHIS2_INBOUND.replace('sample text', 'other text'), 'application/json'),
		);
		expect(again.eventId).toBe(first.eventId);
		expect(again.eventType === 'inbound' && again.messageId).toBe(
			first.eventType === 'inbound' && first.messageId,
		);
		expect(otherText.eventId).not.toBe(first.eventId);
	});

	it("refuses missing fields with DHIS2's own 409 messages", () => {
		expect(refusal(parse(dhis2Webhooks, '{"text":"hi"}', 'application/json'))).toEqual({
			status: 409,
			message: 'Originator must be specified',
		});
		expect(refusal(parse(dhis2Webhooks, '', undefined, { originator: '47' }))).toEqual({
			status: 409,
			message: 'Message must be specified',
		});
		expect(refusal(parse(dhis2Webhooks, '', undefined, {})).status).toBe(409);
	});

	it('words refusals as DHIS2 WebMessages', () => {
		expect(
			dhis2Webhooks.rejectionAnswer!({ status: 409, message: 'Originator must be specified' }),
		).toEqual({
			status: 409,
			contentType: 'application/json; charset=utf-8',
			body: '{"httpStatus":"Conflict","httpStatusCode":409,"status":"ERROR","message":"Originator must be specified"}',
		});
		expect(
			JSON.parse(dhis2Webhooks.rejectionAnswer!({ status: 401, message: 'Unauthorized' }).body),
		).toEqual({
			httpStatus: 'Unauthorized',
			httpStatusCode: 401,
			status: 'ERROR',
			message: 'Unauthorized',
		});
	});
});

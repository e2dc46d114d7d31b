/**
 * Issue 13 item 5: the fields users asked for, read from the callbacks into the events instead of
 * being left in `raw`, and DHIS2's RESULT_CODE texts read as refusals with explanations.
 */
import { africasTalkingWebhooks } from '../../../nodes/shared/adapters/africastalking/webhooks';
import { serverRefusal } from '../../../nodes/shared/adapters/dhis2/codes';
import { dhis2Webhooks, encodingName } from '../../../nodes/shared/adapters/dhis2/webhooks';
import { smsBoxWebhooks } from '../../../nodes/shared/adapters/smsbox/webhooks';
import { AT, atDeliveryReport, SMSBOX_CALLBACK } from '../../fixtures/seed-payloads';
import { parse, parsedEvent } from '../webhooks/parse-helpers';

const at = (body: string) => parsedEvent(parse(africasTalkingWebhooks, body, AT.contentType));

describe("Africa's Talking: retryCount, networkCode and cost", () => {
	it('gives an incoming message its networkCode and cost', () => {
		const event = at(
			'linkId=L1&text=Hi&to=12345&id=ATSid_1&from=%2B254711000111&networkCode=62120&cost=KES+0.0000',
		);
		expect(event).toMatchObject({ eventType: 'inbound', networkCode: '62120', cost: 'KES 0.0000' });
	});

	it('gives null when the incoming message has neither', () => {
		expect(at('text=Hi&to=12345&id=ATSid_1&from=%2B254711000111')).toMatchObject({
			networkCode: null,
			cost: null,
		});
	});

	it('gives a delivery report its retryCount as a number, null when absent or unreadable', () => {
		const withCount = at(atDeliveryReport('Failed', 'DeliveryFailure', '3'));
		expect(withCount).toMatchObject({ eventType: 'deliveryReport', retryCount: 3 });
		expect(at('id=ATXid_1&status=Success&phoneNumber=%2B254711000111')).toMatchObject({
			retryCount: null,
		});
		expect(
			at('id=ATXid_1&status=Success&phoneNumber=%2B254711000111&retryCount=many'),
		).toMatchObject({ retryCount: null });
	});
});

describe('SMSBox: channel and billing', () => {
	it('reads the seed callback channel and billing', () => {
		const event = parsedEvent(parse(smsBoxWebhooks, SMSBOX_CALLBACK, 'application/json'));
		expect(event).toMatchObject({
			channel: 'sms',
			billing: { currency: 'TZS', subscriberPrice: '100.00', billingPrice: '100.00' },
		});
	});

	it('accepts a callback without them, or with odd values, giving null', () => {
		const body = (extra: object) =>
			JSON.stringify({
				from: '255701000000',
				to: '255701000001',
				transaction_id: 't1',
				message: { text: 'x' },
				...extra,
			});
		expect(parsedEvent(parse(smsBoxWebhooks, body({}), 'application/json'))).toMatchObject({
			channel: null,
			billing: null,
		});
		expect(
			parsedEvent(
				parse(smsBoxWebhooks, body({ channel: { a: 1 }, billing: 'free' }), 'application/json'),
			),
		).toMatchObject({ channel: null, billing: null });
		expect(
			parsedEvent(
				parse(
					smsBoxWebhooks,
					body({ billing: { currency: 'TZS', subscriber_price: 50 } }),
					'application/json',
				),
			),
		).toMatchObject({ billing: { currency: 'TZS', subscriberPrice: '50', billingPrice: null } });
	});
});

describe('DHIS2: gatewayId and smsEncoding', () => {
	it('reads them from the JSON form, the encoding by name or index', () => {
		const json = (extra: object) =>
			JSON.stringify({
				text: 'hello there',
				originator: '4790000001',
				receiveddate: '2026-01-02',
				...extra,
			});
		expect(
			parsedEvent(
				parse(
					dhis2Webhooks,
					json({ gatewayid: 'gw1', smsencoding: 'ENCUCS2' }),
					'application/json',
				),
			),
		).toMatchObject({
			gatewayId: 'gw1',
			smsEncoding: 'ENCUCS2',
		});
		expect(parsedEvent(parse(dhis2Webhooks, json({}), 'application/json'))).toMatchObject({
			gatewayId: null,
			smsEncoding: null,
		});
		expect(encodingName('1')).toBe('ENC8BIT');
		expect(encodingName(2)).toBe('ENCUCS2');
		expect(encodingName('ENC9BIT')).toBeNull();
	});

	it('reads the gateway of the query form', () => {
		const event = parsedEvent(
			parse(dhis2Webhooks, '', undefined, {
				originator: '4790000001',
				message: 'hi there',
				gateway: 'modem-1',
			}),
		);
		expect(event).toMatchObject({ gatewayId: 'modem-1', smsEncoding: null });
	});
});

describe("DHIS2: the RESULT_CODE texts of DHIS2's document", () => {
	it.each([
		['internal fatal error', /RESULT_CODE_22/],
		['authentication failure', /RESULT_CODE_23/],
		['data validation failed', /RESULT_CODE_24/],
		['insufficient credits', /enough credit/],
		['upstream credits not available', /RESULT_CODE_26/],
		['exceeded your daily quota', /daily quota/],
		['temporarily unavailable', /RESULT_CODE_40/],
		['maximum batch size exceeded', /Batch Size/],
		['too many requests', /RESULT_CODE_429/],
	])(
		'refuses the request (so each recipient is rejected) on "%s", with an explanation',
		(text, explained) => {
			const outcome = serverRefusal(text);
			expect(outcome).toMatchObject({
				kind: 'refused',
				stopsRun: false,
				error: { code: 'GATEWAY_FAILED', message: text },
			});
			expect(outcome.kind === 'refused' && outcome.error.explanation).toMatch(explained);
		},
	);

	it('matches the texts whatever their case', () => {
		expect(serverRefusal('Insufficient Credits')).toMatchObject({ kind: 'refused' });
	});

	it('leaves "multi-status" ambiguous: some messages may have been sent', () => {
		expect(serverRefusal('multi-status')).toMatchObject({
			kind: 'ambiguous',
			error: { code: 'GATEWAY_MULTI_STATUS' },
		});
	});
});

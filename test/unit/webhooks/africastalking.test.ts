import {
	AT_FAILURE_REASONS,
	africasTalkingWebhooks,
} from '../../../nodes/shared/adapters/africastalking/webhooks';
import { parse, parsedEvent, RECEIVED_AT, refusal } from './parse-helpers';
import { AT, atDeliveryReport } from '../../fixtures/seed-payloads';
import {
	AT_DELIVERY_REPORT_EVENT,
	AT_OPT_OUT_EVENT,
	AT_TWO_WAY_EVENT,
} from '../../fixtures/seed-events';

const at = (body: string) => parse(africasTalkingWebhooks, body, AT.contentType);
const OK = { status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' };

describe("Africa's Talking callbacks", () => {
	it('reads the seed two-way callback as an inbound message', () => {
		const result = at(AT.twoWay);
		expect(result.ok && result.ack).toEqual(OK);
		expect(parsedEvent(result)).toEqual(AT_TWO_WAY_EVENT);
	});

	it('reads the seed delivery report', () => {
		const result = at(AT.deliveryReport);
		expect(result.ok && result.ack).toEqual(OK);
		expect(parsedEvent(result)).toMatchObject({ ...AT_DELIVERY_REPORT_EVENT, at: RECEIVED_AT });
	});

	it.each([
		['Sent', 'sent', false],
		['Submitted', 'sent', false],
		['Buffered', 'sent', false],
		['Success', 'delivered', true],
		['Failed', 'failed', true],
		['Rejected', 'rejected', true],
		['AbsentSubscriber', 'failed', true],
		['Expired', 'expired', true],
		['SUCCESS', 'delivered', true],
		['SomethingNew', 'unknown', false],
	])('normalises status %s to %s (final: %s)', (gatewayStatus, status, final) => {
		const event = parsedEvent(at(atDeliveryReport(gatewayStatus)));
		expect(event).toMatchObject({ status, final, gatewayStatus });
	});

	it('explains failed statuses without a reason, and nothing for delivered or pending ones', () => {
		for (const status of ['Failed', 'Rejected', 'AbsentSubscriber', 'Expired']) {
			expect(parsedEvent(at(atDeliveryReport(status)))).toMatchObject({
				failureReason: null,
				failureExplanation: expect.any(String),
			});
		}
		for (const status of ['Sent', 'Success']) {
			expect(parsedEvent(at(atDeliveryReport(status)))).toMatchObject({ failureExplanation: null });
		}
	});

	it.each(Object.keys(AT_FAILURE_REASONS))(
		'explains the failure reason %s in plain words',
		(reason) => {
			const event = parsedEvent(at(atDeliveryReport('Failed', reason)));
			expect(event).toMatchObject({
				failureReason: reason,
				failureExplanation: AT_FAILURE_REASONS[reason],
			});
			expect(AT_FAILURE_REASONS[reason].length).toBeGreaterThan(30);
		},
	);

	it('keeps an undocumented failure reason with a generic explanation', () => {
		expect(parsedEvent(at(atDeliveryReport('Rejected', 'BrandNewReason')))).toMatchObject({
			failureReason: 'BrandNewReason',
			failureExplanation: 'Africa\'s Talking reported the failure reason "BrandNewReason".',
		});
	});

	it('gives a retried report the same eventId, and a premium retry (retryCount) a new one', () => {
		const first = parsedEvent(at(atDeliveryReport('Failed', 'DeliveryFailure', '0')));
		const again = parsedEvent(at(atDeliveryReport('Failed', 'DeliveryFailure', '0')));
		const retried = parsedEvent(at(atDeliveryReport('Failed', 'DeliveryFailure', '1')));
		const otherStatus = parsedEvent(at(atDeliveryReport('Success', '', '0')));
		expect(again.eventId).toBe(first.eventId);
		expect(retried.eventId).not.toBe(first.eventId);
		expect(otherStatus.eventId).not.toBe(first.eventId);
	});

	it('reads the seed bulk opt-out', () => {
		expect(parsedEvent(at(AT.optOut))).toMatchObject({ ...AT_OPT_OUT_EVENT, at: RECEIVED_AT });
	});

	it('reads subscription additions as opt-ins and deletions as opt-outs, in either case', () => {
		expect(parsedEvent(at(AT.subscription))).toMatchObject({
			eventType: 'optOut',
			phoneNumber: '+254711000111',
			type: 'optIn',
			source: 'subscription',
			shortCode: '12345',
			keyword: 'NEWS',
			senderId: null,
		});
		const deletion = parsedEvent(at(AT.subscription.replace('addition', 'Deletion')));
		expect(deletion).toMatchObject({ type: 'optOut', source: 'subscription' });
		expect(deletion.eventId).not.toBe(parsedEvent(at(AT.subscription)).eventId);
		expect(refusal(at(AT.subscription.replace('addition', 'renewal')))).toEqual({
			status: 400,
			message: 'The field "updateType" must be "addition" or "deletion"',
		});
	});

	it('falls back to the time of receipt when the inbound date is absent or unreadable', () => {
		expect(
			parsedEvent(at(AT.twoWay.replace('date=2026-03-04+10:30:00', 'date=soon'))),
		).toMatchObject({ receivedAt: RECEIVED_AT });
		expect(parsedEvent(at('text=Hi&to=12345&id=ATSid_9&from=%2B254711000111'))).toMatchObject({
			receivedAt: RECEIVED_AT,
			linkId: null,
		});
	});

	it('accepts an empty text, not a missing one', () => {
		expect(parsedEvent(at('text=&to=12345&id=ATSid_9&from=%2B254711000111'))).toMatchObject({
			text: '',
		});
		expect(refusal(at('linkId=L&to=12345&id=ATSid_9&from=%2B254711000111'))).toEqual({
			status: 400,
			message: 'The field "text" is missing',
		});
	});

	it.each([
		['status=Success&phoneNumber=%2B254711000111', 'The field "id" is missing'],
		['id=ATXid_1&status=&phoneNumber=%2B254711000111', 'The field "status" is missing'],
		['id=ATXid_1&status=Success', 'The field "phoneNumber" is missing'],
		['senderId=MyBrand', 'The field "phoneNumber" is missing'],
		['text=Hi&id=1&from=%2B254711000111', 'The field "to" is missing'],
		[
			`id=${'x'.repeat(300)}&status=Success&phoneNumber=1`,
			'The field "id" is longer than 256 characters',
		],
	])('refuses %s with 400', (body, message) => {
		expect(refusal(at(body))).toEqual({ status: 400, message });
	});

	it("refuses a form that is no Africa's Talking callback with 422, and JSON with 415", () => {
		expect(refusal(at('hello=world')).status).toBe(422);
		expect(refusal(parse(africasTalkingWebhooks, '{"id":"1"}', 'application/json')).status).toBe(
			415,
		);
		expect(refusal(parse(africasTalkingWebhooks, '', AT.contentType)).status).toBe(400);
	});
});

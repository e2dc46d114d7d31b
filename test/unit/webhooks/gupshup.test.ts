import { gupshupWebhooks } from '../../../nodes/shared/adapters/gupshup/webhooks';
import { parse, parsedEvent, RECEIVED_AT, refusal } from './parse-helpers';
import { GUPSHUP_INBOUND, gupshupEvent } from '../../fixtures/seed-payloads';

const gupshup = (body: string) => parse(gupshupWebhooks, body, 'application/json');

describe('Gupshup events', () => {
	it.each([
		['enqueued', 'queued', false],
		['sent', 'sent', false],
		['delivered', 'delivered', true],
		['failed', 'failed', true],
		['read', 'unknown', false],
	])(
		'reads the seed event with status %s as %s (final: %s), acknowledged with an empty body',
		(gatewayStatus, status, final) => {
			const result = gupshup(gupshupEvent(gatewayStatus));
			expect(result.ok && result.ack).toEqual({ status: 200, body: '' });
			expect(parsedEvent(result)).toEqual({
				eventType: 'deliveryReport',
				eventId: expect.stringMatching(/^gupshup:[0-9a-f]{64}$/),
				gateway: 'gupshup',
				messageId: '6a5a9990-80b3-4a2e-9d37-6442261095a9',
				to: '+5535121332829',
				status,
				final,
				gatewayStatus,
				failureReason: null,
				failureExplanation:
					gatewayStatus === 'failed' ? expect.stringContaining('without a reason') : null,
				networkCode: null,
				at: '2021-10-01T07:51:17.239Z',
				raw: {
					destination: '5535121332829',
					messageId: '6a5a9990-80b3-4a2e-9d37-6442261095a9',
					ts: '1633074677239',
					status: gatewayStatus,
				},
			});
		},
	);

	it('names one event by messageId, status and ts', () => {
		const sent = parsedEvent(gupshup(gupshupEvent('sent')));
		expect(parsedEvent(gupshup(gupshupEvent('sent'))).eventId).toBe(sent.eventId);
		expect(parsedEvent(gupshup(gupshupEvent('delivered'))).eventId).not.toBe(sent.eventId);
		expect(parsedEvent(gupshup(gupshupEvent('sent', '1633074677240'))).eventId).not.toBe(
			sent.eventId,
		);
	});

	it('uses the time of receipt when ts is missing or unreadable', () => {
		const noTs = JSON.stringify({ messageId: 'm-1', status: 'sent' });
		expect(parsedEvent(gupshup(noTs))).toMatchObject({ at: RECEIVED_AT, to: null });
		expect(parsedEvent(gupshup(gupshupEvent('sent', 'later')))).toMatchObject({ at: RECEIVED_AT });
	});

	it('explains a documented 80xx code carried by a failed event', () => {
		const body = JSON.stringify({
			destination: '5511987000000',
			messageId: 'm-2',
			ts: '1633074677239',
			status: 'failed',
			code: 8006,
		});
		expect(parsedEvent(gupshup(body))).toMatchObject({
			failureReason: 'USER_NOT_OPTED_IN (8006)',
			failureExplanation: expect.stringContaining('whitelist'),
		});
	});

	it('reads an inbound message', () => {
		const result = gupshup(GUPSHUP_INBOUND);
		expect(result.ok && result.ack).toEqual({ status: 200, body: '' });
		expect(parsedEvent(result)).toMatchObject({
			eventType: 'inbound',
			gateway: 'gupshup',
			from: '+918898772114',
			to: null,
			text: 'Hi',
			receivedAt: '2020-01-28T16:09:26.370Z',
			messageId: 'ABEGkYaYVSEEAhAL3SLAWwHKeKrt6s3FKB0c',
			linkId: null,
			keyword: null,
		});
	});

	it('refuses other event kinds with 422', () => {
		expect(
			refusal(gupshup('{"type":"user-event","payload":{"type":"opted-out","phone":"91"}}')).status,
		).toBe(422);
		expect(refusal(gupshup('{"hello":"world"}')).status).toBe(422);
		const image = JSON.parse(GUPSHUP_INBOUND);
		image.payload.type = 'image';
		expect(refusal(gupshup(JSON.stringify(image)))).toEqual({
			status: 422,
			message: 'Gupshup inbound messages of type "image" are not SMS text',
		});
	});

	it.each([
		['{"messageId":{"a":1},"status":"sent"}', 'The field "messageId" must be text'],
		['{"messageId":"m","status":["sent"]}', 'The field "status" must be text'],
		['{"messageId":"","status":"sent"}', 'The field "messageId" is missing'],
		['{"type":"message","payload":"hi"}', 'The field "payload" must be an object'],
		[
			'{"type":"message","payload":{"id":"x","payload":{"text":"t"}}}',
			'The field "source" is missing',
		],
	])('refuses %s with 400', (body, message) => {
		expect(refusal(gupshup(body))).toEqual({ status: 400, message });
	});

	it('refuses forms with 415', () => {
		expect(
			refusal(
				parse(gupshupWebhooks, 'messageId=m&status=sent', 'application/x-www-form-urlencoded'),
			).status,
		).toBe(415);
	});
});

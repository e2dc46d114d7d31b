/**
 * The Custom HTTP Gateway's callback parser (adapter side of the custom gateway's triggers): a profile's mapping
 * reads Twilio-style form status callbacks and inbound messages, nested JSON, its status table and
 * acknowledgement, and refuses what it cannot read.
 */
import {
	parseWithProfile,
	readCallbackMapping,
} from '../../../nodes/shared/adapters/http-gateway/webhooks';
import type { WebhookRequest } from '../../../nodes/shared/core/webhook-types';

const context = { receivedAtMs: Date.UTC(2026, 11, 1, 12, 0, 0) };
const TWILIO = {
	callbackNumberPath: 'To',
	callbackMessageIdPath: 'MessageSid',
	callbackStatusPath: 'MessageStatus',
	callbackFailurePath: 'ErrorCode',
	callbackTextPath: 'Body',
	callbackStatusValues:
		'{"delivered": ["delivered"], "failed": ["failed", "undelivered"], "sent": ["sent", "queued", "sending"]}',
	callbackAckStatus: 204,
};

function form(fields: Record<string, string>): WebhookRequest {
	return { headers: {}, query: {}, body: { kind: 'form', fields } };
}

describe('callback mapping', () => {
	it("reads a Twilio-style status callback into a delivery report, with the profile's acknowledgement", () => {
		const result = parseWithProfile(
			TWILIO,
			form({
				MessageSid: 'SM1',
				MessageStatus: 'undelivered',
				To: '+254711000001',
				ErrorCode: '30003',
			}),
			context,
		);
		expect(result).toMatchObject({
			ok: true,
			ack: { status: 204, body: '' },
			event: {
				eventType: 'deliveryReport',
				gateway: 'httpGateway',
				messageId: 'SM1',
				to: '+254711000001',
				status: 'failed',
				final: true,
				gatewayStatus: 'undelivered',
				failureReason: '30003',
				at: '2026-12-01T12:00:00.000Z',
			},
		});
	});

	it('gives the same event id to the same report sent again, and "unknown" to an unlisted status', () => {
		const a = parseWithProfile(
			TWILIO,
			form({ MessageSid: 'SM1', MessageStatus: 'delivered', To: '254711000001' }),
			context,
		);
		const b = parseWithProfile(
			TWILIO,
			form({ MessageSid: 'SM1', MessageStatus: 'delivered', To: '254711000001' }),
			context,
		);
		expect(a.ok && b.ok && a.event.eventId === b.event.eventId).toBe(true);
		const odd = parseWithProfile(
			TWILIO,
			form({ MessageSid: 'SM1', MessageStatus: 'partially_delivered', To: '1' }),
			context,
		);
		expect(odd).toMatchObject({ ok: true, event: { status: 'unknown', final: false } });
	});

	it('reads an inbound message from nested JSON, with a text acknowledgement', () => {
		const mapping = {
			callbackNumberPath: 'message.from',
			callbackTextPath: 'message.text',
			callbackToPath: 'message.to',
			callbackTimePath: 'message.at',
			callbackMessageIdPath: 'message.id',
			callbackAckBody: 'OK',
		};
		const request: WebhookRequest = {
			headers: {},
			query: {},
			body: {
				kind: 'json',
				value: {
					message: {
						from: '254711000001',
						to: '12345',
						text: 'STOP "now" & {{x}}',
						at: '2026-11-30T10:00:00Z',
						id: 42,
					},
				},
			},
		};
		expect(parseWithProfile(mapping, request, context)).toMatchObject({
			ok: true,
			ack: { status: 200, body: 'OK' },
			event: {
				eventType: 'inbound',
				from: '+254711000001',
				to: '12345',
				text: 'STOP "now" & {{x}}',
				messageId: '42',
				receivedAt: '2026-11-30T10:00:00.000Z',
			},
		});
	});

	it('refuses a callback without the number, or with neither status nor text', () => {
		expect(
			parseWithProfile(TWILIO, form({ MessageSid: 'SM1', MessageStatus: 'sent' }), context),
		).toMatchObject({ ok: false, rejection: { status: 400 } });
		expect(
			parseWithProfile(
				{ ...TWILIO, callbackTextPath: '' },
				form({ To: '+1', Other: 'x' }),
				context,
			),
		).toMatchObject({ ok: false, rejection: { status: 422 } });
	});

	it('names the profile field at fault', () => {
		expect(() =>
			readCallbackMapping({ ...TWILIO, callbackStatusValues: '{"done": ["x"]}' }),
		).toThrow('"Callback Status Values"');
		expect(() => readCallbackMapping({ ...TWILIO, callbackAckStatus: 500 })).toThrow(
			'"Acknowledgement Status"',
		);
		expect(() => readCallbackMapping({ ...TWILIO, callbackNumberPath: '' })).toThrow(
			'"Callback Number Path"',
		);
		expect(
			parseWithProfile({ ...TWILIO, callbackNumberPath: 'a..b' }, form({}), context),
		).toMatchObject({ ok: false, rejection: { status: 500 } });
	});
});

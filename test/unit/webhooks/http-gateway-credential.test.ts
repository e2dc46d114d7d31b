/**
 * The Callbacks section of the Custom HTTP Gateway credential against the adapter that reads it:
 * every field the mapping reads is a field of the credential, the credential's defaults (filled in
 * as n8n fills them when it reads a credential: NodeHelpers.getNodeParameters over the credential's
 * properties) make a working mapping for a generic provider, and a wrong field is reported by name.
 */
import type { INodeParameters } from 'n8n-workflow';

import { HttpSmsGatewayApi } from '../../../credentials/HttpSmsGatewayApi.credentials';
import { withCredentialDefaults as withDefaults } from '../../fixtures/custom-gateway';
import {
	parseWithProfile,
	readCallbackMapping,
} from '../../../nodes/shared/adapters/http-gateway/webhooks';
import type { WebhookRequest } from '../../../nodes/shared/core/webhook-types';

const credential = new HttpSmsGatewayApi();
const context = { receivedAtMs: Date.UTC(2026, 11, 1, 12, 0, 0) };

function json(value: Record<string, unknown>): WebhookRequest {
	return { headers: {}, query: {}, body: { kind: 'json', value: value as never } };
}

const CALLBACK_FIELDS = [
	'callbackNumberPath',
	'callbackReportNumberPath',
	'callbackTextPath',
	'callbackToPath',
	'callbackNormaliseTo',
	'callbackTimePath',
	'callbackMessageIdPath',
	'callbackStatusPath',
	'callbackFailurePath',
	'callbackStatusValues',
	'callbackAckStatus',
	'callbackAckBody',
	'callbackAckContentType',
];

describe("the credential's Callbacks section", () => {
	it('has every field the mapping reads, each with a description', () => {
		const byName = new Map(credential.properties.map((p) => [p.name, p]));
		for (const name of CALLBACK_FIELDS) {
			expect(byName.get(name)).toBeDefined();
			expect(byName.get(name)?.description).toEqual(expect.any(String));
		}
	});

	it('its defaults read a generic provider: an incoming message and a delivery report', () => {
		const profile = withDefaults({ baseUrl: 'https://sms.example.com' });
		const inbound = parseWithProfile(
			profile,
			json({ from: '+254711000001', to: '40404', text: 'Hi', messageId: 'm1' }),
			context,
		);
		expect(inbound).toMatchObject({
			ok: true,
			ack: { status: 200, body: '' },
			event: {
				eventType: 'inbound',
				from: '+254711000001',
				text: 'Hi',
				to: '40404',
				messageId: 'm1',
			},
		});
		for (const [word, status] of [
			['DELIVRD', 'delivered'],
			['undelivered', 'failed'],
			['REJECTD', 'rejected'],
			['ENROUTE', 'queued'],
			['mystery', 'unknown'],
		]) {
			const report = parseWithProfile(
				profile,
				json({ from: '+254711000001', messageId: 'm2', status: word }),
				context,
			);
			expect(report).toMatchObject({
				ok: true,
				event: { eventType: 'deliveryReport', messageId: 'm2', status, gatewayStatus: word },
			});
		}
	});

	it('a credential saved before Normalise To Number existed keeps the To number as posted; switched on, it is written with +', () => {
		const callback = json({ from: '255700000001', to: '255701000001', text: 'Hi' });
		const saved = withDefaults({ baseUrl: 'https://sms.example.com' });
		expect(saved.callbackNormaliseTo).toBe(false);
		expect(parseWithProfile(saved, callback, context)).toMatchObject({
			ok: true,
			event: { from: '+255700000001', to: '255701000001' },
		});
		const on = withDefaults({ baseUrl: 'https://sms.example.com', callbackNormaliseTo: true });
		expect(parseWithProfile(on, callback, context)).toMatchObject({
			ok: true,
			event: { from: '+255700000001', to: '+255701000001' },
		});
		// A short code is not a phone number: it stays as posted.
		expect(
			parseWithProfile(on, json({ from: '255700000001', to: '40404', text: 'Hi' }), context),
		).toMatchObject({ ok: true, event: { to: '40404' } });
	});

	it('its default acknowledgement content type applies once a body is set', () => {
		expect(readCallbackMapping(withDefaults({ callbackAckBody: 'OK' })).ack).toEqual({
			status: 200,
			contentType: 'text/plain; charset=utf-8',
			body: 'OK',
		});
		expect(
			readCallbackMapping(
				withDefaults({ callbackAckBody: '{}', callbackAckContentType: 'application/json' }),
			).ack.contentType,
		).toBe('application/json');
	});

	it.each([
		[{ callbackNumberPath: '' }, 'Callback Number Path'],
		[{ callbackTextPath: 'a..b' }, 'Callback Text Path'],
		[{ callbackReportNumberPath: 'x[' }, 'Callback Report Number Path'],
		[{ callbackStatusValues: '{"delivered": ' }, 'Callback Status Values'],
		[{ callbackStatusValues: '{"arrived": ["x"]}' }, 'Callback Status Values'],
		[{ callbackAckStatus: 500 }, 'Acknowledgement Status'],
		[
			{ callbackAckBody: 'OK', callbackAckContentType: 'text/plain\r\nSet-Cookie: a=b' },
			'Acknowledgement Content Type',
		],
	])('a wrong field is named: %j', (fields, label) => {
		expect(() => readCallbackMapping(withDefaults(fields as INodeParameters))).toThrow(label);
		const result = parseWithProfile(
			withDefaults(fields as INodeParameters),
			json({ from: '+254711000001', text: 'x' }),
			context,
		);
		expect(result).toMatchObject({
			ok: false,
			rejection: { status: 500, message: expect.stringContaining(label) },
		});
	});
});

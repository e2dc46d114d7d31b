/**
 * The Custom HTTP Gateway in the Inbound SMS and Delivery Report triggers, in n8n's engine (n8n-core's
 * WebhookContext), at every typeVersion: the trigger reads the callback mapping from its
 * httpSmsGatewayApi credential. End to end with the simulator's Twilio-style gateway: Send SMS sends
 * with the shipped Twilio profile, the simulator posts its status callbacks over loopback HTTP to
 * the Delivery Report Trigger, which must report the message IDs Send SMS returned and answer the
 * profile's acknowledgement byte for byte. Also: an inbound JSON callback mapped by paths, refusals
 * of bad and hostile callbacks (4xx, nothing started), a wrong token (401, credential never read)
 * and a broken mapping (500 naming the field).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { TriggerUnderTest } from '../../harness/webhook';
import { sendCustom, shippedProfile } from '../../fixtures/custom-gateway';
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import {
	describeEachVersion,
	FORM,
	formCall,
	jsonCall,
	SECRET,
	withToken,
} from '../triggers/triggers';
import { OneRouteEndpoint } from '../../fixtures/one-route-endpoint';

const fx = useSimulator();

const TWIML_ACK = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** A generic provider posting JSON with nested fields, mapped by paths (as in the README example). */
const JSON_PROFILE: ICredentialDataDecryptedObject = {
	baseUrl: 'http://127.0.0.1:9',
	callbackNumberPath: 'message.from',
	callbackTextPath: 'message.text',
	callbackToPath: 'message.to',
	callbackTimePath: 'message.receivedAt',
	callbackMessageIdPath: 'message.id',
	callbackStatusPath: 'report.status',
	callbackReportNumberPath: 'report.msisdn',
	callbackFailurePath: 'report.error',
	callbackStatusValues: '{"delivered": ["DELIVRD"], "failed": ["UNDELIV"]}',
	callbackAckStatus: 202,
	callbackAckBody: '{"received":true}',
	callbackAckContentType: 'application/json',
};

const endpoint = new OneRouteEndpoint(SECRET);
beforeAll(async () => endpoint.start());
afterAll(async () => endpoint.stop());

describeEachVersion('Custom HTTP Gateway triggers', (trigger) => {
	const twilio = () => shippedProfile('twilio', fx.get().sim);
	const reportTrigger = (profile: ICredentialDataDecryptedObject, parameters = {}) =>
		trigger(
			'deliveryReport',
			{ gateway: 'httpGateway', ...parameters },
			{ httpSmsGatewayApi: profile },
		);
	const inboundTrigger = (profile: ICredentialDataDecryptedObject, parameters = {}) =>
		trigger('inbound', { gateway: 'httpGateway', ...parameters }, { httpSmsGatewayApi: profile });

	it('Twilio profile: Send SMS, then the status callbacks reach the trigger with the same message IDs, acknowledged with the exact TwiML', async () => {
		const profile = twilio();
		const statusCallback = endpoint.use(reportTrigger(profile));
		// The simulator fails numbers ending in 0000 (its default outcome rule).
		const numbers = [...kenyanNumbers(2, 7), '+254710000000'];
		const sent = await sendCustom({
			profile: { ...profile, extraParameters: JSON.stringify({ StatusCallback: statusCallback }) },
			message: 'Your code is 1234',
			from: '+15005550006',
			items: numbers.map((phone) => ({ phone })),
		});
		expect(sent.json.map((j) => j.status)).toEqual(['accepted', 'accepted', 'accepted']);

		const { attempts } = await fx.get().sim.deliver({ gateway: 'twilio' });
		expect(attempts).toHaveLength(3);
		expect(
			attempts.every(
				(a) =>
					a.acknowledged && a.attempt === 1 && a.status === 200 && a.responseBody === TWIML_ACK,
			),
		).toBe(true);
		for (const result of endpoint.results) {
			expect(result.headers['content-type']).toBe('text/xml');
			expect(result.body).toBe(TWIML_ACK);
		}

		const events = endpoint.results.flatMap((r) => r.items);
		expect(events.map((e) => e.messageId).sort()).toEqual(sent.json.map((j) => j.messageId).sort());
		const byNumber = Object.fromEntries(events.map((e) => [e.to, e]));
		expect(byNumber[numbers[0]]).toMatchObject({
			eventType: 'deliveryReport',
			gateway: 'httpGateway',
			status: 'delivered',
			final: true,
			gatewayStatus: 'delivered',
		});
		expect(byNumber['+254710000000']).toMatchObject({
			status: 'failed',
			final: true,
			gatewayStatus: 'undelivered',
			failureReason: '30003',
		});
		expect(JSON.stringify(events)).not.toContain(SECRET);
		expect(JSON.stringify(events)).not.toContain(String(profile.password));
	});

	it('Twilio profile: the status filter applies (Failures Only acknowledges a delivered report and starts nothing)', async () => {
		const result = await reportTrigger(twilio(), { statusFilter: 'failures' }).call(
			formCall('MessageSid=SM1&MessageStatus=delivered&To=%2B254711000001'),
		);
		expect([result.status, result.body, result.started]).toEqual([200, TWIML_ACK, false]);
	});

	it('Twilio profile: an incoming message reaches the Inbound SMS Trigger', async () => {
		const result = await inboundTrigger(twilio()).call(
			formCall(
				'MessageSid=SMin1&From=%2B254711000123&To=%2B15005550006&Body=Hello+there&SmsStatus=received',
			),
		);
		expect(result.status).toBe(200);
		expect(result.items).toEqual([
			expect.objectContaining({
				eventType: 'inbound',
				gateway: 'httpGateway',
				from: '+254711000123',
				to: '+15005550006',
				text: 'Hello there',
				messageId: 'SMin1',
			}),
		]);
	});

	it('Twilio profile: a STOP reply reaches the Opt-Out Trigger, an ordinary reply starts nothing there', async () => {
		const optOut = trigger('optOut', { gateway: 'httpGateway' }, { httpSmsGatewayApi: twilio() });
		const stop = await optOut.call(
			formCall('MessageSid=SMin2&From=%2B254711000124&To=%2B15005550006&Body=Stop.'),
		);
		expect([stop.status, stop.body]).toEqual([200, TWIML_ACK]);
		expect(stop.items).toEqual([
			expect.objectContaining({
				eventType: 'optOut',
				gateway: 'httpGateway',
				phoneNumber: '+254711000124',
				type: 'optOut',
				source: 'keyword',
			}),
		]);
		const ordinary = await optOut.call(
			formCall('MessageSid=SMin3&From=%2B254711000124&Body=Thanks'),
		);
		expect([ordinary.status, ordinary.started]).toEqual([200, false]);
	});

	it('an inbound JSON callback mapped by paths, answered with the configured status, body and content type', async () => {
		const body = JSON.stringify({
			message: {
				id: 'in-77',
				from: '+254711000456',
				to: '40404',
				text: 'Ndiyo',
				receivedAt: '2026-03-01T10:00:00Z',
			},
		});
		const result = await inboundTrigger(JSON_PROFILE).call(jsonCall(body));
		expect([result.status, result.headers['content-type'], result.body]).toEqual([
			202,
			'application/json',
			'{"received":true}',
		]);
		expect(result.items).toEqual([
			expect.objectContaining({
				eventType: 'inbound',
				from: '+254711000456',
				to: '40404',
				text: 'Ndiyo',
				messageId: 'in-77',
				receivedAt: '2026-03-01T10:00:00.000Z',
				raw: JSON.parse(body),
			}),
		]);
		// A delivery report through the same mapping: its own number path and the status table.
		const report = await reportTrigger(JSON_PROFILE).call(
			jsonCall(
				JSON.stringify({
					message: { id: 'out-1' },
					report: { status: 'UNDELIV', msisdn: '254711000789', error: 'absent subscriber' },
				}),
			),
		);
		expect(report.items).toEqual([
			expect.objectContaining({
				messageId: 'out-1',
				to: '+254711000789',
				status: 'failed',
				final: true,
				failureReason: 'absent subscriber',
			}),
		]);
		// An empty failure field (as Twilio-style callbacks send with a delivered status) is no reason.
		const delivered = await reportTrigger(JSON_PROFILE).call(
			jsonCall(
				JSON.stringify({
					message: { id: 'out-2' },
					report: { status: 'DELIVRD', msisdn: '254711000789', error: '' },
				}),
			),
		);
		expect(delivered.items).toEqual([
			expect.objectContaining({
				status: 'delivered',
				failureReason: null,
				failureExplanation: null,
			}),
		]);
	});

	const REFUSED: Array<[string, Parameters<TriggerUnderTest['call']>[0], number]> = [
		['no number at the mapped path', jsonCall(JSON.stringify({ message: { text: 'hi' } })), 400],
		[
			'the number is an object',
			jsonCall(JSON.stringify({ message: { from: { $gt: '' }, text: 'hi' } })),
			400,
		],
		[
			'neither a status nor a text',
			jsonCall(JSON.stringify({ message: { from: '+254711000456' } })),
			422,
		],
		[
			'a report without a message ID',
			jsonCall(JSON.stringify({ report: { status: 'DELIVRD', msisdn: '+254711000456' } })),
			400,
		],
		['a JSON array', jsonCall('[{"message":{"from":"+254711000456","text":"hi"}}]'), 400],
		['broken JSON', jsonCall('{"message":'), 400],
		[
			'a prototype-polluting key',
			jsonCall('{"__proto__":{"admin":true},"message":{"from":"+254711000456","text":"hi"}}'),
			400,
		],
		['a text body', withToken({ contentType: 'text/plain', body: 'from=+254711000456' }), 415],
		[
			'an oversized text',
			jsonCall(JSON.stringify({ message: { from: '+254711000456', text: 'x'.repeat(2_000_000) } })),
			413,
		],
	];

	it.each(REFUSED)('refuses %s with a 4xx and starts nothing', async (_label, call, status) => {
		const result = await inboundTrigger(JSON_PROFILE).call(call);
		expect(result.threw).toBeUndefined();
		expect(result.status).toBe(status);
		expect(result.status).toBeGreaterThanOrEqual(400);
		expect(result.status).toBeLessThan(500);
		expect(result.started).toBe(false);
		expect(result.body).not.toContain(SECRET);
	});

	it('a wrong or missing token: 401, nothing started, the credential never read', async () => {
		// No credential at all in this test: reading it would answer 500, so 401 proves it was not read.
		const noCredential = trigger('deliveryReport', { gateway: 'httpGateway' });
		const call = {
			contentType: FORM,
			body: 'MessageSid=SM1&MessageStatus=delivered&To=%2B254711000001',
		};
		for (const init of [
			call,
			{ ...call, query: { token: 'wrong' } },
			{ ...call, headers: { 'x-webhook-token': `${SECRET}x` } },
		]) {
			const result = await noCredential.call(init);
			expect([result.status, result.started]).toEqual([401, false]);
		}
		const authenticated = await noCredential.call(withToken(call));
		expect([authenticated.status, authenticated.started]).toEqual([500, false]);
		expect(authenticated.body).not.toContain('httpSmsGatewayApi');
	});

	it('a broken mapping in the credential: 500 naming the field, nothing started', async () => {
		const result = await reportTrigger({
			...twilio(),
			callbackStatusValues: '{"delivered": "ok", "arrived": ["x"]}',
		}).call(formCall('MessageSid=SM1&MessageStatus=delivered&To=%2B254711000001'));
		expect(result.status).toBe(500);
		expect(result.started).toBe(false);
		expect(JSON.parse(result.body).message).toContain('Callback Status Values');
		const ack = await reportTrigger({ ...twilio(), callbackAckStatus: 302 }).call(
			formCall('MessageSid=SM1&MessageStatus=delivered&To=%2B254711000001'),
		);
		expect([ack.status, ack.started]).toEqual([500, false]);
		expect(JSON.parse(ack.body).message).toContain('Acknowledgement Status');
	});

	it('Basic Auth as for the other gateways', async () => {
		const basic = trigger(
			'deliveryReport',
			{
				gateway: 'httpGateway',
				authentication: 'basicAuth',
				basicAuthUser: 'gw',
				basicAuthPassword: 'pw-7781',
			},
			{ httpSmsGatewayApi: twilio() },
		);
		const body = 'MessageSid=SM9&MessageStatus=sent&To=%2B254711000001';
		const good = await basic.call({
			contentType: FORM,
			body,
			headers: { authorization: `Basic ${Buffer.from('gw:pw-7781').toString('base64')}` },
		});
		expect([good.status, good.items[0]?.status]).toEqual([200, 'sent']);
		const bad = await basic.call({
			contentType: FORM,
			body,
			headers: { authorization: `Basic ${Buffer.from('gw:pw-7782').toString('base64')}` },
		});
		expect([bad.status, bad.started]).toEqual([401, false]);
	});
});

import {
	AT,
	DHIS2_INBOUND,
	DHIS2_QUERY,
	GUPSHUP_INBOUND,
	gupshupEvent,
	SMSBOX_CALLBACK,
} from '../../fixtures/seed-payloads';
import { AT_TWO_WAY_EVENT } from '../../fixtures/seed-events';
import { describeEachVersion, formCall, jsonCall, withToken } from './triggers';

describeEachVersion('Inbound SMS Trigger in the engine', (trigger) => {
	it("starts on an Africa's Talking two-way callback and answers 200 OK", async () => {
		const result = await trigger('inbound', { gateway: 'africasTalking' }).call(
			formCall(AT.twoWay),
		);
		expect(result).toMatchObject({ status: 200, body: 'OK', started: true, threw: undefined });
		expect(result.headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(result.response.noWebhookResponse).toBe(true);
		expect(result.items).toEqual([AT_TWO_WAY_EVENT]);
	});

	it('starts on a Gupshup inbound message and answers 200 with an empty body and no Content-Type', async () => {
		const result = await trigger('inbound', { gateway: 'gupshup' }).call(jsonCall(GUPSHUP_INBOUND));
		expect(result).toMatchObject({ status: 200, body: '', ended: true, started: true });
		expect(result.headers['content-type']).toBeUndefined();
		expect(result.items[0]).toMatchObject({
			eventType: 'inbound',
			gateway: 'gupshup',
			from: '+918898772114',
			text: 'Hi',
		});
	});

	it('starts on an SMSBox callback and echoes its transaction_id', async () => {
		const result = await trigger('inbound', { gateway: 'smsBox' }).call(jsonCall(SMSBOX_CALLBACK));
		expect(result).toMatchObject({
			status: 200,
			body: '{"transaction_id":"120a1039103910","successful":true}',
			started: true,
		});
		expect(result.items[0]).toMatchObject({
			gateway: 'smsBox',
			from: '+255701000000',
			text: 'Test message',
			messageId: '120a1039103910',
		});
	});

	it('starts on DHIS2-format JSON and query calls and answers a DHIS2 WebMessage', async () => {
		const dhis2 = trigger('inbound', { gateway: 'dhis2', authentication: 'token' });
		for (const call of [jsonCall(DHIS2_INBOUND), withToken({ query: DHIS2_QUERY })]) {
			const result = await dhis2.call(call);
			expect(result.status).toBe(200);
			const answer = JSON.parse(result.body);
			expect(answer).toEqual({
				httpStatus: 'OK',
				httpStatusCode: 200,
				status: 'OK',
				message: `Received SMS: ${result.items[0].messageId}`,
			});
			expect(result.items[0]).toMatchObject({ gateway: 'dhis2', from: '47XXXXXXXX' });
			// The trigger's token is not part of the message.
			expect(JSON.stringify(result.items[0])).not.toContain('tr1gger');
		}
	});

	it.each([
		['delivery report', AT.deliveryReport],
		['opt-out', AT.optOut],
		['subscription notification', AT.subscription],
	])(
		"acknowledges an Africa's Talking %s without starting, unless all kinds are accepted",
		async (_kind, body) => {
			const ignored = await trigger('inbound', { gateway: 'africasTalking' }).call(formCall(body));
			expect(ignored).toMatchObject({ status: 200, body: 'OK', started: false });
			expect(ignored.response).toEqual({ noWebhookResponse: true });
			const accepted = await trigger('inbound', {
				gateway: 'africasTalking',
				options: { acceptAllEventKinds: true },
			}).call(formCall(body));
			expect(accepted).toMatchObject({ status: 200, body: 'OK', started: true });
			expect(accepted.items[0].eventType).not.toBe('inbound');
		},
	);

	it('lets one Gupshup URL carry every event with Accept All Event Kinds', async () => {
		const all = trigger('inbound', { gateway: 'gupshup', options: { acceptAllEventKinds: true } });
		const kinds = [];
		for (const body of [GUPSHUP_INBOUND, gupshupEvent('enqueued'), gupshupEvent('delivered')]) {
			const result = await all.call(jsonCall(body));
			expect(result).toMatchObject({ status: 200, body: '', started: true });
			kinds.push(result.items[0].eventType);
		}
		expect(kinds).toEqual(['inbound', 'deliveryReport', 'deliveryReport']);
	});

	it('gives the same eventId to a callback the gateway posts twice', async () => {
		const node = trigger('inbound', { gateway: 'smsBox' });
		const first = await node.call(jsonCall(SMSBOX_CALLBACK));
		const retry = await node.call(jsonCall(SMSBOX_CALLBACK));
		expect(retry.items[0].eventId).toBe(first.items[0].eventId);
	});
});

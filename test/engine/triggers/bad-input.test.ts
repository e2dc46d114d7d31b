import {
	AT,
	DHIS2_INBOUND,
	GUPSHUP_INBOUND,
	gupshupEvent,
	SMSBOX_CALLBACK,
} from '../../fixtures/seed-payloads';
import { describeEachVersion, FORM, JSON_TYPE, type TriggerBuilder, withToken } from './triggers';

/** Every refusal: a 4xx JSON message, no execution, nothing thrown. */
function expectRefused(
	result: Awaited<ReturnType<ReturnType<TriggerBuilder>['call']>>,
	status: number,
	message?: RegExp,
) {
	expect(result).toMatchObject({ status, started: false, threw: undefined, ended: true });
	expect(result.response).toEqual({ noWebhookResponse: true });
	const body = JSON.parse(result.body);
	expect(body.message ?? body.error).toEqual(
		message ? expect.stringMatching(message) : expect.any(String),
	);
}

describeEachVersion('triggers refuse bad input with a clear 4xx', (trigger) => {
	const gupshup = () => trigger('deliveryReport', { gateway: 'gupshup' });

	it.each([
		[
			'a non-JSON content type',
			'text/plain',
			gupshupEvent('sent'),
			415,
			/this gateway posts application\/json/,
		],
		['XML', 'application/xml', '<event/>', 415, /Unsupported content type/],
		['a form', FORM, 'messageId=1&status=sent', 415, /application\/json/],
		['broken JSON', JSON_TYPE, '{"messageId":', 400, /not valid JSON/],
		['a JSON array', JSON_TYPE, `[${gupshupEvent('sent')}]`, 400, /must be a JSON object/],
		['a JSON string', JSON_TYPE, '"sent"', 400, /must be a JSON object/],
		[
			'a __proto__ key',
			JSON_TYPE,
			'{"__proto__":{"admin":true},"messageId":"m","status":"sent"}',
			400,
			/forbidden key "__proto__"/,
		],
		[
			'a nested constructor key',
			JSON_TYPE,
			'{"messageId":"m","status":"sent","x":{"constructor":{"prototype":{}}}}',
			400,
			/forbidden key/,
		],
		['a missing field', JSON_TYPE, '{"messageId":"m"}', 422, /Not a Gupshup SMS event/],
		[
			'a field of the wrong type',
			JSON_TYPE,
			'{"messageId":123,"status":{"s":1}}',
			400,
			/"status" must be text/,
		],
		[
			'an unknown event kind',
			JSON_TYPE,
			'{"type":"billing-event","payload":{}}',
			422,
			/Not a Gupshup SMS event/,
		],
		[
			'an oversized body',
			JSON_TYPE,
			JSON.stringify({ messageId: 'm', status: 'sent', pad: 'x'.repeat(70000) }),
			413,
			/larger than 65536 bytes/,
		],
		['an empty body', JSON_TYPE, '', 400, /empty/],
	])('Gupshup: %s', async (_case, contentType, body, status, message) => {
		expectRefused(await gupshup().call(withToken({ contentType, body })), status, message);
	});

	it('refuses invalid UTF-8', async () => {
		const body = Buffer.concat([
			Buffer.from('{"messageId":"'),
			Buffer.from([0xc3, 0x28]),
			Buffer.from('","status":"sent"}'),
		]);
		expectRefused(await gupshup().call(withToken({ contentType: JSON_TYPE, body })), 400, /UTF-8/);
	});

	it("Africa's Talking: JSON, repeated fields, pollution keys, unknown kinds, missing fields", async () => {
		const at = trigger('inbound', { gateway: 'africasTalking' });
		expectRefused(
			await at.call(withToken({ contentType: JSON_TYPE, body: '{"text":"hi"}' })),
			415,
			/x-www-form-urlencoded/,
		);
		expectRefused(
			await at.call(withToken({ contentType: FORM, body: `${AT.twoWay}&text=again` })),
			400,
			/"text" appears more than once/,
		);
		expectRefused(
			await at.call(withToken({ contentType: FORM, body: `${AT.twoWay}&__proto__[admin]=1` })),
			400,
			/forbidden field/,
		);
		expectRefused(
			await at.call(withToken({ contentType: FORM, body: 'foo=bar' })),
			422,
			/Not an Africa's Talking callback/,
		);
		expectRefused(
			await at.call(withToken({ contentType: FORM, body: 'text=hi&from=1' })),
			400,
			/"id" is missing/,
		);
		expectRefused(
			await at.call(
				withToken({
					contentType: FORM,
					body: `${AT.twoWay}`,
					query: { extra: ['a', 'b'] as unknown as string },
				}),
			),
			400,
			/must appear once/,
		);
	});

	it('SMSBox: missing transaction_id or message', async () => {
		const smsBox = trigger('inbound', { gateway: 'smsBox' });
		const body = JSON.parse(SMSBOX_CALLBACK);
		delete body.transaction_id;
		expectRefused(
			await smsBox.call(withToken({ contentType: JSON_TYPE, body: JSON.stringify(body) })),
			400,
			/transaction_id/,
		);
		expectRefused(
			await smsBox.call(
				withToken({ contentType: JSON_TYPE, body: '{"transaction_id":"t","from":"1","to":"2"}' }),
			),
			400,
			/"message"/,
		);
	});

	it('DHIS2: refusals are WebMessages with DHIS2 texts', async () => {
		const dhis2 = trigger('inbound', { gateway: 'dhis2', authentication: 'token' });
		const missing = await dhis2.call(
			withToken({ contentType: JSON_TYPE, body: '{"text":"hello"}' }),
		);
		expect(missing).toMatchObject({ status: 409, started: false });
		expect(JSON.parse(missing.body)).toEqual({
			httpStatus: 'Conflict',
			httpStatusCode: 409,
			status: 'ERROR',
			message: 'Originator must be specified',
		});
		const xml = await dhis2.call(
			withToken({ contentType: 'application/xml', body: DHIS2_INBOUND }),
		);
		expect(JSON.parse(xml.body)).toMatchObject({ httpStatusCode: 415, status: 'ERROR' });
	});

	it('keeps serving after bad input', async () => {
		const node = trigger('inbound', { gateway: 'gupshup' });
		await node.call(withToken({ contentType: JSON_TYPE, body: '{' }));
		await node.call(withToken({ contentType: JSON_TYPE, body: '[]' }));
		expect(
			await node.call(withToken({ contentType: JSON_TYPE, body: GUPSHUP_INBOUND })),
		).toMatchObject({ status: 200, started: true });
	});

	it('refuses a trigger saved without a valid gateway', async () => {
		const result = await trigger('inbound', { gateway: 'twilio' }).call(
			withToken({ contentType: FORM, body: AT.twoWay }),
		);
		expectRefused(result, 400, /no valid gateway/);
		// SMSBox sends no delivery reports, so the Delivery Report trigger does not offer it.
		const smsBoxReports = await trigger('deliveryReport', { gateway: 'smsBox' }).call(
			withToken({ contentType: JSON_TYPE, body: SMSBOX_CALLBACK }),
		);
		expectRefused(smsBoxReports, 400, /no valid gateway/);
	});
});

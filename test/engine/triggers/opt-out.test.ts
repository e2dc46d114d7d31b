import { AT, DHIS2_INBOUND, GUPSHUP_INBOUND, SMSBOX_CALLBACK } from '../../fixtures/seed-payloads';
import { AT_OPT_OUT_EVENT } from '../../fixtures/seed-events';
import { describeEachVersion, formCall, jsonCall, withToken } from './triggers';

const atInbound = (text: string) =>
	formCall(
		new URLSearchParams({
			linkId: 'L1',
			text,
			to: '12345',
			id: `ATSid_${text.length}`,
			date: '2026-03-04 10:30:00',
			from: '+254711000111',
		}).toString(),
	);

describeEachVersion('SMS Opt-Out Trigger in the engine', (trigger) => {
	it("reads an Africa's Talking bulk opt-out (seed) and answers 200 OK", async () => {
		const result = await trigger('optOut', { gateway: 'africasTalking' }).call(formCall(AT.optOut));
		expect(result).toMatchObject({ status: 200, body: 'OK', started: true });
		expect(result.items).toEqual([
			{
				...AT_OPT_OUT_EVENT,
				eventId: expect.stringMatching(/^africasTalking:[0-9a-f]{64}$/),
				gateway: 'africasTalking',
				at: expect.any(String),
				raw: { senderId: 'MyBrand', phoneNumber: '+254711XXXYYY' },
			},
		]);
	});

	it("reads Africa's Talking subscription notifications: addition = opt-in, deletion = opt-out", async () => {
		const node = trigger('optOut', { gateway: 'africasTalking' });
		const addition = await node.call(formCall(AT.subscription));
		const deletion = await node.call(formCall(AT.subscription.replace('addition', 'deletion')));
		expect(addition.items[0]).toMatchObject({
			type: 'optIn',
			source: 'subscription',
			shortCode: '12345',
			keyword: 'NEWS',
		});
		expect(deletion.items[0]).toMatchObject({
			type: 'optOut',
			source: 'subscription',
			shortCode: '12345',
			keyword: 'NEWS',
		});
		const withoutOptIns = trigger('optOut', {
			gateway: 'africasTalking',
			options: { includeOptIns: false },
		});
		expect(await withoutOptIns.call(formCall(AT.subscription))).toMatchObject({
			status: 200,
			body: 'OK',
			started: false,
		});
	});

	it.each([
		['STOP', true],
		['Stop.', true],
		[' stop!! ', true],
		['UNSUBSCRIBE', true],
		['quit', true],
		["don't stop", false],
		['Hello', false],
		['stop sending me news', false],
	])("detects %p in an Africa's Talking incoming message: %s", async (text, optOut) => {
		const result = await trigger('optOut', { gateway: 'africasTalking' }).call(atInbound(text));
		expect(result).toMatchObject({ status: 200, body: 'OK', started: optOut });
		if (optOut) {
			expect(result.items[0]).toMatchObject({
				eventType: 'optOut',
				phoneNumber: '+254711000111',
				type: 'optOut',
				source: 'keyword',
				shortCode: '12345',
				at: '2026-03-04T10:30:00.000Z',
			});
		}
	});

	it('detects STOP on every gateway and answers each as it expects', async () => {
		const smsBox = await trigger('optOut', { gateway: 'smsBox' }).call(
			jsonCall(SMSBOX_CALLBACK.replace('Test message', 'STOP')),
		);
		expect(smsBox).toMatchObject({
			status: 200,
			body: '{"transaction_id":"120a1039103910","successful":true}',
			started: true,
		});
		expect(smsBox.items[0]).toMatchObject({
			gateway: 'smsBox',
			phoneNumber: '+255701000000',
			keyword: 'STOP',
			shortCode: '+255701000001',
		});

		const gupshup = await trigger('optOut', { gateway: 'gupshup' }).call(
			jsonCall(GUPSHUP_INBOUND.replace('"text":"Hi"', '"text":"Stop."')),
		);
		expect(gupshup).toMatchObject({ status: 200, body: '', started: true });
		expect(gupshup.items[0]).toMatchObject({
			gateway: 'gupshup',
			phoneNumber: '+918898772114',
			keyword: 'STOP',
		});

		const dhis2 = await trigger('optOut', { gateway: 'dhis2' }).call(
			jsonCall(DHIS2_INBOUND.replace('sample text', 'cancel')),
		);
		expect(dhis2.status).toBe(200);
		expect(JSON.parse(dhis2.body)).toMatchObject({
			status: 'OK',
			message: expect.stringMatching(/^Received SMS: /),
		});
		expect(dhis2.items[0]).toMatchObject({
			gateway: 'dhis2',
			phoneNumber: '47XXXXXXXX',
			keyword: 'CANCEL',
		});
	});

	it('acknowledges a message that is not a keyword exactly as the gateway expects, without starting', async () => {
		const smsBox = await trigger('optOut', { gateway: 'smsBox' }).call(jsonCall(SMSBOX_CALLBACK));
		expect(smsBox).toMatchObject({
			status: 200,
			body: '{"transaction_id":"120a1039103910","successful":true}',
			started: false,
		});
		const dhis2 = await trigger('optOut', { gateway: 'dhis2' }).call(
			withToken({ query: { originator: '4740000000', message: 'hello' } }),
		);
		expect(dhis2).toMatchObject({ status: 200, started: false });
		expect(JSON.parse(dhis2.body).status).toBe('OK');
	});

	it('uses the configured keywords and opt-in keywords', async () => {
		const custom = trigger('optOut', {
			gateway: 'africasTalking',
			stopKeywords: 'ARRET, Stopp',
			options: { optInKeywords: 'START' },
		});
		expect((await custom.call(atInbound('Arrêt'))).started).toBe(false);
		expect((await custom.call(atInbound('arret!'))).items[0]).toMatchObject({
			type: 'optOut',
			keyword: 'ARRET',
		});
		expect((await custom.call(atInbound('STOP'))).started).toBe(false);
		expect((await custom.call(atInbound('Start'))).items[0]).toMatchObject({
			type: 'optIn',
			keyword: 'START',
			source: 'keyword',
		});
		const off = trigger('optOut', { gateway: 'africasTalking', stopKeywords: '' });
		expect((await off.call(atInbound('STOP'))).started).toBe(false);
	});

	it('emits plain inbound messages too with Accept All Event Kinds', async () => {
		const result = await trigger('optOut', {
			gateway: 'africasTalking',
			options: { acceptAllEventKinds: true },
		}).call(atInbound('Hello'));
		expect(result.items[0]).toMatchObject({ eventType: 'inbound', text: 'Hello' });
	});

	it('gives a re-posted STOP the same eventId', async () => {
		const node = trigger('optOut', { gateway: 'smsBox' });
		const body = SMSBOX_CALLBACK.replace('Test message', 'STOP');
		expect((await node.call(jsonCall(body))).items[0].eventId).toBe(
			(await node.call(jsonCall(body))).items[0].eventId,
		);
	});
});

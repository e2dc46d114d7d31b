import { AT, atDeliveryReport, GUPSHUP_INBOUND, gupshupEvent } from '../../fixtures/seed-payloads';
import { AT_DELIVERY_REPORT_EVENT } from '../../fixtures/seed-events';
import { describeEachVersion, formCall, jsonCall } from './triggers';

describeEachVersion('SMS Delivery Report Trigger in the engine', (trigger) => {
	it("reads the seed Africa's Talking report, answers 200 OK and keeps the Send SMS messageId", async () => {
		const result = await trigger('deliveryReport', { gateway: 'africasTalking' }).call(
			formCall(AT.deliveryReport),
		);
		expect(result).toMatchObject({ status: 200, body: 'OK', started: true });
		expect(result.items).toEqual([
			{
				...AT_DELIVERY_REPORT_EVENT,
				eventId: expect.stringMatching(/^africasTalking:[0-9a-f]{64}$/),
				retryCount: 0,
				at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
			},
		]);
	});

	it.each([
		['enqueued', 'queued', false],
		['sent', 'sent', false],
		['delivered', 'delivered', true],
		['failed', 'failed', true],
	])('reads the Gupshup %s event (empty 200 answer)', async (gatewayStatus, status, final) => {
		const result = await trigger('deliveryReport', { gateway: 'gupshup' }).call(
			jsonCall(gupshupEvent(gatewayStatus)),
		);
		expect(result).toMatchObject({ status: 200, body: '', started: true });
		expect(result.headers['content-type']).toBeUndefined();
		expect(result.items[0]).toMatchObject({
			messageId: '6a5a9990-80b3-4a2e-9d37-6442261095a9',
			to: '+5535121332829',
			status,
			final,
			gatewayStatus,
			at: '2021-10-01T07:51:17.239Z',
		});
	});

	const atStatuses = [
		'Sent',
		'Submitted',
		'Buffered',
		'Success',
		'Failed',
		'Rejected',
		'AbsentSubscriber',
		'Expired',
	];

	it.each([
		['all', atStatuses],
		['final', ['Success', 'Failed', 'Rejected', 'AbsentSubscriber', 'Expired']],
		['failures', ['Failed', 'Rejected', 'AbsentSubscriber', 'Expired']],
	])(
		'with Statuses = %s, starts only for %j and acknowledges the rest',
		async (statusFilter, started) => {
			const node = trigger('deliveryReport', { gateway: 'africasTalking', statusFilter });
			const seen: string[] = [];
			for (const status of atStatuses) {
				const result = await node.call(
					formCall(atDeliveryReport(status, status === 'Failed' ? 'UserInBlackList' : '')),
				);
				expect(result).toMatchObject({ status: 200, body: 'OK' });
				if (result.started) seen.push(status);
				else expect(result.response).toEqual({ noWebhookResponse: true });
			}
			expect(seen).toEqual(started);
		},
	);

	it('explains a failure in plain words', async () => {
		const result = await trigger('deliveryReport', { gateway: 'africasTalking' }).call(
			formCall(atDeliveryReport('Failed', 'UserInBlackList')),
		);
		expect(result.items[0]).toMatchObject({
			status: 'failed',
			failureReason: 'UserInBlackList',
			failureExplanation: expect.stringContaining('blocked messages from this sender'),
		});
	});

	it('acknowledges a Gupshup inbound message without starting, unless all kinds are accepted', async () => {
		const ignored = await trigger('deliveryReport', { gateway: 'gupshup' }).call(
			jsonCall(GUPSHUP_INBOUND),
		);
		expect(ignored).toMatchObject({ status: 200, body: '', started: false });
		const accepted = await trigger('deliveryReport', {
			gateway: 'gupshup',
			statusFilter: 'final',
			options: { acceptAllEventKinds: true },
		}).call(jsonCall(GUPSHUP_INBOUND));
		expect(accepted).toMatchObject({ status: 200, body: '', started: true });
		expect(accepted.items[0].eventType).toBe('inbound');
	});

	it('applies the status filter to delivery reports also when all kinds are accepted', async () => {
		const node = trigger('deliveryReport', {
			gateway: 'gupshup',
			statusFilter: 'final',
			options: { acceptAllEventKinds: true },
		});
		expect((await node.call(jsonCall(gupshupEvent('sent')))).started).toBe(false);
		expect((await node.call(jsonCall(gupshupEvent('delivered')))).started).toBe(true);
	});
});

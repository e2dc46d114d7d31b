/**
 * Send SMS's Africa's Talking premium options inside n8n's engine, against the simulator: replies to
 * one number with the same text but different Link IDs are separate messages (the deduplication
 * defect sent only the first), and Retry Duration (Hours) reaches Africa's Talking on premium sends
 * only.
 */
import { useSimulator } from '../../fixtures/simulator';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

describe("Send SMS: Africa's Talking premium options", () => {
	it('sends two premium replies to one number with the same text and different Link IDs, and deduplicates a true repeat', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000001',
			message: 'Thanks, we got it',
			from: '12345',
			items: [{ linkId: 'link-1' }, { linkId: 'link-2' }, { linkId: 'link-1' }],
			options: { keyword: 'NEWS', linkId: '={{ $json.linkId }}' },
		});
		expect(statuses(json)).toEqual(['accepted', 'accepted', 'invalid']);
		expect(json[2]).toMatchObject({ error: { code: 'DUPLICATE_RECIPIENT' } });
		const stored = fx.get().sim.messages({ gateway: 'africasTalking' });
		expect(stored.map((m) => m.linkId).sort()).toEqual(['link-1', 'link-2']);
	});

	it('passes Retry Duration (Hours) on premium sends and leaves it out of bulk sends', async () => {
		await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000002',
			message: 'Daily news',
			from: '12345',
			options: { keyword: 'NEWS', retryDurationInHours: 6 },
		});
		await send(fx.get(), {
			gateway: 'africasTalking',
			to: '+254711000003',
			message: 'Bulk',
			options: { retryDurationInHours: 6 },
		});
		const stored = fx.get().sim.messages({ gateway: 'africasTalking' });
		expect(stored.map((m) => [m.to, m.premium ?? false, m.retryDurationInHours])).toEqual([
			['+254711000002', true, '6'],
			['+254711000003', false, undefined],
		]);
	});
});

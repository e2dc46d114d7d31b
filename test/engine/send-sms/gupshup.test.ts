/** Send SMS through Gupshup, inside n8n's engine, against the simulator over loopback. */
import { brazilianNumbers, useSimulator } from '../../fixtures/simulator';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

describe('Send SMS via Gupshup', () => {
	it('sends one message per request, with the number as digits without +', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'gupshup',
			message: 'Namaste',
			items: brazilianNumbers(3).map((phone) => ({ phone })),
		});
		expect(statuses(json)).toEqual(['accepted', 'accepted', 'accepted']);
		expect(json[0].to).toBe('+5511987000000');
		expect(json[0].messageId).toMatch(/^[0-9a-f-]{36}$/);
		expect(fx.get().sim.stats().requests.byGateway.gupshup.total).toBe(3);
		const stored = fx.get().sim.messages({ gateway: 'gupshup' });
		expect(stored.map((m) => m.id).sort()).toEqual(json.map((j) => j.messageId).sort());
	});

	it('catches a text over 160 characters before sending, and sends the other item', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'gupshup',
			to: '={{ $json.phone }}',
			items: [
				{ phone: '+5511987000001', text: 'x'.repeat(161) },
				{ phone: '+5511987000002', text: 'x'.repeat(160) },
			],
		});
		expect(statuses(json)).toEqual(['invalid', 'accepted']);
		expect(json[0]).toMatchObject({ error: { code: 'MESSAGE_TOO_LONG' } });
		expect(fx.get().sim.stats().requests.byGateway.gupshup.total).toBe(1);
	});

	it('fails before sending when the API key is wrong', async () => {
		const creds = {
			...fx.get().credentials,
			gupshupApi: { ...fx.get().credentials.gupshupApi, apiKey: 'wrong' },
		};
		const { run } = await send(fx.get(), {
			gateway: 'gupshup',
			to: '+5511987000001',
			message: 'Hi',
			credentials: creds,
		});
		expect(run.status).toBe('error');
		expect(fx.get().sim.messages()).toHaveLength(0);
	});
});

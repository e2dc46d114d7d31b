/** Send SMS through SMSBox, inside n8n's engine, against the simulator over loopback. */
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

describe('Send SMS via SMSBox', () => {
	it('sends one message with an approved sender name', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'smsBox',
			to: '+255700000001',
			message: 'Habari',
			from: 'SMSBOX',
		});
		expect(json[0]).toMatchObject({
			status: 'accepted',
			to: '+255700000001',
			sender: 'SMSBOX',
			encoding: 'GSM-7',
		});
		expect(json[0].messageId).toMatch(/^sms-/);
		const [stored] = fx.get().sim.messages({ gateway: 'smsBox' });
		expect(stored).toMatchObject({ id: json[0].messageId, text: 'Habari', sender: 'SMSBOX' });
	});

	it.each([
		[999, 1],
		[1000, 1],
		[1001, 2],
	])('sends %i recipients in %i request(s) (at most 1000 per request)', async (count, requests) => {
		const { json } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			message: 'Bulk',
			items: kenyanNumbers(count).map((phone) => ({ phone })),
		});
		expect(statuses(json).filter((s) => s === 'accepted')).toHaveLength(count);
		expect(
			fx.get().sim.stats().requests.byGateway.smsBox.byEndpoint['POST /api/sms/v1/send_sms'],
		).toBe(requests);
		expect(fx.get().sim.messages({ gateway: 'smsBox' })).toHaveLength(count);
	});

	it('personalises many recipients in one request with [{RECEIVERNAME}]', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			message: 'Hello [{RECEIVERNAME}], your results are ready',
			recipientName: '={{ $json.name }}',
			items: [
				{ phone: '+255700000001', name: 'Alex' },
				{ phone: '+255700000002', name: 'Thomas' },
			],
		});
		expect(statuses(json)).toEqual(['accepted', 'accepted']);
		expect(fx.get().sim.stats().requests.byGateway.smsBox.total).toBe(1);
		const texts = fx
			.get()
			.sim.messages({ gateway: 'smsBox' })
			.map((m) => m.text)
			.sort();
		expect(texts).toEqual([
			'Hello Alex, your results are ready',
			'Hello Thomas, your results are ready',
		]);
	});

	it('catches Unicode before sending, and sends after replacing look-alikes when asked', async () => {
		const text = 'Don’t forget – clinic “tomorrow”';
		const refused = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001',
			message: text,
		});
		expect(refused.json[0]).toMatchObject({
			status: 'invalid',
			error: { code: 'UNICODE_NOT_SUPPORTED' },
		});
		expect(fx.get().sim.stats().requests.byGateway.smsBox.total).toBe(0);

		const replaced = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001',
			message: text,
			options: { encodingPolicy: 'replaceLookAlikes' },
		});
		expect(replaced.json[0].status).toBe('accepted');
		expect(fx.get().sim.messages({ gateway: 'smsBox' })[0].text).toBe(
			'Don\'t forget - clinic "tomorrow"',
		);
	});

	it('schedules a message for later', async () => {
		const at = new Date(Date.now() + 3 * 3600_000);
		at.setUTCSeconds(0, 0);
		const { json } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001',
			message: 'Later',
			options: { scheduleTime: at.toISOString() },
		});
		expect(json[0]).toMatchObject({ status: 'accepted', scheduledAt: at.toISOString() });
		const [stored] = fx.get().sim.messages({ gateway: 'smsBox' });
		expect(stored.status).toBe('scheduled');
		expect(new Date(stored.scheduledAt!).toISOString()).toBe(at.toISOString());
	});

	it('reports an unknown sender name as the gateway refusal, for every recipient of that request', async () => {
		const { json, run } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'NOTMINE',
			to: '+255700000001,+255700000002',
			message: 'Hi',
		});
		expect(run.status).toBe('success');
		expect(statuses(json)).toEqual(['rejected', 'rejected']);
		expect(json[0]).toMatchObject({ error: { code: '111' } });
	});

	it('fails before sending when the API secret is wrong', async () => {
		const creds = {
			...fx.get().credentials,
			smsBoxApi: { ...fx.get().credentials.smsBoxApi, apiSecret: 'wrong' },
		};
		const { run, error } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001',
			message: 'Hi',
			credentials: creds,
		});
		expect(run.status).toBe('error');
		expect(error?.message).toMatch(
			/Invalid Authentication Parameters|Invalid Authorization Parameters/,
		);
	});
});

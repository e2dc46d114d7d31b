/** Send SMS through DHIS2, inside n8n's engine, against the simulator over loopback. */
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { send, statuses } from '../../fixtures/send-sms';

const fx = useSimulator();

describe('Send SMS via DHIS2', () => {
	it.each([
		[199, 1],
		[200, 1],
		[201, 2],
	])('sends %i recipients in %i request(s) (DHIS2 slices at 200)', async (count, requests) => {
		const { json } = await send(fx.get(), {
			gateway: 'dhis2',
			message: 'Vaccination day on Friday',
			items: kenyanNumbers(count).map((phone) => ({ phone })),
		});
		expect(statuses(json).filter((s) => s === 'accepted')).toHaveLength(count);
		expect(fx.get().sim.stats().requests.byGateway.dhis2.byEndpoint['POST /api/sms/outbound']).toBe(requests);
		expect(fx.get().sim.messages({ gateway: 'dhis2' })).toHaveLength(count);
	});

	it('works with a personal access token', async () => {
		const token = fx.get().sim.accounts.dhis2.personalAccessToken;
		const creds = { ...fx.get().credentials, dhis2Api: { serverUrl: fx.get().sim.baseUrls.dhis2, authType: 'token', token } };
		const { json } = await send(fx.get(), { gateway: 'dhis2', to: '+254711000001', message: 'Hi', credentials: creds });
		expect(json[0].status).toBe('accepted');
	});

	it('fails clearly when DHIS2 has no default gateway, before anything is sent', async () => {
		const sim = fx.get().sim;
		const auth = { username: 'admin', password: 'district' };
		const axios = (await import('axios')).default;
		const { data } = await axios.get(`${sim.baseUrls.dhis2}/api/gateways`, { auth });
		for (const g of data.gateways) await axios.delete(`${sim.baseUrls.dhis2}/api/gateways/${g.uid}`, { auth });
		const { run, error } = await send(fx.get(), { gateway: 'dhis2', to: '+254711000001', message: 'Hi' });
		expect(run.status).toBe('error');
		expect(error?.message).toContain('No default gateway configured');
	});

	it('catches a text over 1071 characters before sending', async () => {
		const { json } = await send(fx.get(), { gateway: 'dhis2', to: '+254711000001', message: 'a'.repeat(1072) });
		expect(json[0]).toMatchObject({ status: 'invalid', error: { code: 'MESSAGE_TOO_LONG' } });
	});
});

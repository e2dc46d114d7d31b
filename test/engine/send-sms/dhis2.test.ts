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
		expect(fx.get().sim.stats().requests.byGateway.dhis2.byEndpoint['POST /api/sms/outbound']).toBe(
			requests,
		);
		expect(fx.get().sim.messages({ gateway: 'dhis2' })).toHaveLength(count);
	});

	it('works with a personal access token', async () => {
		const token = fx.get().sim.accounts.dhis2.personalAccessToken;
		const creds = {
			...fx.get().credentials,
			dhis2Api: { serverUrl: fx.get().sim.baseUrls.dhis2, authType: 'token', token },
		};
		const { json } = await send(fx.get(), {
			gateway: 'dhis2',
			to: '+254711000001',
			message: 'Hi',
			credentials: creds,
		});
		expect(json[0].status).toBe('accepted');
	});

	it('fails clearly when DHIS2 has no default gateway, before anything is sent', async () => {
		const sim = fx.get().sim;
		const auth = { username: 'admin', password: 'district' };
		const axios = (await import('axios')).default;
		const { data } = await axios.get(`${sim.baseUrls.dhis2}/api/gateways`, { auth });
		for (const g of data.gateways)
			await axios.delete(`${sim.baseUrls.dhis2}/api/gateways/${g.uid}`, { auth });
		const { run, error } = await send(fx.get(), {
			gateway: 'dhis2',
			to: '+254711000001',
			message: 'Hi',
		});
		expect(run.status).toBe('error');
		expect(error?.message).toContain('No default gateway configured');
	});

	it('catches a text over 1071 characters before sending', async () => {
		const { json } = await send(fx.get(), {
			gateway: 'dhis2',
			to: '+254711000001',
			message: 'a'.repeat(1072),
		});
		expect(json[0]).toMatchObject({ status: 'invalid', error: { code: 'MESSAGE_TOO_LONG' } });
	});
});

/**
 * DHIS2 reports a failed send with the short text of its RESULT_CODE table
 * (docs/gateways/dhis2.md#sending); the simulator sends the text a rejected number's rule names.
 * Each refusal text makes every recipient of the request rejected, with an explanation; only
 * "multi-status" (some may have been sent) is unknown. One request each: nothing is sent again.
 */
describe('Send SMS via DHIS2: the RESULT_CODE texts', () => {
	const to = '+254711000077';

	async function sendRefusedWith(text: string) {
		fx.get().sim.configure({
			outcomes: { rules: [{ exact: to, outcome: 'rejected', gatewayStatus: text }] },
		});
		const { json } = await send(fx.get(), {
			gateway: 'dhis2',
			to,
			message: 'Vaccination day',
			onError: 'continueRegularOutput',
		});
		expect(fx.get().sim.stats().requests.byGateway.dhis2.byEndpoint['POST /api/sms/outbound']).toBe(
			1,
		);
		return json[0];
	}

	it.each([
		['insufficient credits', /enough credit/],
		['exceeded your daily quota', /daily quota/],
		['upstream credits not available', /upstream/],
		['internal fatal error', /RESULT_CODE_22/],
		['authentication failure', /RESULT_CODE_23/],
		['data validation failed', /RESULT_CODE_24/],
		['temporarily unavailable', /RESULT_CODE_40/],
		['maximum batch size exceeded', /Batch Size/],
		['too many requests', /RESULT_CODE_429/],
	])('"%s" gives rejected with an explanation', async (text, explained) => {
		const result = await sendRefusedWith(text);
		expect(result).toMatchObject({
			status: 'rejected',
			error: { code: 'GATEWAY_FAILED', message: text },
		});
		expect((result.error as { explanation: string }).explanation).toMatch(explained);
	});

	it('"multi-status" gives unknown: some messages may have been sent', async () => {
		const result = await sendRefusedWith('multi-status');
		expect(result).toMatchObject({ status: 'unknown', error: { code: 'GATEWAY_MULTI_STATUS' } });
	});
});

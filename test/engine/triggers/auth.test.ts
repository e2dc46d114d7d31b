import {
	AT,
	DHIS2_INBOUND,
	DHIS2_QUERY,
	gupshupEvent,
	SMSBOX_CALLBACK,
} from '../../fixtures/seed-payloads';
import { describeEachVersion, FORM, JSON_TYPE, SECRET } from './triggers';

const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const UNAUTHORIZED = {
	code: 401,
	message: 'Unauthorized: missing or wrong credentials for this trigger',
};

describeEachVersion('trigger authentication', (trigger) => {
	const at = () => trigger('inbound', { gateway: 'africasTalking' });

	it('accepts the secret as ?token= or as an X-Webhook-Token header', async () => {
		expect(
			await at().call({ contentType: FORM, body: AT.twoWay, query: { token: SECRET } }),
		).toMatchObject({ status: 200, started: true });
		expect(
			await at().call({
				contentType: FORM,
				body: AT.twoWay,
				headers: { 'X-Webhook-Token': SECRET },
			}),
		).toMatchObject({
			status: 200,
			started: true,
		});
	});

	it.each([
		['no secret', {}],
		['a wrong token', { query: { token: `${SECRET}x` } }],
		['a token of the wrong case', { query: { token: SECRET.toUpperCase() } }],
		['a wrong header', { headers: { 'X-Webhook-Token': 'guess' } }],
		['a repeated token', { query: { token: [SECRET, SECRET] } }],
		['the secret as Basic auth', { headers: { Authorization: basic('token', SECRET) } }],
	])('refuses %s with 401, starts nothing and echoes no secret', async (_case, init) => {
		const result = await at().call({ contentType: FORM, body: AT.twoWay, ...init });
		expect(result).toMatchObject({ status: 401, started: false, threw: undefined });
		expect(JSON.parse(result.body)).toEqual(UNAUTHORIZED);
		expect(result.body).not.toContain(SECRET);
		expect(result.response).toEqual({ noWebhookResponse: true });
	});

	it('refuses every call when no secret is configured', async () => {
		const unset = trigger('inbound', { gateway: 'africasTalking', secretToken: '' });
		expect(
			(await unset.call({ contentType: FORM, body: AT.twoWay, query: { token: '' } })).status,
		).toBe(401);
	});

	it('authenticates before reading the body: junk without the secret is 401, not 400', async () => {
		const result = await trigger('deliveryReport', { gateway: 'gupshup' }).call({
			contentType: 'text/plain',
			body: 'junk',
		});
		expect(result.status).toBe(401);
	});

	it('lets every call in with authentication None', async () => {
		const open = trigger('deliveryReport', { gateway: 'gupshup', authentication: 'none' });
		expect(await open.call({ contentType: JSON_TYPE, body: gupshupEvent('sent') })).toMatchObject({
			status: 200,
			body: '',
			started: true,
		});
	});

	it('refuses every call when the saved method does not fit the gateway', async () => {
		const mismatched = trigger('inbound', {
			gateway: 'africasTalking',
			authentication: 'basicAuth',
			basicAuthUser: 'u',
			basicAuthPassword: 'p',
		});
		const result = await mismatched.call({
			contentType: FORM,
			body: AT.twoWay,
			headers: { Authorization: basic('u', 'p') },
		});
		expect(result).toMatchObject({ status: 401, started: false });
	});

	describe('SMSBox API key', () => {
		const credentials = {
			smsBoxApi: { apiKey: 'sb-key-1', apiSecret: 'sb-secret-1', baseUrl: 'http://127.0.0.1:9' },
		};
		const smsBox = () =>
			trigger('inbound', { gateway: 'smsBox', authentication: 'accountKey' }, credentials);

		it('accepts the account key in an api-key header, or Basic key:secret', async () => {
			const cases: Array<Record<string, string>> = [
				{ 'api-key': 'sb-key-1' },
				{ Authorization: basic('sb-key-1', 'sb-secret-1') },
			];
			for (const headers of cases) {
				const result = await smsBox().call({
					contentType: JSON_TYPE,
					body: SMSBOX_CALLBACK,
					headers,
				});
				expect(result).toMatchObject({
					status: 200,
					body: '{"transaction_id":"120a1039103910","successful":true}',
					started: true,
				});
			}
		});

		it('refuses a wrong or missing key, and the trigger token in its place', async () => {
			for (const init of [
				{ headers: { 'api-key': 'sb-secret-1' } },
				{},
				{ query: { token: SECRET } },
			]) {
				const result = await smsBox().call({
					contentType: JSON_TYPE,
					body: SMSBOX_CALLBACK,
					...init,
				});
				expect(result).toMatchObject({ status: 401, started: false });
				expect(result.body).not.toContain('sb-key-1');
			}
		});

		it('refuses every call when the credential cannot be read', async () => {
			const noCredential = trigger('inbound', { gateway: 'smsBox', authentication: 'accountKey' });
			const result = await noCredential.call({
				contentType: JSON_TYPE,
				body: SMSBOX_CALLBACK,
				headers: { 'api-key': 'sb-key-1' },
			});
			expect(result).toMatchObject({ status: 401, started: false, threw: undefined });
		});
	});

	describe('DHIS2 basic auth', () => {
		const dhis2 = () =>
			trigger('inbound', {
				gateway: 'dhis2',
				authentication: 'basicAuth',
				basicAuthUser: 'android',
				basicAuthPassword: 'Sms-Gateway-1',
			});

		it('is the default for DHIS2 and accepts the right username and password', async () => {
			const byDefault = trigger('inbound', {
				gateway: 'dhis2',
				authentication: undefined,
				basicAuthUser: 'android',
				basicAuthPassword: 'Sms-Gateway-1',
			});
			for (const node of [dhis2(), byDefault]) {
				const result = await node.call({
					contentType: JSON_TYPE,
					body: DHIS2_INBOUND,
					headers: { Authorization: basic('android', 'Sms-Gateway-1') },
				});
				expect(result).toMatchObject({ status: 200, started: true });
			}
		});

		it('answers a wrong password with the 401 WebMessage DHIS2 sends, and a Basic challenge', async () => {
			const cases: Array<Record<string, string>> = [
				{ Authorization: basic('android', 'wrong') },
				{},
			];
			for (const headers of cases) {
				const result = await dhis2().call({ query: DHIS2_QUERY, headers });
				expect(result).toMatchObject({ status: 401, started: false });
				expect(result.headers['www-authenticate']).toBe('Basic realm="n8n SMS trigger"');
				expect(JSON.parse(result.body)).toEqual({
					httpStatus: 'Unauthorized',
					httpStatusCode: 401,
					status: 'ERROR',
					message: UNAUTHORIZED.message,
				});
				expect(result.body).not.toContain('Sms-Gateway-1');
			}
		});
	});

	it('never puts the token in the event', async () => {
		const result = await trigger('inbound', { gateway: 'dhis2', authentication: 'token' }).call({
			query: { ...DHIS2_QUERY, token: SECRET },
		});
		expect(result.started).toBe(true);
		expect(JSON.stringify(result.items)).not.toContain(SECRET);
		expect(result.items[0].raw).toEqual(DHIS2_QUERY);
	});
});

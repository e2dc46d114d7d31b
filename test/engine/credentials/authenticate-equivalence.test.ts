/**
 * The credentials' `authenticate` functions write exactly what the former generic
 * (`={{ $credentials.x }}`) authentication wrote (authenticate-differential.ts), under n8n-workflow's
 * legacy expression engine. (n8n 2.41's default `vm` engine needs isolated-vm, which has no build
 * for the Node 20 the tests run on; the e2e tests exercise the credentials in the real n8n.)
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { buildWorkflow } from '../../harness/engine';
import { compareMany, currentHelper, node } from './authenticate-differential';

describe('credential authenticate functions equal the former expressions', () => {
	it('under the legacy expression engine, on 12,000 generated cases', async () => {
		Expression.setExpressionEngine('legacy');
		expect(await compareMany(12_000, 11)).toBe(12_000);
	});

	it('writes the documented values for the simulator accounts', async () => {
		const workflow = buildWorkflow([node]);
		const auth = (type: string, credentials: ICredentialDataDecryptedObject) =>
			currentHelper.authenticate(credentials, type, { url: 'http://127.0.0.1/x' }, workflow, node);
		expect((await auth('gupshupApi', { apiKey: 'gs-sim-key' })).headers).toEqual({
			Authorization: 'gs-sim-key',
			apikey: 'gs-sim-key',
		});
		expect((await auth('africasTalkingApi', { apiKey: 'at-sim-key' })).headers).toEqual({
			apiKey: 'at-sim-key',
		});
		expect(
			(await auth('smsBoxApi', { apiKey: 'sb-sim-key', apiSecret: 'sb-sim-secret' })).auth,
		).toEqual({
			username: 'sb-sim-key',
			password: 'sb-sim-secret',
		});
		expect(
			(await auth('dhis2Api', { authType: 'basic', username: 'admin', password: 'district' }))
				.headers,
		).toEqual({
			Authorization: `Basic ${Buffer.from('admin:district').toString('base64')}`,
			'X-Requested-With': 'XMLHttpRequest',
		});
		expect((await auth('dhis2Api', { authType: 'token', token: 'd2p_x' })).headers).toEqual({
			Authorization: 'ApiToken d2p_x',
			'X-Requested-With': 'XMLHttpRequest',
		});
	});
});

/**
 * n8n's own "Test credential" endpoint (`POST /rest/credentials/test`, what the editor's button
 * calls) runs each credential type's `test` request against the simulator: the simulator's
 * accounts test green, a wrong secret tests red, for all four gateways and both DHIS2 methods.
 */
import type { CredentialSummary, N8nRestClient } from '../../tooling/n8n/rest-client';
import type { SimulatorCredentialKey } from '../../tooling/n8n/simulator-credentials';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { SimControl } from '../../tooling/n8n/sim-control';
import { uniqueTag } from '../../tooling/n8n/workflows';
import { WRONG_SECRET, wrongCredential } from './support/wrong-credentials';

const KEYS = Object.keys(WRONG_SECRET) as SimulatorCredentialKey[];

describe('the credential test endpoint against the simulator', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	const wrongCredentials: CredentialSummary[] = [];

	beforeAll(() => {
		context = loadE2eContext();
		client = ownerClient(context);
	});

	afterAll(async () => {
		for (const credential of wrongCredentials) await client.deleteCredential(credential.id);
	});

	it.each(KEYS)('answers OK for the simulator account (%s)', async (key) => {
		const result = await client.testCredential(context.credentials[key]);
		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
	});

	it.each(KEYS)('answers Error for a wrong secret (%s)', async (key) => {
		const accounts = await new SimControl(context.simulatorUrl).accounts();
		const stored = await client.createCredential(
			wrongCredential(context.simulatorUrl, accounts, key, `Wrong ${uniqueTag()}`),
		);
		wrongCredentials.push(stored);

		const result = await client.testCredential(stored);
		expect(result.status).toBe('Error');
		// Refused by the simulator, not failed on the way there.
		expect(result.message).not.toMatch(/ENOTFOUND|ECONNREFUSED|ERR_INVALID_URL|timeout/i);
	});
});

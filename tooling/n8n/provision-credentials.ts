/**
 * Stores the simulator credentials in n8n, once: a credential with the same name and type is
 * updated in place (same id, so workflows that use it keep working) instead of added again.
 */
import type { CredentialSummary, N8nRestClient } from './rest-client';
import {
	simulatorCredentials,
	type SimulatorAccountsForCredentials,
	type SimulatorCredentialKey,
} from './simulator-credentials';

export type ProvisionedCredentials = Record<SimulatorCredentialKey, CredentialSummary>;

export async function provisionSimulatorCredentials(
	client: N8nRestClient,
	simulatorUrl: string,
	accounts: SimulatorAccountsForCredentials,
): Promise<{ credentials: ProvisionedCredentials; created: string[]; updated: string[] }> {
	const existing = await client.listCredentials();
	const credentials = {} as ProvisionedCredentials;
	const created: string[] = [];
	const updated: string[] = [];
	for (const definition of simulatorCredentials(simulatorUrl, accounts)) {
		const { key, ...credential } = definition;
		const match = existing.find((c) => c.name === credential.name && c.type === credential.type);
		if (match) {
			await client.updateCredential(match.id, credential);
			credentials[key] = { id: match.id, name: match.name, type: match.type };
			updated.push(credential.name);
		} else {
			const stored = await client.createCredential(credential);
			credentials[key] = { id: stored.id, name: stored.name, type: stored.type };
			created.push(credential.name);
		}
	}
	return { credentials, created, updated };
}

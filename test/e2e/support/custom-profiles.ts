/**
 * The Custom HTTP Gateway's shipped profiles (docs/custom-gateway-profiles/) stored in the real n8n
 * as `httpSmsGatewayApi` credentials, pointed at this run's simulator, so the e2e tests prove the
 * documented files themselves. Each test file deletes the credentials it stored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { CredentialSummary, N8nRestClient } from '../../../tooling/n8n/rest-client';
import { uniqueTag } from '../../../tooling/n8n/workflows';
import type { E2eContext } from './context';

const PROFILES = path.join(__dirname, '..', '..', '..', 'docs', 'custom-gateway-profiles');
const SIMULATOR_DEFAULT = 'http://127.0.0.1:8787';

export type ShippedProfileName =
	| 'kannel'
	| 'twilio'
	| 'africastalking-simulator'
	| 'smsbox-simulator';

/** The profile file's fields, its Base URL on this run's simulator. */
export function shippedProfileData(
	context: E2eContext,
	name: ShippedProfileName,
): Record<string, unknown> {
	const profile = JSON.parse(
		fs.readFileSync(path.join(PROFILES, `${name}.json`), 'utf8'),
	) as Record<string, unknown>;
	const baseUrl = String(profile.baseUrl).replace(
		SIMULATOR_DEFAULT,
		context.simulatorUrl.replace(/\/+$/, ''),
	);
	return { ...profile, baseUrl };
}

/** Stores the profile (with `patch` applied; a field patched to undefined is left out) as a credential. */
export async function storeShippedProfile(
	client: N8nRestClient,
	context: E2eContext,
	name: ShippedProfileName,
	patch: Record<string, unknown> = {},
): Promise<CredentialSummary> {
	const data: Record<string, unknown> = { ...shippedProfileData(context, name), ...patch };
	for (const [key, value] of Object.entries(data)) if (value === undefined) delete data[key];
	return await client.createCredential({
		name: `e2e custom ${name} ${uniqueTag()}`,
		type: 'httpSmsGatewayApi',
		data,
	});
}

/**
 * What global setup hands to the test files: where n8n and the simulator answer, the owner's
 * session cookie, the stored simulator credentials, and where n8n writes its log. Written as JSON
 * into the run's temp folder; its path travels in an environment variable because jest runs
 * global setup and the test files in different module registries.
 */
import * as fs from 'node:fs';

import type { ProvisionedCredentials } from '../../../tooling/n8n/provision-credentials';
import { N8nRestClient } from '../../../tooling/n8n/rest-client';

export const CONTEXT_ENV = 'SMS_GATEWAYS_E2E_CONTEXT';

export interface E2eContext {
	n8nUrl: string;
	n8nVersion: string;
	authCookie: string;
	simulatorUrl: string;
	userFolder: string;
	n8nLogFile: string;
	packageName: string;
	credentials: ProvisionedCredentials;
	timings: { installMs: number; packMs: number; n8nStartMs: number; setupMs: number };
}

export function writeE2eContext(file: string, context: E2eContext): void {
	fs.writeFileSync(file, JSON.stringify(context, null, 2));
	process.env[CONTEXT_ENV] = file;
}

export function loadE2eContext(): E2eContext {
	const file = process.env[CONTEXT_ENV];
	if (!file || !fs.existsSync(file)) {
		throw new Error(`No e2e context (${CONTEXT_ENV}); run these tests with: jest -c test/e2e/jest.config.js`);
	}
	return JSON.parse(fs.readFileSync(file, 'utf8')) as E2eContext;
}

/** A REST client logged in as the owner (the cookie global setup got). */
export function ownerClient(context: E2eContext = loadE2eContext()): N8nRestClient {
	return new N8nRestClient(context.n8nUrl, context.authCookie);
}

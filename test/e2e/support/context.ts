/**
 * What global setup hands to the test files: which stack runs (one n8n, or n8n in queue mode),
 * where n8n's REST API and its production webhooks answer, the owner's session cookie, the
 * stored simulator credentials, and every n8n process with its log file and user folder. Written
 * as JSON into the run's temp folder; its path travels in an environment variable because jest
 * runs global setup and the test files in different module registries.
 */
import * as fs from 'node:fs';

import type { ProvisionedCredentials } from '../../../tooling/n8n/provision-credentials';
import type { FaultControlAddress } from './fault-control';
import { N8nRestClient } from '../../../tooling/n8n/rest-client';

export const CONTEXT_ENV = 'SMS_GATEWAYS_E2E_CONTEXT';

/** `single`: one n8n process (npm run test:e2e); `queue`: queue mode (npm run test:e2e:queue). */
export type E2eStackKind = 'single' | 'queue';

export interface E2eProcess {
	/** `main`, `worker-1`, `webhook-1`, …; `main` for the single n8n. */
	name: string;
	role: 'start' | 'worker' | 'webhook';
	pid: number;
	logFile: string;
	userFolder: string;
}

export interface E2eContext {
	stack: E2eStackKind;
	/** The editor and REST API (main in queue mode). */
	n8nUrl: string;
	/** Where production webhooks answer: n8n itself, or the webhook processor in queue mode. */
	webhookUrl: string;
	n8nVersion: string;
	authCookie: string;
	simulatorUrl: string;
	/** Main's user folder and log (the single n8n's). */
	userFolder: string;
	n8nLogFile: string;
	processes: E2eProcess[];
	packageName: string;
	credentials: ProvisionedCredentials;
	/** Queue mode only: where a test file asks global setup to restart Redis (support/fault-control.ts). */
	faultControl?: FaultControlAddress;
	timings: { installMs: number; packMs: number; n8nStartMs: number; setupMs: number };
}

export function writeE2eContext(file: string, context: E2eContext): void {
	fs.writeFileSync(file, JSON.stringify(context, null, 2));
	process.env[CONTEXT_ENV] = file;
}

export function loadE2eContext(): E2eContext {
	const file = process.env[CONTEXT_ENV];
	if (!file || !fs.existsSync(file)) {
		throw new Error(
			`No e2e context (${CONTEXT_ENV}); run these tests with: jest -c test/e2e/jest.config.js`,
		);
	}
	return JSON.parse(fs.readFileSync(file, 'utf8')) as E2eContext;
}

/** A REST client logged in as the owner (the cookie global setup got), calling webhooks where they answer. */
export function ownerClient(context: E2eContext = loadE2eContext()): N8nRestClient {
	return new N8nRestClient(context.n8nUrl, context.authCookie, context.webhookUrl);
}

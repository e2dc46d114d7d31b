/**
 * The processes global setup started, kept on `globalThis` for global teardown (jest runs both in
 * the same parent process, but loads each module afresh).
 */
import type { N8nInstance } from '../../../tooling/n8n/n8n-process';
import type { OwnerAccount } from '../../../tooling/n8n/rest-client';
import type { Simulator } from '../../../simulator/index';

export interface RunningStack {
	tempDir: string;
	simulator?: Simulator;
	n8n?: N8nInstance;
}

/** The owner of the throwaway e2e n8n. */
export const E2E_OWNER: OwnerAccount = {
	email: 'e2e@example.com',
	firstName: 'End',
	lastName: 'ToEnd',
	password: 'E2e-password-1',
};

const KEY = '__smsGatewaysE2eStack';

export function setRunningStack(stack: RunningStack): void {
	(globalThis as Record<string, unknown>)[KEY] = stack;
}

export function takeRunningStack(): RunningStack | undefined {
	const stack = (globalThis as Record<string, unknown>)[KEY] as RunningStack | undefined;
	delete (globalThis as Record<string, unknown>)[KEY];
	return stack;
}

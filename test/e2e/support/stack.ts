/**
 * The processes global setup started, kept on `globalThis` for global teardown (jest runs both in
 * the same parent process, but loads each module afresh), and the stack a run uses:
 * SMS_GATEWAYS_E2E_STACK=queue (set by test/e2e/jest.queue.config.js) selects n8n in queue mode.
 */
import type { N8nInstance } from '../../../tooling/n8n/n8n-process';
import type { QueueCluster } from '../../../tooling/n8n/queue/cluster';
import type { OwnerAccount } from '../../../tooling/n8n/rest-client';
import type { Simulator } from '../../../simulator/index';
import type { E2eStackKind } from './context';
import type { FaultControl } from './fault-control';

export const STACK_ENV = 'SMS_GATEWAYS_E2E_STACK';

export function selectedStack(): E2eStackKind {
	const value = process.env[STACK_ENV] ?? 'single';
	if (value !== 'single' && value !== 'queue')
		throw new Error(`${STACK_ENV}="${value}": expected single or queue`);
	return value;
}

export interface RunningStack {
	tempDir: string;
	simulator?: Simulator;
	/** The single n8n. */
	n8n?: N8nInstance;
	/** Queue mode: PostgreSQL, Redis, main, workers, webhook processor. */
	cluster?: QueueCluster;
	/** Queue mode: the endpoint test files restart Redis through. */
	faultControl?: FaultControl;
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

/** Stops whatever the stack started, n8n before the simulator. */
export async function stopStack(stack: RunningStack): Promise<void> {
	try {
		await stack.faultControl?.stop();
		await stack.n8n?.stop();
		await stack.cluster?.stop();
	} finally {
		await stack.simulator?.stop();
	}
}

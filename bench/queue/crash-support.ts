/**
 * What the crash measurements share (bench/queue/worker-crash.ts, bench/queue/crash-resume.ts):
 * which queue worker started an execution (n8n's own log line), SIGKILL of an n8n process and the
 * wait for it to be gone, and the per-recipient count at the simulator (sent twice, never sent).
 */
import * as fs from 'node:fs';

import type { QueueCluster, QueueProcessName } from '../../tooling/n8n/queue/cluster';
import type { N8nInstance } from '../../tooling/n8n/n8n-process';
import type { SimMessage } from '../../tooling/n8n/sim-control';
import { waitFor } from '../../tooling/n8n/wait-for';

/** The worker that logged `Worker started execution <id> (job …)` (info level), once one has. */
export async function workerThatStarted(cluster: QueueCluster, executionId: string, timeoutMs = 60000): Promise<QueueProcessName> {
	return await waitFor(
		`the worker that started execution ${executionId}`,
		async () =>
			cluster.workers.find(({ instance }) =>
				fs.readFileSync(instance.logFile, 'utf8').includes(`Worker started execution ${executionId} (job `),
			)?.name,
		{ timeoutMs },
	);
}

/** How many times each worker logged that it started the execution (a re-run would show as 2). */
export function startsPerWorker(cluster: QueueCluster, executionId: string): Record<string, number> {
	return Object.fromEntries(
		cluster.workers.map(({ name, instance }) => [
			name,
			fs.readFileSync(instance.logFile, 'utf8').split(`Worker started execution ${executionId} (job `).length - 1,
		]),
	);
}

/** SIGKILL, as the kernel's OOM killer or a lost machine would end it, then wait until it is gone. */
export async function killHard(instance: N8nInstance): Promise<void> {
	process.kill(instance.pid, 'SIGKILL');
	await instance.exited;
}

export const digitsOf = (phone: unknown): string => String(phone).replace(/\D/g, '');

export interface RecipientCounts {
	/** Messages the simulator holds for these recipients. */
	messages: number;
	/** Recipients with exactly one message. */
	once: number;
	sentTwiceOrMore: number;
	neverSent: number;
	/** Digits of every recipient with no message. */
	neverSentNumbers: string[];
}

/** Per-recipient counts at the simulator for the campaign's `numbers` (compared by digits). */
export function countRecipients(messages: SimMessage[], numbers: string[]): RecipientCounts {
	const wanted = new Set(numbers.map(digitsOf));
	const perNumber = new Map<string, number>();
	for (const message of messages) {
		const to = digitsOf(message.to);
		if (wanted.has(to)) perNumber.set(to, (perNumber.get(to) ?? 0) + 1);
	}
	const neverSentNumbers = [...wanted].filter((n) => !perNumber.has(n));
	return {
		messages: [...perNumber.values()].reduce((sum, n) => sum + n, 0),
		once: [...perNumber.values()].filter((n) => n === 1).length,
		sentTwiceOrMore: [...perNumber.values()].filter((n) => n > 1).length,
		neverSent: neverSentNumbers.length,
		neverSentNumbers,
	};
}

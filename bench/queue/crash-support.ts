/**
 * What the crash-resume measurement (bench/queue/crash-resume.ts, crash-stacks.ts) adds to
 * queue-bench.ts: a bounded wait for the queue worker that started an execution (n8n's own log
 * line), and SIGKILL of an n8n process with the wait for it to be gone. Per-recipient counts at the
 * simulator are tooling/n8n/sim-recipients.ts's.
 */
import type { QueueCluster, QueueProcessName } from '../../tooling/n8n/queue/cluster';
import type { N8nInstance } from '../../tooling/n8n/n8n-process';
import { waitFor } from '../../tooling/n8n/wait-for';
import { workerThatStarted as startedBy } from './queue-bench';

/** The worker that logged `Worker started execution <id> (job …)` (info level), once one has. */
export async function workerThatStarted(
	cluster: QueueCluster,
	executionId: string,
	timeoutMs = 60000,
): Promise<QueueProcessName> {
	return await waitFor(
		`the worker that started execution ${executionId}`,
		async () => startedBy(cluster, executionId) as QueueProcessName | undefined,
		{ timeoutMs },
	);
}

/** SIGKILL, as the kernel's OOM killer or a lost machine would end it, then wait until it is gone. */
export async function killHard(instance: N8nInstance): Promise<void> {
	process.kill(instance.pid, 'SIGKILL');
	await instance.exited;
}

/** n8n saves an execution as it finishes, which may be just after the webhook has answered. */
import type { ExecutionSummary, N8nRestClient } from '../../../tooling/n8n/rest-client';
import { waitFor } from '../../../tooling/n8n/wait-for';

const UNFINISHED = new Set(['new', 'running', 'waiting']);

/** The workflow's executions, once at least `count` of them have finished (bounded wait). */
export async function finishedExecutions(
	client: N8nRestClient,
	workflowId: string,
	count: number,
	timeoutMs = 15000,
): Promise<ExecutionSummary[]> {
	return await waitFor(
		`${count} finished execution(s) of workflow ${workflowId}`,
		async () => {
			const executions = await client.listExecutions({ workflowId });
			const finished = executions.filter((e) => !UNFINISHED.has(e.status));
			return finished.length >= count ? finished : undefined;
		},
		{ timeoutMs, intervalMs: 250 },
	);
}

/**
 * n8n's executions as the bench reads them through the REST API: how many a workflow has, when
 * the newest one ran, and each node's own run time from its stored run data.
 */
import axios from 'axios';

import type { ExecutionSummary, N8nRestClient } from './rest-client';
import { waitFor } from './wait-for';
import { parseFlatted } from './flatted';

const UNFINISHED = new Set(['new', 'running', 'waiting', 'unknown']);

/** `GET /rest/executions` with a workflow filter: n8n's own count (the editor's "N executions"). */
export async function executionCounts(client: N8nRestClient, workflowId: string): Promise<{ total: number; finished: number }> {
	const [total, running] = await Promise.all([
		countMatching(client, { workflowId }),
		countMatching(client, { workflowId, status: ['new', 'running', 'waiting'] }),
	]);
	return { total, finished: total - running };
}

async function countMatching(client: N8nRestClient, filter: Record<string, unknown>): Promise<number> {
	const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: '1' });
	const response = await axios.get(`${client.baseUrl}/rest/executions?${query.toString()}`, {
		headers: { cookie: client.authCookie ?? '' },
		timeout: 60000,
	});
	const data = (response.data as { data: { count: number; estimated?: boolean } }).data;
	if (data.estimated) throw new Error('n8n answered an estimated execution count');
	return data.count;
}

export interface TimedExecution {
	id: string;
	status: string;
	/** stoppedAt − startedAt as n8n stored them. */
	runMs: number;
	/** Each node's `executionTime` from the run data (ms), by node name. */
	nodeMs: Record<string, number>;
}

/** The workflow's newest execution once it has finished (bounded wait), with its timings. */
export async function newestFinishedExecution(client: N8nRestClient, workflowId: string, timeoutMs = 60000): Promise<TimedExecution> {
	const summary = await waitFor<ExecutionSummary>(
		`a finished execution of workflow ${workflowId}`,
		async () => {
			const [newest] = await client.listExecutions({ workflowId }, 1);
			return newest && !UNFINISHED.has(newest.status) && newest.stoppedAt ? newest : undefined;
		},
		{ timeoutMs, intervalMs: 250 },
	);
	const details = await client.getExecution(summary.id);
	const data = parseFlatted(details.data) as {
		resultData?: { runData?: Record<string, Array<{ executionTime?: number }>> };
	};
	const nodeMs: Record<string, number> = {};
	for (const [name, tasks] of Object.entries(data?.resultData?.runData ?? {})) {
		nodeMs[name] = tasks.reduce((sum, task) => sum + (task.executionTime ?? 0), 0);
	}
	return {
		id: summary.id,
		status: summary.status,
		runMs: Date.parse(summary.stoppedAt!) - Date.parse(summary.startedAt!),
		nodeMs,
	};
}

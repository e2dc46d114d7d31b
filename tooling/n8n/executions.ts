/**
 * n8n's executions read through the REST API, for the e2e tests and the benches: how many a
 * workflow has, waiting for them to finish, when the newest one ran and each node's own run time,
 * and one execution's run data (which nodes ran, what each output). n8n saves an execution as it
 * finishes, which may be just after the webhook has answered: every read here waits, bounded.
 */
import axios from 'axios';

import type { ExecutionDetails, ExecutionSummary, N8nRestClient } from './rest-client';
import { waitFor } from './wait-for';
import { parseFlatted } from './flatted';

const UNFINISHED = new Set(['new', 'running', 'waiting', 'unknown']);

/** `GET /rest/executions` with a workflow filter: n8n's own count (the editor's "N executions"). */
export async function executionCounts(
	client: N8nRestClient,
	workflowId: string,
): Promise<{ total: number; finished: number }> {
	const [total, running] = await Promise.all([
		countMatching(client, { workflowId }),
		countMatching(client, { workflowId, status: ['new', 'running', 'waiting'] }),
	]);
	return { total, finished: total - running };
}

async function countMatching(
	client: N8nRestClient,
	filter: Record<string, unknown>,
): Promise<number> {
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
export async function newestFinishedExecution(
	client: N8nRestClient,
	workflowId: string,
	timeoutMs = 60000,
): Promise<TimedExecution> {
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

const UNFINISHED_STATUSES = new Set(['new', 'running', 'waiting']);

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
			const finished = executions.filter((e) => !UNFINISHED_STATUSES.has(e.status));
			return finished.length >= count ? finished : undefined;
		},
		{ timeoutMs, intervalMs: 250 },
	);
}

type Json = Record<string, unknown>;

interface NodeRun {
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Json }> | null> };
	error?: { message?: string };
}

/** A finished execution read back with its run data: which nodes ran and what each output. */
export interface FinishedExecution {
	id: string;
	status: string;
	mode: string;
	/** Node name → its runs (one per run of the node in this execution). */
	runData: Record<string, NodeRun[]>;
	/** The error that ended the execution, if any. */
	error?: { message?: string; node?: { name?: string } };
}

/** One execution, once it has finished (bounded wait), with its run data parsed. */
export async function finishedExecution(
	client: N8nRestClient,
	executionId: string,
	timeoutMs = 30000,
): Promise<FinishedExecution> {
	const details = await waitFor<ExecutionDetails>(
		`execution ${executionId} to finish`,
		async () => {
			const execution = await client.getExecution(executionId);
			return UNFINISHED_STATUSES.has(execution.status) ? undefined : execution;
		},
		{ timeoutMs, intervalMs: 250 },
	);
	const data = parseFlatted(details.data) as {
		resultData: { runData: Record<string, NodeRun[]>; error?: FinishedExecution['error'] };
	};
	return {
		id: details.id,
		status: details.status,
		mode: details.mode,
		runData: data.resultData.runData,
		error: data.resultData.error,
	};
}

/** The items `nodeName` put on `output` in its first run; [] when it did not run. */
export function nodeOutput(execution: FinishedExecution, nodeName: string, output = 0): Json[] {
	const run = execution.runData[nodeName]?.[0];
	return (run?.data?.main?.[output] ?? []).map((item) => item.json);
}

export function ranNodes(execution: FinishedExecution): string[] {
	return Object.keys(execution.runData).sort();
}

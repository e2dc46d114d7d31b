/**
 * A finished execution read back from n8n with its run data: which nodes ran and what each
 * output, so the tests check the example's own nodes, not only the simulator.
 */
import type { ExecutionDetails, N8nRestClient } from '../../../../tooling/n8n/rest-client';
import { waitFor } from '../../../../tooling/n8n/wait-for';
import { parseFlatted } from './flatted';

type Json = Record<string, unknown>;

interface NodeRun {
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Json }> | null> };
	error?: { message?: string };
}

export interface FinishedExecution {
	id: string;
	status: string;
	mode: string;
	/** Node name → its runs (one per run of the node in this execution). */
	runData: Record<string, NodeRun[]>;
	/** The error that ended the execution, if any. */
	error?: { message?: string; node?: { name?: string } };
}

const UNFINISHED = new Set(['new', 'running', 'waiting']);

export async function finishedExecution(
	client: N8nRestClient,
	executionId: string,
	timeoutMs = 30000,
): Promise<FinishedExecution> {
	const details = await waitFor<ExecutionDetails>(
		`execution ${executionId} to finish`,
		async () => {
			const execution = await client.getExecution(executionId);
			return UNFINISHED.has(execution.status) ? undefined : execution;
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

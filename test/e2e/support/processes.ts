/**
 * Which n8n process did what, from n8n's own records: no field of an execution names the process
 * that ran it, but in queue mode each process logs it (n8n's scaling code, info level): the
 * process that received the trigger "Enqueued execution <id> (job <job>)" and the worker that
 * ran it "Worker started execution <id> (job <job>)" / "Worker finished execution <id> …".
 * With one n8n (the `single` stack) every execution runs in that process and nothing is queued.
 */
import * as fs from 'node:fs';

import { waitFor } from '../../../tooling/n8n/wait-for';
import type { E2eContext, E2eProcess } from './context';

export interface ExecutionPlacement {
	executionId: string;
	/** Processes that logged enqueuing it (the one that received the webhook). */
	enqueuedBy: string[];
	/** Workers that logged starting it. */
	startedBy: string[];
	/** Workers that logged finishing it. */
	finishedBy: string[];
}

function logOf(process: E2eProcess): string {
	return fs.existsSync(process.logFile) ? fs.readFileSync(process.logFile, 'utf8') : '';
}

const LOG_LINES = {
	enqueuedBy: /Enqueued execution (\d+) \(job /g,
	startedBy: /Worker started execution (\d+) \(job /g,
	finishedBy: /Worker finished execution (\d+) \(job /g,
} as const;

/** Where each execution was enqueued, started and finished, as the processes' logs say now. */
export function placements(context: E2eContext, executionIds: string[]): ExecutionPlacement[] {
	const byId = new Map<string, ExecutionPlacement>(
		executionIds.map((executionId) => [
			executionId,
			{ executionId, enqueuedBy: [], startedBy: [], finishedBy: [] },
		]),
	);
	for (const process of context.processes) {
		const text = logOf(process);
		for (const [field, pattern] of Object.entries(LOG_LINES) as Array<
			[keyof typeof LOG_LINES, RegExp]
		>) {
			for (const match of text.matchAll(pattern)) {
				const placement = byId.get(match[1]);
				if (placement) placement[field].push(process.name);
			}
		}
	}
	return [...byId.values()];
}

/**
 * In queue mode: each execution was enqueued by `receiver` (e.g. the webhook processor) and
 * started and finished by exactly one worker, never by main. Returns the placements (waiting,
 * bounded, for the log lines: a worker logs "finished" just after n8n saved the execution).
 */
export async function expectRunByWorkers(
	context: E2eContext,
	executionIds: string[],
	receiver: 'webhook' | 'main',
): Promise<ExecutionPlacement[]> {
	if (context.stack !== 'queue') return [];
	expect(executionIds.length).toBeGreaterThan(0);
	const workers = context.processes.filter((p) => p.role === 'worker').map((p) => p.name);
	const receivers = context.processes
		.filter((p) => (receiver === 'main' ? p.role === 'start' : p.role === 'webhook'))
		.map((p) => p.name);
	const found = await waitFor(
		`worker log lines of executions ${executionIds.join(', ')}`,
		async () => {
			const now = placements(context, executionIds);
			return now.every((p) => p.finishedBy.length > 0) ? now : undefined;
		},
		{ timeoutMs: 15000, intervalMs: 500 },
	);
	for (const placement of found) {
		const { executionId, enqueuedBy, startedBy, finishedBy } = placement;
		expect({
			executionId,
			enqueuedOnce: enqueuedBy.length,
			startedOnce: startedBy.length,
			finishedWhereStarted: finishedBy,
		}).toEqual({
			executionId,
			enqueuedOnce: 1,
			startedOnce: 1,
			finishedWhereStarted: startedBy,
		});
		expect({
			executionId,
			receiver: receivers.includes(enqueuedBy[0]),
			worker: workers.includes(startedBy[0]),
		}).toEqual({
			executionId,
			receiver: true,
			worker: true,
		});
	}
	return found;
}

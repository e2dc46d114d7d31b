/**
 * `tsx bench/queue/webhook-restart.ts [--signals SIGKILL,SIGTERM] [--count 1000] [--rate 25]
 * [--restart-after 250] [--retries 5] [--retry-delay-ms 5000] [--timeout-ms 10000] [--out-dir DIR]`: issue 12's
 * fault "the webhook processor restarted during a callback burst", measured in a real n8n
 * queue-mode cluster (lazy expression isolates, as README "Running at volume" advises). For each
 * signal, in turn on one cluster: --count Africa's Talking delivery reports, each with its own
 * message id, are posted at --rate per second to an SMS Delivery Report Trigger (v2) on the
 * webhook processor; after the --restart-after-th, the webhook processor gets the signal (SIGKILL:
 * killed; SIGTERM: n8n's graceful shutdown) and is started again on the same port. Every callback
 * not acknowledged with a 2xx is then retried as a gateway would (--retries rounds, each
 * --retry-delay-ms after the previous). Counted per callback: acknowledged at once, refused or
 * failed (by kind), acknowledged after retries, lost after all retries; and from n8n's executions
 * (the trigger's output): reports with no execution, and reports with two or more (duplicates,
 * with the same eventId). Writes bench/results/queue-webhook-restart.json (or into --out-dir, e.g. the
 * git-ignored bench/results/tmp for a run that should not replace the committed one).
 */
import { finishedExecution, nodeOutput } from '../../tooling/n8n/executions';
import { waitFor } from '../../tooling/n8n/wait-for';
import {
	atDeliveryReport,
	deployTarget,
	FORM,
	triggerWorkflow,
} from '../../test/e2e/callbacks/support/callback-workflows';
import { listArg, numberArg, stringArg } from '../support/args';
import { describeMachine } from '../support/machine';
import { writeResult } from '../support/results';
import {
	firstAttemptOutcomes,
	retryUnacknowledged,
	sendBurst,
	type CallbackRecord,
} from './callback-burst';
import { markClusterLogs, startQueueBench, type QueueBench } from './queue-bench';

const log = (line: string) => process.stdout.write(`[webhook-restart] ${line}\n`);
const SIGNALS = ['SIGKILL', 'SIGTERM'] as const;
type Signal = (typeof SIGNALS)[number];
/** n8n's words about the shutdown and start of the webhook processor, and about webhook errors. */
const FAULT_LINES =
	/shut|Shut|stopp|Stopp|Error in handling webhook|aborted|ECONN|Received SIGTERM|exit|crash/;

interface Settings {
	count: number;
	rate: number;
	restartAfter: number;
	retries: number;
	retryDelayMs: number;
	timeoutMs: number;
}

/** The report's message id as Africa's Talking would send it: one per callback, unique across the run. */
function reportId(caseIndex: number, index: number): string {
	return `ATXid_${caseIndex}${String(index).padStart(6, '0')}`;
}

async function runCase(bench: QueueBench, signal: Signal, caseIndex: number, settings: Settings) {
	const { cluster, client } = bench;
	const target = triggerWorkflow(
		'smsDeliveryReportTrigger',
		2,
		{ gateway: 'africasTalking', statusFilter: 'all', options: {} },
		`webhook-restart ${signal}`,
	);
	const workflow = await deployTarget(client, target);
	const url = new URL(`${cluster.webhookUrl}/webhook/${target.webhookPath}`);
	const ids = Array.from({ length: settings.count }, (_, i) => reportId(caseIndex, i));
	const bodies = ids.map((id) => atDeliveryReport(id.slice('ATXid_'.length)));
	const logs = markClusterLogs(cluster);

	const fault: {
		restart?: Promise<{ signalledAtMs: number; exitedMs: number; backAfterMs: number }>;
	} = {};
	const first = await sendBurst({
		url,
		contentType: FORM,
		bodies,
		ratePerSecond: settings.rate,
		timeoutMs: settings.timeoutMs,
		afterSent: {
			index: settings.restartAfter - 1,
			run: (elapsedMs) => {
				const signalledAt = Date.now();
				log(
					`${signal} to webhook-1 (pid ${cluster.webhookProcessors[0].instance.pid}) after callback ${settings.restartAfter}`,
				);
				fault.restart = cluster
					.restartWebhookProcessor('webhook-1', signal)
					.then(({ exitedMs }) => ({
						signalledAtMs: elapsedMs,
						exitedMs,
						backAfterMs: Date.now() - signalledAt,
					}));
			},
		},
	});
	const records: CallbackRecord[] = first.records;
	if (!fault.restart) throw new Error('the restart never ran');
	const restartTiming = await fault.restart;
	log(
		`${signal}: webhook-1 exited ${restartTiming.exitedMs} ms after the signal and answered again after ${restartTiming.backAfterMs} ms`,
	);
	const firstOutcomes = firstAttemptOutcomes(records);
	const unacknowledgedAfterFirst = records.filter((r) => !r.acknowledged).length;
	const retryRounds = await retryUnacknowledged(
		records,
		{
			url,
			contentType: FORM,
			bodies,
			ratePerSecond: settings.rate,
			timeoutMs: settings.timeoutMs,
			rounds: settings.retries,
			delayMs: settings.retryDelayMs,
		},
		first.started,
	);

	// Executions, from n8n's database (its REST paging can skip rows on PostgreSQL): wait until their
	// number stops growing and none is unfinished, then read each one's report through the REST API.
	const stored = () =>
		cluster.postgres.query(
			`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflow.id.replace(/'/g, '')}'`,
		);
	let last = -1;
	await waitFor(
		'the report executions to settle',
		async () => {
			const rows = stored();
			const settled =
				rows.length === last &&
				rows.every(([, status]) => !['new', 'running', 'waiting'].includes(status));
			last = rows.length;
			return settled ? true : undefined;
		},
		{ timeoutMs: 300000, intervalMs: 5000 },
	);
	const executions = stored().map(([id]) => ({ id }));
	const restListed = (await client.listAllExecutions({ workflowId: workflow.id })).length;
	const perId = new Map<string, number>();
	const eventIds = new Map<string, Set<string>>();
	const statuses: Record<string, number> = {};
	for (const { id } of executions) {
		const execution = await finishedExecution(client, id);
		statuses[execution.status] = (statuses[execution.status] ?? 0) + 1;
		for (const item of nodeOutput(execution, 'Trigger')) {
			const messageId = String(item.messageId);
			perId.set(messageId, (perId.get(messageId) ?? 0) + 1);
			eventIds.set(messageId, (eventIds.get(messageId) ?? new Set()).add(String(item.eventId)));
		}
	}
	const attemptsOf = (r: CallbackRecord) => r.attempts.map((a) => a.error ?? String(a.status));
	const acknowledged = records.filter((r) => r.acknowledged);
	const duplicated = ids.filter((id) => (perId.get(id) ?? 0) > 1);
	const result = {
		signal,
		restart: restartTiming,
		callbacks: {
			sent: records.length,
			acknowledgedAtFirstAttempt: records.filter(
				(r) =>
					r.acknowledged &&
					r.attempts.findIndex((a) => a.status !== undefined && a.status < 300) === 0,
			).length,
			firstAttemptOutcomes: firstOutcomes,
			unacknowledgedAfterFirstAttempt: unacknowledgedAfterFirst,
			retryRounds,
			acknowledgedAfterRetries:
				acknowledged.length -
				records.filter((r) => r.attempts[0]?.status !== undefined && r.attempts[0].status! < 300)
					.length,
			lostAfterRetries: records.length - acknowledged.length,
			totalAttempts: records.reduce((sum, r) => sum + r.attempts.length, 0),
		},
		executions: {
			total: executions.length,
			listedByRestApi: restListed,
			statuses,
			reportsWithNoExecution: ids.filter((id) => !perId.has(id)).length,
			acknowledgedButNoExecution: acknowledged.filter((r) => !perId.has(ids[r.index])).length,
			acknowledgedButNoExecutionFirst: acknowledged
				.filter((r) => !perId.has(ids[r.index]))
				.slice(0, 10)
				.map((r) => ({ id: ids[r.index], attempts: r.attempts })),
			reportsWithTwoOrMore: duplicated.length,
			duplicatesKeepTheirEventId: duplicated.every((id) => eventIds.get(id)!.size === 1),
			duplicated: duplicated.slice(0, 20).map((id) => ({
				id,
				executions: perId.get(id),
				attempts: attemptsOf(records[ids.indexOf(id)]),
			})),
			foreignReports: [...perId.keys()].filter((id) => !ids.includes(id)).length,
		},
		n8nLogLines: logs.read(FAULT_LINES),
	};
	log(`${signal}: ${JSON.stringify(result, null, 2)}`);
	return result;
}

async function main(): Promise<void> {
	const signals = listArg('signals', SIGNALS);
	const settings: Settings = {
		count: numberArg('count', 1000),
		rate: numberArg('rate', 25),
		restartAfter: numberArg('restart-after', 250),
		retries: numberArg('retries', 5),
		retryDelayMs: numberArg('retry-delay-ms', 5000),
		timeoutMs: numberArg('timeout-ms', 10000),
	};
	if (settings.restartAfter < 1 || settings.restartAfter > settings.count)
		throw new Error('--restart-after must be between 1 and --count');
	const bench = await startQueueBench('webhook-restart', log, {
		extraEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	});
	try {
		const results = [];
		for (const [index, signal] of signals.entries())
			results.push(await runCase(bench, signal, index + 1, settings));
		const result = {
			what: "the webhook processor stopped with a signal during a burst of Africa's Talking delivery reports and started again; unacknowledged callbacks retried as a gateway would",
			machine: describeMachine({ n8nVersion: bench.n8nVersion }),
			settings: {
				...settings,
				trigger: 'SMS Delivery Report Trigger v2',
				env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
			},
			cases: results,
		};
		const outDir = stringArg('out-dir');
		log(
			`wrote ${outDir ? writeResult('queue-webhook-restart', result, outDir) : writeResult('queue-webhook-restart', result)}`,
		);
	} finally {
		await bench.stop();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`webhook-restart failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

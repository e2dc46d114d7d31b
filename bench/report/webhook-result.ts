/**
 * Measurement 2 (bench/README.md#goals-at-a-glance): delivery-report callbacks at a fixed rate to the SMS Delivery Report
 * Trigger and to n8n's own Webhook node in the same n8n, then stepping the rate up to find the
 * highest one each sustains. The load generator runs in its own process (open loop).
 */
import * as path from 'node:path';

import { sleep } from '../../tooling/n8n/wait-for';
import { runTsChild } from '../../tooling/n8n/child-process';
import { executionCounts } from '../../tooling/n8n/executions';
import { markLog, type LogEvidence } from '../support/log-evidence';
import { processCpuMs } from '../support/process-cpu';
import type { BenchStack } from '../support/n8n-stack';
import type { LoadSummary } from './load-generator';
import type { PayloadKind } from './payloads';
import { deployTarget, type DeployedTarget, type TargetKind } from './targets';
import { measureTriggerEngineCost, type TriggerEngineCost } from './trigger-engine-cost';

export interface WebhookOptions {
	fixedRate: number;
	fixedCount: number;
	/** Ascending; each step lasts `stepSeconds` (at least MIN_STEP_CALLBACKS callbacks). */
	stepRates: number[];
	stepSeconds: number;
	/** Payloads measured at the fixed rate; the step-up uses the first. */
	payloads: PayloadKind[];
	p99GoalMs: number;
	packageName: string;
}

export interface WebhookRow extends Omit<LoadSummary, 'perSecond' | 'url'> {
	target: TargetKind;
	payload: PayloadKind;
	phase: 'fixed' | 'step';
	executionsStarted: number;
	executionsFinished: number;
	/** From the last answer until n8n had finished every execution the run started. */
	drainMs: number;
	/** CPU time n8n's process used from the first send until the executions were drained, per callback. */
	n8nCpuMsPerCallback?: number;
	/** What n8n logged during the run. */
	n8nLog: LogEvidence;
	/** 0 lost, every callback started an execution, p99 under the goal. */
	meetsGoal: boolean;
	perSecond?: LoadSummary['perSecond'];
}

export interface P99Comparison {
	payload: PayloadKind;
	rate: number;
	phase: WebhookRow['phase'];
	triggerP99: number;
	webhookNodeP99: number;
	ratio: number;
	/**
	 * False when either lost callbacks: then its p99 is capped by the client's 10 s timeout and
	 * the ratio says nothing about the receivers.
	 */
	comparable: boolean;
}

export interface WebhookResult {
	settings: Omit<WebhookOptions, 'packageName'> & { minStepCallbacks: number };
	rows: WebhookRow[];
	/** Per target: the highest stepped rate that met the goal (the fixed rate counts as a step). */
	highestSustainedRate: Record<TargetKind, number | null>;
	/** Trigger p99 ÷ Webhook node p99 at every rate both were sent. */
	p99Comparisons: P99Comparison[];
	/** The trigger's own webhook() in the engine, per payload (no n8n server around it). */
	triggerEngineCost: TriggerEngineCost[];
}

const LOAD_GENERATOR = path.join(__dirname, 'load-generator.ts');
const DRAIN_TIMEOUT_MS = 180_000;
const DRAIN_STALL_MS = 30_000;
const TARGETS: TargetKind[] = ['trigger', 'webhookNode'];
const MIN_STEP_CALLBACKS = 300;

export async function measureWebhooks(stack: BenchStack, options: WebhookOptions, log: (line: string) => void): Promise<WebhookResult> {
	const rows: WebhookRow[] = [];
	const deployed = new Map<string, DeployedTarget>();
	for (const payload of options.payloads) {
		for (const kind of TARGETS) {
			const target = await deployTarget(stack.client, kind, payload, options.packageName);
			deployed.set(`${kind}:${payload}`, target);
			// Warm-up (and proof the production URL is registered): 50 callbacks at 50/s.
			const warmUp = await runLoad(stack, target, 50, 50, 'step');
			if (warmUp.ok === 0) throw new Error(`warm-up of ${kind} (${payload}): no callback answered (${warmUp.firstErrors.join('; ')})`);
			if (warmUp.lost > 0) log(`  warm-up of ${kind} (${payload}) lost ${warmUp.lost} of 50`);
		}
		for (const kind of TARGETS) {
			const row = await runLoad(stack, deployed.get(`${kind}:${payload}`)!, options.fixedRate, options.fixedCount, 'fixed', options.p99GoalMs);
			rows.push(row);
			log(describe(row));
		}
	}

	const stepPayload = options.payloads[0];
	// The ladder starts low for every receiver, whatever the fixed rate gave, and stops a receiver
	// at its first step that misses the goal.
	const highestSustainedRate: Record<TargetKind, number | null> = { trigger: null, webhookNode: null };
	const stillGoing = new Set<TargetKind>(TARGETS);
	for (const rate of options.stepRates) {
		if (stillGoing.size === 0) break;
		for (const kind of TARGETS) {
			if (!stillGoing.has(kind)) continue;
			// At least 300 callbacks, so a p99 is not one slow answer out of a hundred.
			const count = Math.max(MIN_STEP_CALLBACKS, Math.round(rate * options.stepSeconds));
			const row = await runLoad(stack, deployed.get(`${kind}:${stepPayload}`)!, rate, count, 'step', options.p99GoalMs);
			rows.push(row);
			log(describe(row));
			if (row.meetsGoal) highestSustainedRate[kind] = rate;
			else stillGoing.delete(kind);
		}
	}

	for (const kind of TARGETS) {
		const fixed = rows.find((r) => r.target === kind && r.payload === stepPayload && r.phase === 'fixed');
		if (fixed?.meetsGoal && options.fixedRate > (highestSustainedRate[kind] ?? 0)) highestSustainedRate[kind] = options.fixedRate;
	}
	const p99Comparisons: P99Comparison[] = [];
	for (const trigger of rows.filter((r) => r.target === 'trigger')) {
		const peer = rows.find(
			(r) => r.target === 'webhookNode' && r.payload === trigger.payload && r.targetRate === trigger.targetRate && r.phase === trigger.phase,
		);
		if (!peer) continue;
		p99Comparisons.push({
			payload: trigger.payload,
			rate: trigger.targetRate,
			phase: trigger.phase,
			triggerP99: trigger.latencyMs.p99,
			webhookNodeP99: peer.latencyMs.p99,
			ratio: Number((trigger.latencyMs.p99 / peer.latencyMs.p99).toFixed(2)),
			comparable: trigger.lost === 0 && peer.lost === 0,
		});
	}
	for (const target of deployed.values()) await stack.client.deactivateWorkflow(target.workflowId);
	const triggerEngineCost: TriggerEngineCost[] = [];
	for (const payload of options.payloads) triggerEngineCost.push(await measureTriggerEngineCost(payload, 2000));
	const { packageName, ...settings } = options;
	void packageName;
	return { settings: { ...settings, minStepCallbacks: MIN_STEP_CALLBACKS }, rows, highestSustainedRate, p99Comparisons, triggerEngineCost };
}

async function runLoad(
	stack: BenchStack,
	target: DeployedTarget,
	rate: number,
	count: number,
	phase: WebhookRow['phase'],
	p99GoalMs = Number.POSITIVE_INFINITY,
): Promise<WebhookRow> {
	const before = await drain(stack, target.workflowId);
	const cpuBefore = processCpuMs(stack.n8n.pid);
	const logMark = markLog(stack.n8n.logFile);
	const summary = await runTsChild<LoadSummary>(
		LOAD_GENERATOR,
		['--url', `${stack.n8n.url}/webhook/${target.path}`, '--rate', String(rate), '--count', String(count), '--payload', target.payload],
		{ timeoutMs: (count / rate) * 1000 + 120_000 },
	);
	const answeredAt = Date.now();
	const after = await drain(stack, target.workflowId);
	const cpuAfter = processCpuMs(stack.n8n.pid);
	const { perSecond, url, ...rest } = summary;
	void url;
	const executionsStarted = after.total - before.total;
	return {
		target: target.kind,
		payload: target.payload,
		phase,
		...rest,
		executionsStarted,
		executionsFinished: after.finished - before.finished,
		drainMs: Math.max(0, after.at - answeredAt),
		...(cpuBefore !== undefined && cpuAfter !== undefined
			? { n8nCpuMsPerCallback: Number(((cpuAfter - cpuBefore) / count).toFixed(2)) }
			: {}),
		n8nLog: logMark.read(),
		meetsGoal: summary.lost === 0 && executionsStarted === count && summary.latencyMs.p99 < p99GoalMs,
		...(phase === 'fixed' ? { perSecond } : {}),
	};
}

/**
 * Waits (bounded) until every execution of the workflow has finished and their number has stayed
 * the same for a second: callbacks answered late (or after the client gave up) still start
 * executions, and the next run must start from an idle n8n. n8n may answer 503 while its database
 * is busy; such a poll is simply repeated.
 */
async function drain(stack: BenchStack, workflowId: string): Promise<{ total: number; finished: number; at: number }> {
	const deadline = Date.now() + DRAIN_TIMEOUT_MS;
	let last: { total: number; finished: number } | undefined;
	let lastChangeAt = Date.now();
	let stableSince = Date.now();
	while (Date.now() < deadline && Date.now() - lastChangeAt < DRAIN_STALL_MS) {
		const now = await executionCounts(stack.client, workflowId).catch(() => undefined);
		if (now) {
			if (!last || now.total !== last.total || now.finished !== last.finished) {
				lastChangeAt = Date.now();
				stableSince = Date.now();
			}
			last = now;
			if (now.finished === now.total && Date.now() - stableSince >= 1000) break;
		}
		await sleep(250);
	}
	if (!last) throw new Error(`n8n did not answer how many executions workflow ${workflowId} has`);
	return { ...last, at: lastChangeAt };
}

function describe(row: WebhookRow): string {
	return (
		`  ${row.target} (${row.payload}) ${row.targetRate}/s × ${row.count}: p50 ${row.latencyMs.p50} ms, ` +
		`p99 ${row.latencyMs.p99} ms, lost ${row.lost}, executions ${row.executionsStarted}, drain ${row.drainMs} ms` +
		(row.meetsGoal ? '' : '  (goal missed)')
	);
}

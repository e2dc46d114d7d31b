/**
 * The webhook phase of `npm run bench`: for each n8n setting in turn (one n8n, or one queue
 * cluster, started and stopped per setting), the three receivers of callback-targets.ts deployed
 * side by side, then open-loop bursts of Africa's Talking delivery reports at each rate in
 * ascending order. A receiver stops climbing at its first rate that misses the goal (p99 under
 * the limit, nothing lost, one execution per callback): above it n8n only queues more, and the
 * drain of a missed rate is what makes a run long. Per run: p50/p99, lost, executions started,
 * and each n8n process's CPU per callback (/proc/<pid>/stat, from the first send until the
 * executions were drained).
 */
import * as path from 'node:path';

import { runTsChild } from '../../../tooling/n8n/child-process';
import { executionCounts } from '../../../tooling/n8n/executions';
import type { N8nRestClient } from '../../../tooling/n8n/rest-client';
import { sleep } from '../../../tooling/n8n/wait-for';
import { processCpuMs } from '../../support/process-cpu';
import type { LoadSummary } from '../load-generator';
import {
	deployReceiver,
	RECEIVERS,
	type DeployedReceiver,
	type ReceiverKind,
} from './callback-targets';
import { startReceiverStack, type ReceiverStack } from './receiver-stack';
import type { N8nSetting } from './settings';

/** Marks the result shape in bench/results/webhooks.json (version 1 had no field). */
export const WEBHOOK_SETTINGS_SHAPE = 2;

export interface SettingsOptions {
	settings: N8nSetting[];
	rates: number[];
	callbacksPerRun: number;
	warmUpCallbacks: number;
	p99GoalMs: number;
	clientTimeoutMs: number;
}

export interface SettingsRun extends Omit<LoadSummary, 'perSecond' | 'url'> {
	receiver: ReceiverKind;
	executionsStarted: number;
	executionsFinished: number;
	drainMs: number;
	/** n8n CPU per callback, per process (`main`, `worker-1`, `webhook-1`…), and their sum. */
	cpuMsPerCallback: Record<string, number>;
	cpuMsPerCallbackTotal: number;
	meetsGoal: boolean;
}

export interface SettingResult {
	id: string;
	label: string;
	env: Record<string, string>;
	queue?: N8nSetting['queue'];
	/** How callbacks reached the receiving processes. */
	receiving: string;
	processes: string[];
	runs: SettingsRun[];
	/** Per receiver: the highest rate that met the goal, null when none did. */
	highestSustainedRate: Record<ReceiverKind, number | null>;
	/** Set when the setting could not be measured (e.g. the cluster did not start). */
	error?: string;
}

export interface WebhookSettingsResult {
	shape: typeof WEBHOOK_SETTINGS_SHAPE;
	options: Omit<SettingsOptions, 'settings'>;
	settings: SettingResult[];
}

const LOAD_GENERATOR = path.join(__dirname, '..', 'load-generator.ts');
const DRAIN_TIMEOUT_MS = 180_000;
const DRAIN_STALL_MS = 30_000;

export async function measureWebhookSettings(
	options: SettingsOptions,
	log: (line: string) => void,
	onStack: (stack: ReceiverStack | undefined) => void,
): Promise<
	WebhookSettingsResult & {
		versions: { n8nVersion: string; n8nNode: string; addedNodes: string[] } | undefined;
	}
> {
	const results: SettingResult[] = [];
	let versions: { n8nVersion: string; n8nNode: string; addedNodes: string[] } | undefined;
	const { settings, ...rest } = options;
	for (const setting of settings) {
		log(`setting: ${setting.label}`);
		let stack: ReceiverStack | undefined;
		try {
			stack = await startReceiverStack(setting, log);
			onStack(stack);
			versions = {
				n8nVersion: stack.n8nVersion,
				n8nNode: stack.n8nNode,
				addedNodes: stack.addedNodes,
			};
			results.push(await measureOneSetting(stack, setting, options, log));
		} catch (error) {
			const message = (error as Error).message.split('\n')[0];
			log(`  ${setting.label}: not measured (${message})`);
			results.push({
				id: setting.id,
				label: setting.label,
				env: { ...setting.env },
				...(setting.queue ? { queue: setting.queue } : {}),
				receiving: '',
				processes: [],
				runs: [],
				highestSustainedRate: { triggerV1: null, triggerV2: null, webhookNode: null },
				error: message,
			});
		} finally {
			onStack(undefined);
			await stack?.stop();
		}
	}
	return { shape: WEBHOOK_SETTINGS_SHAPE, options: rest, settings: results, versions };
}

async function measureOneSetting(
	stack: ReceiverStack,
	setting: N8nSetting,
	options: SettingsOptions,
	log: (line: string) => void,
): Promise<SettingResult> {
	const deployed: DeployedReceiver[] = [];
	for (const kind of RECEIVERS)
		deployed.push(await deployReceiver(stack.client, kind, stack.webhookBaseUrls));
	// Warm-up (code caches, first queries), kept out of the figures.
	for (const receiver of deployed) {
		const warm = await runOnce(stack, receiver, 10, options.warmUpCallbacks, options);
		if (warm.ok === 0)
			throw new Error(
				`warm-up of ${receiver.kind}: no callback answered (${warm.firstErrors.join('; ')})`,
			);
	}
	const runs: SettingsRun[] = [];
	const highestSustainedRate: Record<ReceiverKind, number | null> = {
		triggerV1: null,
		triggerV2: null,
		webhookNode: null,
	};
	const climbing = new Set<ReceiverKind>(RECEIVERS);
	for (const rate of options.rates) {
		for (const receiver of deployed) {
			if (!climbing.has(receiver.kind)) continue;
			const run = await runOnce(stack, receiver, rate, options.callbacksPerRun, options);
			runs.push(run);
			log(describe(run));
			if (run.meetsGoal) highestSustainedRate[receiver.kind] = rate;
			else climbing.delete(receiver.kind);
		}
	}
	for (const receiver of deployed) await stack.client.deactivateWorkflow(receiver.workflowId);
	return {
		id: setting.id,
		label: setting.label,
		env: stack.env,
		...(setting.queue ? { queue: setting.queue } : {}),
		receiving:
			stack.webhookBaseUrls.length > 1
				? `round-robin by the load generator over ${stack.webhookBaseUrls.length} webhook processors (no shared address)`
				: setting.queue
					? 'the webhook processor'
					: 'the one n8n process',
		processes: stack.processes.map((p) => p.name),
		runs,
		highestSustainedRate,
	};
}

async function runOnce(
	stack: ReceiverStack,
	receiver: DeployedReceiver,
	rate: number,
	count: number,
	options: SettingsOptions,
): Promise<SettingsRun> {
	const before = await drain(stack.client, receiver.workflowId);
	const cpuBefore = stack.processes.map((p) => processCpuMs(p.pid));
	const urls = stack.webhookBaseUrls.map((base) => `${base}/webhook/${receiver.webhookPath}`);
	const summary = await runTsChild<LoadSummary>(
		LOAD_GENERATOR,
		[
			'--urls',
			urls.join(','),
			'--rate',
			String(rate),
			'--count',
			String(count),
			'--payload',
			'africasTalkingReport',
			'--timeout-ms',
			String(options.clientTimeoutMs),
		],
		{ timeoutMs: (count / rate) * 1000 + options.clientTimeoutMs + 120_000 },
	);
	const answeredAt = Date.now();
	const after = await drain(stack.client, receiver.workflowId);
	const cpuMsPerCallback: Record<string, number> = {};
	stack.processes.forEach((p, i) => {
		const now = processCpuMs(p.pid);
		const was = cpuBefore[i];
		if (now !== undefined && was !== undefined)
			cpuMsPerCallback[p.name] = round((now - was) / count);
	});
	const { perSecond, url, ...rest } = summary;
	void perSecond;
	void url;
	const executionsStarted = after.total - before.total;
	return {
		receiver: receiver.kind,
		...rest,
		executionsStarted,
		executionsFinished: after.finished - before.finished,
		drainMs: Math.max(0, after.at - answeredAt),
		cpuMsPerCallback,
		cpuMsPerCallbackTotal: round(Object.values(cpuMsPerCallback).reduce((a, b) => a + b, 0)),
		meetsGoal:
			summary.lost === 0 &&
			executionsStarted === count &&
			summary.latencyMs.p99 < options.p99GoalMs,
	};
}

/**
 * Waits (bounded) until every execution of the workflow has finished and their number has stayed
 * the same for a second, so each run starts from an idle n8n and counts only its own executions.
 * A poll n8n fails (503 while its database is busy) is repeated.
 */
async function drain(
	client: N8nRestClient,
	workflowId: string,
): Promise<{ total: number; finished: number; at: number }> {
	const deadline = Date.now() + DRAIN_TIMEOUT_MS;
	let last: { total: number; finished: number } | undefined;
	let lastChangeAt = Date.now();
	let stableSince = Date.now();
	while (Date.now() < deadline && Date.now() - lastChangeAt < DRAIN_STALL_MS) {
		const now = await executionCounts(client, workflowId).catch(() => undefined);
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

function describe(run: SettingsRun): string {
	const cpu = Object.entries(run.cpuMsPerCallback)
		.map(([name, ms]) => `${name} ${ms}`)
		.join(', ');
	return (
		`  ${run.receiver} ${run.targetRate}/s × ${run.count}: p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, lost ${run.lost}, ` +
		`executions ${run.executionsStarted}, CPU ms/callback ${cpu}` +
		(run.meetsGoal ? '' : '  (goal missed)')
	);
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

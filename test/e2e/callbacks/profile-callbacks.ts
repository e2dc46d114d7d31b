/**
 * Issue 16 item 2: where a real n8n spends its time per gateway callback. Not a test and not the
 * benchmark (bench/ measures rates and latencies): one n8n per expression-engine setting, started
 * with `node --cpu-prof`, receives a burst of Africa's Talking delivery reports at the Delivery
 * Report trigger v1, v2 (each starting trigger → No-Op), v1 and v2 with Failures Only (each report
 * acknowledged, no execution) and n8n's Webhook node (the reference). Each burst's window is cut
 * out of the profile by time, so the targets are compared side by side in one n8n: on a shared
 * machine the shares are meaningful, the absolute times much less so.
 *
 *   npx tsx test/e2e/callbacks/profile-callbacks.ts [callbacks per burst, default 200]
 *   npx tsx test/e2e/callbacks/profile-callbacks.ts analyse   (again, from the kept profiles)
 *
 * Prints a table and writes test-results/callbacks-profile.json, keeping each n8n's profile in
 * test-results/callbacks-<setting>.cpuprofile; docs/callbacks.md reports a run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../../tooling/n8n/paths';
import { sleep, waitFor } from '../../../tooling/n8n/wait-for';
import {
	atDeliveryReport,
	deployTarget,
	FORM,
	triggerWorkflow,
	webhookNodeWorkflow,
	type CallbackTarget,
} from './support/callback-workflows';
import { breakdown, loadProfile, monotonicUs, type WindowBreakdown } from './support/cpu-profile';
import { startOwnN8n, type OwnN8n } from './support/own-n8n';
import { processCpuMs } from './support/process-cpu';

const ANALYSE_ONLY = process.argv[2] === 'analyse';
const CALLBACKS = ANALYSE_ONLY ? 0 : Number(process.argv[2] ?? 200);
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const profileFileOf = (setting: string) =>
	path.join(RESULTS_DIR, `callbacks-${setting.replace(/\W+/g, '-')}.cpuprofile`);
const CONCURRENCY = 4;
const SETTINGS = [
	{ label: 'defaults', env: {} as Record<string, string> },
	{ label: 'lazy acquisition', env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } },
];

interface Target {
	label: string;
	build: () => CallbackTarget;
	starts: boolean;
}

const TARGETS: Target[] = [
	{
		label: 'Delivery Report v1',
		build: () => triggerWorkflow('smsDeliveryReportTrigger', 1, { gateway: 'africasTalking' }),
		starts: true,
	},
	{
		label: 'Delivery Report v2',
		build: () => triggerWorkflow('smsDeliveryReportTrigger', 2, { gateway: 'africasTalking' }),
		starts: true,
	},
	{ label: "n8n's Webhook node v2", build: () => webhookNodeWorkflow(), starts: true },
	{
		label: 'Delivery Report v1, acknowledged only',
		build: () =>
			triggerWorkflow('smsDeliveryReportTrigger', 1, {
				gateway: 'africasTalking',
				statusFilter: 'failures',
			}),
		starts: false,
	},
	{
		label: 'Delivery Report v2, acknowledged only',
		build: () =>
			triggerWorkflow('smsDeliveryReportTrigger', 2, {
				gateway: 'africasTalking',
				statusFilter: 'failures',
			}),
		starts: false,
	},
];

interface BurstResult {
	setting: string;
	target: string;
	callbacks: number;
	failures: number;
	executions: number;
	/** n8n's process CPU (all threads, /proc) per callback. */
	processCpuMsPerCallback: number;
	wallMs: number;
	profile?: WindowBreakdown;
	window: [number, number];
}

function analyse(results: BurstResult[]): void {
	for (const result of results) {
		const file = profileFileOf(result.setting);
		if (fs.existsSync(file)) result.profile = breakdown(loadProfile(file), ...result.window);
	}
}

async function burst(
	own: OwnN8n,
	setting: string,
	target: Target,
	deployed: CallbackTarget,
	workflowId: string,
): Promise<BurstResult> {
	const { client, n8n } = own;
	const before = (await client.listExecutions({ workflowId })).length;
	let next = 0;
	let failures = 0;
	const cpuBefore = processCpuMs(n8n.pid);
	const started = Date.now();
	const from = monotonicUs();
	const worker = async () => {
		for (let i = next++; i < CALLBACKS; i = next++) {
			const reply = await client.callWebhook(deployed.webhookPath, {
				body: atDeliveryReport(`${setting.length}-${target.label.length}-${i}`),
				headers: { 'content-type': FORM },
				registrationTimeoutMs: 0,
			});
			if (reply.status !== 200) failures++;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	// Executions finish (and are saved) a little after their callback was answered.
	await sleep(3000);
	const to = monotonicUs();
	const cpu = processCpuMs(n8n.pid) - cpuBefore;
	const wallMs = Date.now() - started;
	const expected = before + (target.starts ? CALLBACKS : 0);
	const executions = await waitFor(
		`${expected} executions of ${target.label}`,
		async () => {
			const count = (await client.listAllExecutions({ workflowId })).length;
			return count >= expected ? count : undefined;
		},
		{ timeoutMs: 60_000, intervalMs: 1000 },
	);
	return {
		setting,
		target: target.label,
		callbacks: CALLBACKS,
		failures,
		executions: executions - before,
		processCpuMsPerCallback: cpu / CALLBACKS,
		wallMs,
		window: [from, to],
	};
}

/** SIGTERM to n8n's own pid, and a long wait: --cpu-prof writes the profile only on a clean exit. */
async function stopForProfile(own: OwnN8n): Promise<void> {
	process.kill(own.n8n.pid, 'SIGTERM');
	await Promise.race([own.n8n.exited, sleep(90_000)]);
	await own.stop({ keep: true });
}

async function main(): Promise<void> {
	const log = (line: string) => process.stdout.write(`[profile] ${line}\n`);
	const out = path.join(RESULTS_DIR, 'callbacks-profile.json');
	const results: BurstResult[] = ANALYSE_ONLY
		? (JSON.parse(fs.readFileSync(out, 'utf8')) as BurstResult[])
		: [];
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	for (const setting of ANALYSE_ONLY ? [] : SETTINGS) {
		const profileDir = fs.mkdtempSync(path.join(REPO_ROOT, '.cache', 'cpu-profile-'));
		log(`${setting.label}: starting n8n with --cpu-prof`);
		const own = await startOwnN8n({
			label: 'profile',
			env: { ...setting.env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` },
			log,
		});
		const settingResults: BurstResult[] = [];
		try {
			const deployed = [];
			for (const target of TARGETS) {
				const built = target.build();
				const workflow = await deployTarget(own.client, built);
				deployed.push({ target, built, workflowId: workflow.id });
			}
			for (const { target, built, workflowId } of deployed) {
				// A few calls first, so one-off work (code caches, first queries) stays out of the window.
				for (let i = 0; i < 5; i++)
					await own.client.callWebhook(built.webhookPath, {
						body: atDeliveryReport(`warm${i}`),
						headers: { 'content-type': FORM },
						registrationTimeoutMs: 0,
					});
				await sleep(2000);
				const result = await burst(own, setting.label, target, built, workflowId);
				log(
					`${setting.label}, ${target.label}: ${result.processCpuMsPerCallback.toFixed(1)} ms CPU per callback, ${result.failures} failed`,
				);
				settingResults.push(result);
			}
		} finally {
			await stopForProfile(own);
		}
		const profileFile = fs
			.readdirSync(profileDir)
			.find((name) => name.includes(`.${own.n8n.pid}.`));
		if (profileFile)
			fs.copyFileSync(path.join(profileDir, profileFile), profileFileOf(setting.label));
		else log(`no profile of pid ${own.n8n.pid} in ${profileDir} (n8n did not exit cleanly)`);
		results.push(...settingResults);
		fs.rmSync(own.tempDir, { recursive: true, force: true });
		fs.rmSync(profileDir, { recursive: true, force: true });
	}
	analyse(results);
	fs.writeFileSync(
		out,
		JSON.stringify(
			results.map((r) => ({ ...r, profile: undefined })),
			null,
			2,
		),
	);
	for (const result of results) {
		const profile = result.profile;
		log(
			`\n${result.setting} | ${result.target}: ${result.callbacks} callbacks, ${result.failures} failed, ${result.executions} executions`,
		);
		log(`  n8n CPU per callback (all threads): ${result.processCpuMsPerCallback.toFixed(1)} ms`);
		if (!profile) continue;
		log(`  main thread busy per callback: ${(profile.busyMs / result.callbacks).toFixed(1)} ms`);
		const rows = Object.entries(profile.byCategory).sort((a, b) => b[1] - a[1]);
		for (const [category, ms] of rows)
			log(
				`    ${((100 * ms) / profile.busyMs).toFixed(1).padStart(5)}%  ${(ms / result.callbacks).toFixed(2).padStart(6)} ms  ${category}`,
			);
		log(
			`    inclusive: this package ${((100 * profile.packageInclusiveMs) / profile.busyMs).toFixed(1)}%, expression engine ${((100 * profile.expressionInclusiveMs) / profile.busyMs).toFixed(1)}%`,
		);
	}
	log(`written to ${path.relative(REPO_ROOT, out)}`);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});

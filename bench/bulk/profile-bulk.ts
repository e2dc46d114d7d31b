/**
 * Where n8n's CPU goes during one bulk Send SMS run: starts the bench's n8n with `--cpu-prof`,
 * runs one case (warm-up first, as the bulk bench does), stops n8n so V8 writes the profile, and
 * prints a JSON summary of the samples taken while the measured run was in flight (self and total
 * time per function, self time per package), with n8n's CPU time per gateway request. The
 * machine's load average is recorded beside it: on a shared machine compare shares, not times.
 *
 *   npx tsx bench/bulk/profile-bulk.ts [--gateway gupshup] [--mode personalised] [--recipients 5000]
 *                                       [--latency 20] [--out bench/results/tmp/profile.json] [--no-profile]
 *
 * `--no-profile` measures the same run without the profiler (whose sampling costs CPU too);
 * `--max-concurrency N` sets Send SMS's Max Concurrency (default: the node's own default).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { flagArg, numberArg, stringArg } from '../support/args';
import { newestFinishedExecution } from '../../tooling/n8n/executions';
import { recipientList, type BenchGateway, type SendMode } from '../support/gateways';
import { N8N_BENCH_ENV, startBenchStack, type BenchStack } from '../support/n8n-stack';
import { processCpuMs } from '../support/process-cpu';
import { postWebhook } from '../../tooling/n8n/webhook-call';
import { bulkWorkflow, deploy, uniqueTag } from '../support/workflows';
import { summariseProfile } from './cpu-profile';
import { sendSmsNode } from './senders';

const log = (line: string) => process.stderr.write(`[profile] ${line}\n`);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function main(): Promise<void> {
	const gateway = (stringArg('gateway') ?? 'gupshup') as BenchGateway;
	const mode = (stringArg('mode') ?? 'personalised') as SendMode;
	const recipients = numberArg('recipients', 5000);
	const latencyMs = numberArg('latency', 20);
	const out =
		stringArg('out') ?? path.join('bench', 'results', 'tmp', `profile-${gateway}-${mode}.json`);
	const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-cpuprof-'));
	const profile = !flagArg('no-profile');
	if (profile) N8N_BENCH_ENV.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${profileDir}`;

	let stack: BenchStack | undefined;
	let window = { fromUs: 0, toUs: 0 };
	let run: Record<string, unknown> = {};
	let pid = -1;
	try {
		stack = await startBenchStack(log);
		pid = stack.n8n.pid;
		const workflowPath = `profile-${gateway.toLowerCase()}-${mode}-${uniqueTag()}`;
		const sender = sendSmsNode(gateway, mode, stack.credentials, 'n8n-nodes-sms-gateways');
		const maxConcurrency = stringArg('max-concurrency');
		if (maxConcurrency) sender.parameters.options = { maxConcurrency: Number(maxConcurrency) };
		const workflow = await deploy(
			stack.client,
			bulkWorkflow(`profile ${gateway} ${mode}`, workflowPath, sender),
		);
		await stack.sim.reset();
		await stack.sim.configure({
			latency: { fixedMs: latencyMs, jitterMs: 0 },
			balances: { africasTalking: 1e9, gupshup: 1e9, smsBox: 1e9 },
		});
		await postWebhook(stack.n8n.url, workflowPath, { recipients: recipientList(gateway, 200) });
		await newestFinishedExecution(stack.client, workflow.id);
		await stack.sim.reset();
		await stack.sim.configure({
			latency: { fixedMs: latencyMs, jitterMs: 0 },
			balances: { africasTalking: 1e9, gupshup: 1e9, smsBox: 1e9 },
		});

		const load = os.loadavg();
		const cpuBefore = processCpuMs(pid);
		const fromUs = nowUs();
		const reply = await postWebhook<unknown[]>(stack.n8n.url, workflowPath, {
			recipients: recipientList(gateway, recipients),
		});
		const toUs = nowUs();
		const cpuAfter = processCpuMs(pid);
		window = { fromUs, toUs };
		const stats = await stack.sim.stats();
		const requests = stats.requests.byGateway[gateway].total;
		const n8nCpuMs =
			cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : Number.NaN;
		run = {
			gateway,
			mode,
			recipients,
			latencyMs,
			replyStatus: reply.status,
			outputItems: Array.isArray(reply.body) ? reply.body.length : 0,
			clientMs: Math.round(reply.clientMs),
			requests,
			n8nCpuMs,
			n8nCpuMsPerRequest: Math.round((n8nCpuMs / requests) * 1000) / 1000,
			loadAverageBefore: load,
			loadAverageAfter: os.loadavg(),
			cpus: os.cpus().length,
			profiled: profile,
			maxConcurrency: maxConcurrency ? Number(maxConcurrency) : 'node default',
		};
		log(JSON.stringify(run));
		await stack.client.deactivateWorkflow(workflow.id);
	} finally {
		await stack?.stop();
	}
	if (!profile) {
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, JSON.stringify({ run }, null, 2));
		fs.rmSync(profileDir, { recursive: true, force: true });
		log(`wrote ${out}`);
		return;
	}
	const profiles = fs.readdirSync(profileDir).filter((f) => f.includes(`.${pid}.`));
	if (profiles.length === 0)
		throw new Error(
			`n8n (pid ${pid}) wrote no profile into ${profileDir}: ${fs.readdirSync(profileDir).join(', ')}`,
		);
	const summary = summariseProfile(path.join(profileDir, profiles[0]), window, 40);
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify({ run, profile: profiles[0], summary }, null, 2));
	fs.rmSync(profileDir, { recursive: true, force: true });
	log(`wrote ${out}`);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

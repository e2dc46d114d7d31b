/**
 * What the queue-mode fault scenarios (bench/queue/worker-crash.ts, redis-restart.ts,
 * webhook-restart.ts) have in common, kept once: start the simulator and a real n8n queue-mode
 * cluster (tooling/n8n/queue/cluster.ts) with an owner and the simulator's credentials; deploy a
 * Webhook → Send SMS campaign and start it; find which worker runs an execution and how often a
 * worker started it, from n8n's own log lines; collect what n8n logged about a fault; stop everything by its own pid.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSimulator, type Simulator } from '../../simulator';
import { ensureN8nInstalled } from '../../tooling/n8n/install-n8n';
import { ensurePackedPackage } from '../../tooling/n8n/pack-package';
import {
	provisionSimulatorCredentials,
	type ProvisionedCredentials,
} from '../../tooling/n8n/provision-credentials';
import {
	startQueueCluster,
	type QueueCluster,
	type QueueClusterOptions,
} from '../../tooling/n8n/queue/cluster';
import { N8nRestClient, type WorkflowSummary } from '../../tooling/n8n/rest-client';
import { SimControl } from '../../tooling/n8n/sim-control';
import { waitFor } from '../../tooling/n8n/wait-for';
import { deployActive, gupshupCampaignWorkflow, uniqueTag } from '../../tooling/n8n/workflows';

const OWNER = {
	email: 'bench@example.com',
	firstName: 'Bench',
	lastName: 'Mark',
	password: 'Bench-password-1',
};

export interface QueueBench {
	cluster: QueueCluster;
	simulator: Simulator;
	sim: SimControl;
	client: N8nRestClient;
	credentials: ProvisionedCredentials;
	n8nVersion: string;
	stop(): Promise<void>;
}

/**
 * The simulator (no automatic delivery reports) and a cluster in a fresh temp folder, logged in,
 * with the simulator's credentials stored. `stop()` stops the cluster, then the simulator, and
 * removes the folder; it is also called when start-up fails half-way.
 */
export async function startQueueBench(
	name: string,
	log: (line: string) => void,
	options: Pick<QueueClusterOptions, 'extraEnv' | 'workers' | 'webhookProcessors'> = {},
): Promise<QueueBench> {
	const installed = await ensureN8nInstalled(log);
	const packed = ensurePackedPackage({ log });
	const root = fs.mkdtempSync(path.join(os.tmpdir(), `sms-gateways-${name}-`));
	fs.chmodSync(root, 0o755);
	const simulator = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null });
	let cluster: QueueCluster | undefined;
	const stop = async () => {
		try {
			await cluster?.stop();
		} finally {
			await simulator.stop();
			fs.rmSync(root, { recursive: true, force: true });
		}
	};
	try {
		cluster = await startQueueCluster({
			rootDir: root,
			postgresDataDir: path.join(root, 'postgres'),
			tarball: packed.tarball,
			logLevel: 'info',
			log,
			...options,
		});
		const client = new N8nRestClient(cluster.main.url, undefined, cluster.webhookUrl);
		await client.ensureOwnerAndLogin(OWNER);
		const { credentials } = await provisionSimulatorCredentials(
			client,
			simulator.url,
			simulator.accounts,
		);
		return {
			cluster,
			simulator,
			sim: new SimControl(simulator.url),
			client,
			credentials,
			n8nVersion: installed.n8nVersion,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

export interface Campaign {
	workflow: WorkflowSummary;
	hookPath: string;
}

/** An active campaign workflow (tooling/n8n/workflows.ts `gupshupCampaignWorkflow`) with its own webhook path. */
export async function deployCampaign(bench: QueueBench, label: string): Promise<Campaign> {
	const hookPath = `${label}-${uniqueTag()}`;
	return {
		workflow: await deployActive(
			bench.client,
			gupshupCampaignWorkflow(hookPath, bench.credentials.gupshup),
		),
		hookPath,
	};
}

/** `count` distinct Brazilian mobile numbers +55 11 9<block><nnnnnn>; give each campaign of a run its own `block` digit(s). */
export function campaignNumbers(count: number, block = '87'): string[] {
	return Array.from({ length: count }, (_, i) => `+55119${block}${String(i + 1).padStart(6, '0')}`);
}

/**
 * Posts the numbers to the campaign's webhook and waits (bounded) until n8n lists the execution
 * and a worker has logged that it started it. Resolves with the execution id, that worker, and
 * when the webhook answered (Date.now()).
 */
export async function startCampaign(
	bench: QueueBench,
	campaign: Campaign,
	numbers: string[],
): Promise<{ executionId: string; ranOn: string; answeredAt: number }> {
	const reply = await bench.client.callWebhook(campaign.hookPath, {
		body: { to: numbers.join(', ') },
	});
	if (reply.status !== 200)
		throw new Error(`the campaign call answered ${reply.status}: ${reply.body.slice(0, 200)}`);
	const answeredAt = Date.now();
	const execution = await waitFor(
		'the campaign execution',
		async () => (await bench.client.listExecutions({ workflowId: campaign.workflow.id }))[0],
		{ timeoutMs: 60000 },
	);
	const ranOn = await waitFor(
		`the worker that started execution ${execution.id}`,
		async () => workerThatStarted(bench.cluster, execution.id),
		{
			timeoutMs: 60000,
		},
	);
	return { executionId: execution.id, ranOn, answeredAt };
}

function startedLine(executionId: string): string {
	return `Worker started execution ${executionId} (job `;
}

function finishedLine(executionId: string): string {
	return `Worker finished execution ${executionId} (job `;
}

/** Waits (bounded) until the workers logged finishing the execution as often as they logged starting it: every run of it, re-runs included, is over. */
export async function waitForEveryRunToFinish(
	cluster: QueueCluster,
	executionId: string,
	timeoutMs = 300000,
): Promise<{ starts: number; finishes: number }> {
	const count = (line: string) =>
		cluster.workers.reduce(
			(sum, { instance }) => sum + fs.readFileSync(instance.logFile, 'utf8').split(line).length - 1,
			0,
		);
	return await waitFor(
		`every run of execution ${executionId} to finish`,
		async () => {
			const runs = {
				starts: count(startedLine(executionId)),
				finishes: count(finishedLine(executionId)),
			};
			return runs.finishes >= runs.starts ? runs : undefined;
		},
		{ timeoutMs, intervalMs: 2000 },
	);
}

/** The worker whose log says it started the execution (n8n's scaling code logs it at info level). */
export function workerThatStarted(cluster: QueueCluster, executionId: string): string | undefined {
	return cluster.workers.find(({ instance }) =>
		fs.readFileSync(instance.logFile, 'utf8').includes(startedLine(executionId)),
	)?.name;
}

/** How many times each worker logged starting the execution: more than one start in all is a re-run. */
export function startsPerWorker(
	cluster: QueueCluster,
	executionId: string,
): Record<string, number> {
	return Object.fromEntries(
		cluster.workers.map(({ name, instance }) => [
			name,
			fs.readFileSync(instance.logFile, 'utf8').split(startedLine(executionId)).length - 1,
		]),
	);
}

/**
 * Marks the end of every n8n process's log now; `read()` returns, per process, the distinct lines
 * written since that match `pattern` (n8n's own words about a fault: lost and recovered Redis
 * connections, queue errors, exits), at most `max` each.
 */
export function markClusterLogs(cluster: QueueCluster): {
	read(pattern: RegExp, max?: number): Record<string, string[]>;
} {
	const starts = new Map(
		cluster.processes().map(({ name, instance }) => [name, fileSize(instance.logFile)]),
	);
	return {
		read(pattern, max = 12) {
			const found: Record<string, string[]> = {};
			for (const { name, instance } of cluster.processes()) {
				const text = fs
					.readFileSync(instance.logFile)
					.subarray(starts.get(name) ?? 0)
					.toString('utf8');
				const lines = [
					...new Set(
						text
							.split('\n')
							.filter((line) => pattern.test(line))
							.map((line) => line.trim().slice(0, 240)),
					),
				];
				found[name] = lines.slice(0, max);
			}
			return found;
		},
	};
}

function fileSize(file: string): number {
	return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/** True while the process with this pid exists (signal 0 checks without signalling). */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * The n8n that receives the callbacks under one setting: either one n8n process (the bench's own
 * stack, started with the setting's environment) or the queue cluster of `tooling/n8n/queue/`
 * (PostgreSQL, Redis, a main, workers and N webhook processors). Either way the bench gets a REST
 * client on the main process, the base URLs that receive production webhooks (one per receiving
 * process; the cluster has no shared address in front of its webhook processors) and every n8n
 * process by name and pid, so CPU can be read per process.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureN8nInstalled } from '../../../tooling/n8n/install-n8n';
import { NODE24_VERSION } from '../../../tooling/n8n/pinned';
import { startQueueCluster } from '../../../tooling/n8n/queue/cluster';
import { N8nRestClient } from '../../../tooling/n8n/rest-client';
import { benchPackage } from '../../support/bench-package';
import { BENCH_OWNER, N8N_BENCH_ENV, startBenchStack } from '../../support/n8n-stack';
import type { N8nSetting } from './settings';

export interface ReceiverStack {
	client: N8nRestClient;
	/** Base URLs (no trailing slash) of the processes that answer production webhooks. */
	webhookBaseUrls: string[];
	/** Every n8n process, main first, with the pid whose CPU is read. */
	processes: Array<{ name: string; pid: number }>;
	n8nVersion: string;
	n8nNode: string;
	addedNodes: string[];
	/** The environment every n8n process got on top of n8n's defaults. */
	env: Record<string, string>;
	stop(): Promise<void>;
}

export async function startReceiverStack(
	setting: N8nSetting,
	log: (line: string) => void,
): Promise<ReceiverStack> {
	const env = { ...N8N_BENCH_ENV, ...setting.env };
	if (!setting.queue) {
		const stack = await startBenchStack(log, { extraEnv: setting.env });
		return {
			client: stack.client,
			webhookBaseUrls: [stack.n8n.url],
			processes: [{ name: 'main', pid: stack.n8n.pid }],
			n8nVersion: stack.n8nVersion,
			n8nNode: stack.n8nNode,
			addedNodes: stack.addedNodes,
			env,
			stop: stack.stop,
		};
	}
	const pkg = benchPackage(log);
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-bench-queue-'));
	// PostgreSQL runs as its own user and must reach its data folder under this one.
	fs.chmodSync(root, 0o755);
	const stopRoot = () => fs.rmSync(root, { recursive: true, force: true });
	let cluster: Awaited<ReturnType<typeof startQueueCluster>> | undefined;
	try {
		cluster = await startQueueCluster({
			rootDir: root,
			postgresDataDir: path.join(root, 'postgres'),
			tarball: pkg.tarball,
			workers: setting.queue.workers,
			webhookProcessors: setting.queue.webhookProcessors,
			logLevel: 'warn',
			extraEnv: env,
			log,
		});
		const client = new N8nRestClient(cluster.main.url, undefined, cluster.webhookUrl);
		await client.ensureOwnerAndLogin(BENCH_OWNER);
		const started = cluster;
		const installed = await ensureN8nInstalled(log);
		return {
			client,
			webhookBaseUrls: started.webhookProcessors.map((p) => p.instance.url),
			processes: started.processes().map((p) => ({ name: p.name, pid: p.instance.pid })),
			n8nVersion: installed.n8nVersion,
			n8nNode: NODE24_VERSION,
			addedNodes: pkg.addedNodes,
			env,
			async stop() {
				await started.stop();
				stopRoot();
			},
		};
	} catch (error) {
		await cluster?.stop();
		stopRoot();
		throw error;
	}
}

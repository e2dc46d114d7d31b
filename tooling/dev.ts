/**
 * `npm run dev`: this package inside a real n8n, against the local gateway simulator.
 *
 *  1. builds and packs the package;
 *  2. starts the gateway simulator on http://127.0.0.1:8787 (delivery reports ~1.5 s after a send);
 *  3. installs the pinned n8n under Node 24 into the per-user cache on first use (minutes, once);
 *  4. installs the tarball into .cache/dev-n8n the way n8n installs community packages, so the
 *     nodes are `n8n-nodes-sms-gateways.*` exactly as for users;
 *  5. starts n8n on http://localhost:5678, creates the owner on first start and prints the login;
 *  6. stores credentials for the four gateways pointing at the simulator, and imports
 *     examples/*.json, both without duplicating anything on later starts;
 *  7. Ctrl-C stops n8n and the simulator.
 *
 * `npm run dev -- --queue` (or `npm run dev:queue`) does the same on n8n in queue mode
 * (tooling/n8n/queue/cluster.ts, docs/queue-mode.md): its own PostgreSQL and Redis (Debian's
 * packages, installed first when missing), a main with the editor on the same port, two workers
 * and a webhook processor on DEV_N8N_WEBHOOK_PORT (default 5680), each with the package
 * installed; its database is kept in .cache/dev-n8n-queue between starts.
 *
 * DEV_N8N_PORT and DEV_SIM_PORT change the ports. Secrets are never printed: the simulator's page
 * shows its accounts; n8n holds them encrypted.
 */
import * as path from 'node:path';

import { startSimulator, type Simulator } from '../simulator/index';
import {
	DEFAULT_DEV_N8N_PORT,
	DEFAULT_DEV_SIMULATOR_PORT,
	DEFAULT_DEV_WEBHOOK_PORT,
	DEV_OWNER,
} from './n8n/dev-settings';
import { importWorkflowFiles } from './n8n/import-workflows';
import { installPackageIntoUserFolder } from './n8n/install-package';
import { ensureN8nInstalled } from './n8n/install-n8n';
import { startN8n, type N8nInstance } from './n8n/n8n-process';
import { ensurePackedPackage } from './n8n/pack-package';
import { CACHE_DIR, DEV_QUEUE_FOLDER, DEV_USER_FOLDER, REPO_ROOT } from './n8n/paths';
import { provisionSimulatorCredentials } from './n8n/provision-credentials';
import { startQueueCluster, type QueueCluster } from './n8n/queue/cluster';
import { N8nRestClient, type CredentialSummary } from './n8n/rest-client';
import { formatSeconds } from './n8n/run-command';

const N8N_PORT = readPort('DEV_N8N_PORT', DEFAULT_DEV_N8N_PORT);
const SIMULATOR_PORT = readPort('DEV_SIM_PORT', DEFAULT_DEV_SIMULATOR_PORT);
const WEBHOOK_PORT = readPort('DEV_N8N_WEBHOOK_PORT', DEFAULT_DEV_WEBHOOK_PORT);
const QUEUE_MODE = process.argv.slice(2).includes('--queue');
/** Same delay as `npm run simulator`, so a send shows its delivery report a moment later. */
const AUTO_DELIVER_MS = 1500;
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

const log = (line: string) => process.stdout.write(`${line}\n`);

/** What this process started, stopped in reverse order on Ctrl-C or failure. */
const stoppers: Array<{ name: string; stop: () => Promise<void> }> = [];
let shuttingDown = false;

async function main(): Promise<void> {
	const started = Date.now();
	process.on('SIGINT', () => void shutdown('Ctrl-C', 0));
	process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

	log('▸ Building and packing n8n-nodes-sms-gateways');
	const packed = ensurePackedPackage({ forceBuild: true, log: (line) => log(`  ${line}`) });

	log(`▸ Starting the gateway simulator on port ${SIMULATOR_PORT}`);
	const simulator = await startSimulator({
		port: SIMULATOR_PORT,
		autoDeliverMs: AUTO_DELIVER_MS,
		quiet: true,
	});
	stoppers.push({ name: 'simulator', stop: () => simulator.stop() });

	log('▸ n8n');
	const installed = await ensureN8nInstalled((line) => log(`  ${line}`));
	if (installed.installMs === 0) log(`  n8n ${installed.n8nVersion} (cached in ${CACHE_DIR})`);

	const { n8n, cluster } = QUEUE_MODE
		? await startCluster(packed.tarball)
		: { n8n: await startSingle(packed.tarball), cluster: undefined };
	void n8n.exited.then(() => shutdown('n8n exited (see its log)', 1));
	for (const { name, instance } of cluster?.processes().slice(1) ?? []) {
		void instance.exited.then(() => shutdown(`n8n ${name} exited (see ${instance.logFile})`, 1));
	}

	const client = new N8nRestClient(n8n.url, undefined, cluster?.webhookUrl);
	const { created } = await client.ensureOwnerAndLogin(DEV_OWNER).catch((error: Error) => {
		const folder = QUEUE_MODE ? DEV_QUEUE_FOLDER : DEV_USER_FOLDER;
		throw new Error(
			`${error.message}\nIf you changed the owner's login, delete ${folder} to start afresh.`,
		);
	});
	const credentials = await storeCredentials(client, simulator);
	const examples = await importWorkflowFiles(client, EXAMPLES_DIR, credentials);

	printSummary({
		n8n,
		cluster,
		simulator,
		ownerCreated: created,
		examples,
		startedMs: Date.now() - started,
	});
}

async function startSingle(tarball: string): Promise<N8nInstance> {
	log(
		`▸ Installing ${path.basename(tarball)} into ${path.relative(REPO_ROOT, DEV_USER_FOLDER)} as a community package`,
	);
	installPackageIntoUserFolder(DEV_USER_FOLDER, tarball);

	log(`▸ Starting n8n on port ${N8N_PORT} (about 15 s)`);
	return await startN8n({
		port: N8N_PORT,
		userFolder: DEV_USER_FOLDER,
		logFile: path.join(DEV_USER_FOLDER, 'n8n.log'),
		publicHost: 'localhost',
		onSpawn: (stop) => stoppers.push({ name: 'n8n', stop }),
	});
}

async function startCluster(tarball: string): Promise<{ n8n: N8nInstance; cluster: QueueCluster }> {
	log(
		`▸ n8n in queue mode in ${path.relative(REPO_ROOT, DEV_QUEUE_FOLDER)} (about a minute; the package goes into every process's user folder)`,
	);
	const cluster = await startQueueCluster({
		rootDir: DEV_QUEUE_FOLDER,
		postgresDataDir: path.join(DEV_QUEUE_FOLDER, 'postgres'),
		tarball,
		workers: 2,
		webhookProcessors: 1,
		mainPort: N8N_PORT,
		webhookPort: WEBHOOK_PORT,
		publicHost: 'localhost',
		log: (line) => log(`  ${line}`),
		onSpawn: (name, stop) => stoppers.push({ name, stop }),
	});
	return { n8n: cluster.main, cluster };
}

async function storeCredentials(
	client: N8nRestClient,
	simulator: Simulator,
): Promise<Record<string, CredentialSummary>> {
	const { credentials, created } = await provisionSimulatorCredentials(
		client,
		simulator.url,
		simulator.accounts,
	);
	log(
		created.length > 0
			? `  credentials added: ${created.join(', ')}`
			: '  credentials for the four gateways: already there (pointed at the simulator again)',
	);
	// Example workflows name credentials by type; DHIS2 examples get the username/password one.
	return {
		africasTalkingApi: credentials.africasTalking,
		gupshupApi: credentials.gupshup,
		smsBoxApi: credentials.smsBox,
		dhis2Api: credentials.dhis2,
	};
}

function printSummary(summary: {
	n8n: N8nInstance;
	cluster: QueueCluster | undefined;
	simulator: Simulator;
	ownerCreated: boolean;
	examples: Awaited<ReturnType<typeof importWorkflowFiles>>;
	startedMs: number;
}): void {
	const { examples } = summary;
	const lines = [
		'',
		`Ready in ${formatSeconds(summary.startedMs)}.`,
		'',
		`  n8n        http://localhost:${N8N_PORT}`,
		`             login ${DEV_OWNER.email} / ${DEV_OWNER.password}${summary.ownerCreated ? '   (owner created now)' : ''}`,
		...queueLines(summary.cluster),
		`  simulator  ${summary.simulator.url}/   (sent messages, delivery reports, inbound and STOP messages)`,
		'',
		'  Credentials "Simulator: Africa\'s Talking", "Simulator: Gupshup", "Simulator: SMSBox",',
		'  "Simulator: DHIS2" and "Simulator: DHIS2 (token)" point at the simulator.',
	];
	if (examples.imported.length + examples.alreadyThere.length > 0) {
		lines.push(
			`  Example workflows: ${[...examples.imported, ...examples.alreadyThere].join(', ')}`,
		);
	}
	for (const [file, reason] of Object.entries(examples.failed))
		lines.push(`  ! examples/${file}: ${reason}`);
	const logs = summary.cluster ? path.dirname(summary.n8n.logFile) : summary.n8n.logFile;
	lines.push(
		'',
		`  n8n log${summary.cluster ? 's' : ''}: ${logs}`,
		`  Ctrl-C stops n8n${summary.cluster ? ', PostgreSQL, Redis' : ''} and the simulator.`,
		'',
	);
	log(lines.join('\n'));
}

function queueLines(cluster: QueueCluster | undefined): string[] {
	if (!cluster) return [];
	return [
		`             queue mode: main (editor; production webhooks off), ${cluster.workers.map((w) => w.name).join(', ')}`,
		`  webhooks   ${cluster.webhookUrl.replace('127.0.0.1', 'localhost')}/webhook/…   (webhook processor: production URLs point here)`,
		`  PostgreSQL 127.0.0.1:${cluster.postgres.port}, Redis 127.0.0.1:${cluster.redis.port} (own processes, pids ${cluster.postgres.pid} and ${cluster.redis.pid})`,
	];
}

async function shutdown(reason: string, exitCode: number): Promise<void> {
	if (shuttingDown) return;
	shuttingDown = true;
	log(
		`\n${reason}: stopping ${
			stoppers
				.map((s) => s.name)
				.reverse()
				.join(' and ') || 'nothing yet'
		}…`,
	);
	for (const { name, stop } of [...stoppers].reverse()) {
		try {
			await stop();
		} catch (error) {
			log(`  could not stop ${name}: ${(error as Error).message}`);
		}
	}
	process.exit(exitCode);
}

function readPort(variable: string, fallback: number): number {
	const raw = process.env[variable];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535)
		throw new Error(`${variable}="${raw}" is not a port`);
	return port;
}

main().catch((error: Error) => {
	process.stderr.write(`\nnpm run dev failed: ${error.message}\n`);
	void shutdown('failure', 1);
});

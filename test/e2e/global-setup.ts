/**
 * Once per e2e run: install the n8n SMS_GATEWAYS_N8N_VERSION picks (the main pinned version when
 * unset; tooling/n8n/pinned.ts) if missing, build and pack this package (or reuse a
 * fresh tarball), start the gateway simulator and the stack SMS_GATEWAYS_E2E_STACK selects on
 * free loopback ports, create the owner, log in and store the simulator credentials. The test
 * files read the result from the context file.
 *  - `single` (npm run test:e2e): ONE n8n, the package installed into its temp user folder the
 *    way n8n installs community packages;
 *  - `queue` (npm run test:e2e:queue): n8n in queue mode (tooling/n8n/queue/cluster.ts): own
 *    PostgreSQL and Redis, one main, two workers, one webhook processor, the package installed
 *    in each process's user folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSimulator } from '../../simulator/index';
import { installPackageIntoUserFolder } from '../../tooling/n8n/install-package';
import { ensureN8nInstalled } from '../../tooling/n8n/install-n8n';
import { startN8n } from '../../tooling/n8n/n8n-process';
import { ensurePackedPackage } from '../../tooling/n8n/pack-package';
import { provisionSimulatorCredentials } from '../../tooling/n8n/provision-credentials';
import { startQueueCluster } from '../../tooling/n8n/queue/cluster';
import { N8nRestClient } from '../../tooling/n8n/rest-client';
import { formatSeconds } from '../../tooling/n8n/run-command';
import { writeE2eContext, type E2eProcess } from './support/context';
import { startFaultControl } from './support/fault-control';
import {
	E2E_OWNER,
	selectedStack,
	setRunningStack,
	stopStack,
	type RunningStack,
} from './support/stack';

const log = (line: string) => process.stdout.write(`[e2e] ${line}\n`);

interface StartedN8n {
	n8nUrl: string;
	webhookUrl: string;
	startMs: number;
	processes: E2eProcess[];
}

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const kind = selectedStack();
	process.stdout.write('\n');
	const installed = await ensureN8nInstalled(log);
	log(
		installed.installMs > 0
			? `n8n ${installed.n8nVersion} installed in ${formatSeconds(installed.installMs)}`
			: `n8n ${installed.n8nVersion}: cached install reused`,
	);

	const packStarted = Date.now();
	const packed = ensurePackedPackage({ log });
	const packMs = Date.now() - packStarted;

	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-e2e-'));
	// PostgreSQL runs as its own user in queue mode and must reach its data folder in here.
	fs.chmodSync(tempDir, 0o755);
	const stack: RunningStack = { tempDir };
	setRunningStack(stack);
	try {
		stack.simulator = await startSimulator({ port: 0, quiet: true });
		log(`simulator on ${stack.simulator.url}`);

		const n8n =
			kind === 'queue'
				? await startQueue(stack, packed.tarball)
				: await startSingle(stack, packed.tarball);
		const client = new N8nRestClient(n8n.n8nUrl);
		await client.ensureOwnerAndLogin(E2E_OWNER);
		const { credentials } = await provisionSimulatorCredentials(
			client,
			stack.simulator.url,
			stack.simulator.accounts,
		);

		const setupMs = Date.now() - started;
		const main = n8n.processes[0];
		writeE2eContext(path.join(tempDir, 'context.json'), {
			stack: kind,
			n8nUrl: n8n.n8nUrl,
			webhookUrl: n8n.webhookUrl,
			n8nVersion: installed.n8nVersion,
			authCookie: client.authCookie ?? '',
			simulatorUrl: stack.simulator.url,
			userFolder: main.userFolder,
			n8nLogFile: main.logFile,
			processes: n8n.processes,
			packageName: packed.name,
			credentials,
			...(stack.faultControl
				? { faultControl: { url: stack.faultControl.url, token: stack.faultControl.token } }
				: {}),
			timings: { installMs: installed.installMs, packMs, n8nStartMs: n8n.startMs, setupMs },
		});
		log(`setup done in ${formatSeconds(setupMs)} (build+pack ${formatSeconds(packMs)})`);
	} catch (error) {
		await stopStack(stack);
		fs.rmSync(stack.tempDir, { recursive: true, force: true });
		throw error;
	}
}

async function startSingle(stack: RunningStack, tarball: string): Promise<StartedN8n> {
	const userFolder = path.join(stack.tempDir, 'n8n-user');
	installPackageIntoUserFolder(userFolder, tarball);
	// Debug level: the secret check then also covers what n8n logs only when asked for detail.
	const logFile = path.join(stack.tempDir, 'n8n.log');
	stack.n8n = await startN8n({ port: 0, userFolder, logFile, logLevel: 'debug' });
	log(`n8n on ${stack.n8n.url}, ready in ${formatSeconds(stack.n8n.startMs)}`);
	return {
		n8nUrl: stack.n8n.url,
		webhookUrl: stack.n8n.url,
		startMs: stack.n8n.startMs,
		processes: [{ name: 'main', role: 'start', pid: stack.n8n.pid, logFile, userFolder }],
	};
}

async function startQueue(stack: RunningStack, tarball: string): Promise<StartedN8n> {
	const cluster = await startQueueCluster({
		rootDir: path.join(stack.tempDir, 'queue'),
		postgresDataDir: path.join(stack.tempDir, 'queue', 'postgres'),
		tarball,
		workers: 2,
		webhookProcessors: 1,
		logLevel: 'debug',
		log,
	});
	stack.cluster = cluster;
	stack.faultControl = await startFaultControl(cluster.redis);
	log(
		`queue mode ready in ${formatSeconds(cluster.startMs)}: main ${cluster.main.url}, webhooks ${cluster.webhookUrl}`,
	);
	log(`${cluster.versions.postgres}; ${cluster.versions.redis.split(' sha=')[0]}`);
	return {
		n8nUrl: cluster.main.url,
		webhookUrl: cluster.webhookUrl,
		startMs: cluster.startMs,
		processes: cluster.processes().map(({ name, instance }) => ({
			name,
			role: instance.role,
			pid: instance.pid,
			logFile: instance.logFile,
			userFolder: instance.userFolder,
		})),
	};
}

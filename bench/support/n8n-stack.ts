/**
 * One real n8n and one simulator for a whole bench run, each in its own process: the pinned n8n
 * (installed by the e2e tooling), this package installed the way n8n installs community packages,
 * an owner session, and the simulator credentials stored in n8n. Everything is reused from
 * `tooling/n8n/`; only the bench's choices live here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureN8nInstalled } from '../../tooling/n8n/install-n8n';
import { installPackageIntoUserFolder } from '../../tooling/n8n/install-package';
import { startN8n, type N8nInstance } from '../../tooling/n8n/n8n-process';
import { NODE24_VERSION } from '../../tooling/n8n/pinned';
import {
	provisionSimulatorCredentials,
	type ProvisionedCredentials,
} from '../../tooling/n8n/provision-credentials';
import { N8nRestClient, type OwnerAccount } from '../../tooling/n8n/rest-client';
import type { SimulatorAccountsForCredentials } from '../../tooling/n8n/simulator-credentials';
import { formatSeconds } from '../../tooling/n8n/run-command';
import { benchPackage } from './bench-package';
import { startTsChild, type TsChild } from '../../tooling/n8n/child-process';
import { RESULTS_DIR } from './results';
import { SimControl } from '../../tooling/n8n/sim-control';

export const BENCH_OWNER: OwnerAccount = {
	email: 'bench@example.com',
	firstName: 'Bench',
	lastName: 'Mark',
	password: 'Bench-password-1',
};

/**
 * n8n settings that differ from its defaults, and why. Everything else is as users run it
 * (SQLite, regular execution mode, every execution saved).
 */
export const N8N_BENCH_ENV: Record<string, string> = {
	// Pruning deletes executions beyond 10,000 while the webhook bench counts them.
	EXECUTIONS_DATA_PRUNE: 'false',
};

export interface BenchStack {
	n8n: N8nInstance;
	n8nVersion: string;
	n8nNode: string;
	client: N8nRestClient;
	sim: SimControl;
	simUrl: string;
	accounts: SimulatorAccountsForCredentials;
	credentials: ProvisionedCredentials;
	addedNodes: string[];
	stop(): Promise<void>;
}

/** `extraEnv`: n8n settings on top of N8N_BENCH_ENV for this stack only (the webhook phase's settings). */
export async function startBenchStack(
	log: (line: string) => void,
	options: { extraEnv?: Record<string, string> } = {},
): Promise<BenchStack> {
	const installed = await ensureN8nInstalled(log);
	const pkg = benchPackage(log);
	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-bench-'));
	const userFolder = path.join(tempDir, 'n8n-user');
	installPackageIntoUserFolder(userFolder, pkg.tarball);

	let simulator: TsChild<{ url: string; accounts: SimulatorAccountsForCredentials }> | undefined;
	let n8n: N8nInstance | undefined;
	const logFile = path.join(tempDir, 'n8n.log');
	const stop = async () => {
		await n8n?.stop();
		await simulator?.stop();
		if (fs.existsSync(logFile)) {
			const kept = path.join(RESULTS_DIR, 'tmp', 'n8n.log');
			fs.mkdirSync(path.dirname(kept), { recursive: true });
			fs.copyFileSync(logFile, kept);
		}
		fs.rmSync(tempDir, { recursive: true, force: true });
	};
	try {
		simulator = await startTsChild(
			path.join(__dirname, '..', '..', 'tooling', 'n8n', 'simulator-child.ts'),
		);
		log(`simulator (own process) on ${simulator.hello.url}`);
		n8n = await startN8n({
			port: 0,
			userFolder,
			logFile,
			logLevel: 'warn',
			extraEnv: { ...N8N_BENCH_ENV, ...options.extraEnv },
		});
		log(`n8n ${installed.n8nVersion} on ${n8n.url}, ready in ${formatSeconds(n8n.startMs)}`);
		const client = new N8nRestClient(n8n.url);
		await client.ensureOwnerAndLogin(BENCH_OWNER);
		const { credentials } = await provisionSimulatorCredentials(
			client,
			simulator.hello.url,
			simulator.hello.accounts,
		);
		return {
			n8n,
			n8nVersion: installed.n8nVersion,
			n8nNode: NODE24_VERSION,
			client,
			sim: new SimControl(simulator.hello.url),
			simUrl: simulator.hello.url,
			accounts: simulator.hello.accounts,
			credentials,
			addedNodes: pkg.addedNodes,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * The two n8n set-ups the crash-resume bench kills: queue mode (tooling/n8n/queue/cluster.ts, the
 * worker running the campaign gets SIGKILL and is started again) and one n8n process (n8n itself
 * gets SIGKILL and is started again on the same port with the same user folder, so the same SQLite
 * database). Both expose the same few things: REST on main, where production webhooks answer, the
 * stored simulator credentials, and "kill whatever runs this execution, then start it again".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { installPackageIntoUserFolder } from '../../tooling/n8n/install-package';
import {
	findFreePort,
	startN8n,
	type N8nInstance,
	type StartN8nOptions,
} from '../../tooling/n8n/n8n-process';
import { N8nSession } from '../../tooling/n8n/n8n-session';
import {
	provisionSimulatorCredentials,
	type ProvisionedCredentials,
} from '../../tooling/n8n/provision-credentials';
import { startQueueCluster, type QueueCluster } from '../../tooling/n8n/queue/cluster';
import { N8nRestClient, type OwnerAccount } from '../../tooling/n8n/rest-client';
import type { SimulatorAccountsForCredentials } from '../../tooling/n8n/simulator-credentials';
import { killHard, workerThatStarted } from './crash-support';

export type CrashMode = 'queue' | 'single';

export interface CrashStack {
	mode: CrashMode;
	client: N8nRestClient;
	session(): N8nSession;
	webhookUrl: string;
	credentials: ProvisionedCredentials;
	/**
	 * SIGKILL to the process running `executionId` (the worker that started it; the n8n process in
	 * single mode), `whileDown` while it is gone, then the process started again. Returns its name.
	 */
	crash(
		executionId: string,
		whileDown: () => Promise<void>,
	): Promise<{ killed: string; downMs: number }>;
	stop(): Promise<void>;
}

const OWNER: OwnerAccount = {
	email: 'bench@example.com',
	firstName: 'Bench',
	lastName: 'Mark',
	password: 'Bench-password-1',
};

/**
 * Callbacks at volume need lazy expression-isolate acquisition (README, Running at volume); the
 * trigger executions of every delivery report are kept (no pruning while the bench counts).
 */
const ENV = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true', EXECUTIONS_DATA_PRUNE: 'false' };

export async function startCrashStack(
	mode: CrashMode,
	options: {
		rootDir: string;
		tarball: string;
		simulator: { url: string; accounts: SimulatorAccountsForCredentials };
		log: (line: string) => void;
	},
): Promise<CrashStack> {
	return mode === 'queue' ? await queueStack(options) : await singleStack(options);
}

async function withOwner(
	n8nUrl: string,
	webhookUrl: string,
	simulator: { url: string; accounts: SimulatorAccountsForCredentials },
) {
	const client = new N8nRestClient(n8nUrl, undefined, webhookUrl);
	await client.ensureOwnerAndLogin(OWNER);
	const { credentials } = await provisionSimulatorCredentials(
		client,
		simulator.url,
		simulator.accounts,
	);
	return { client, credentials };
}

async function queueStack(options: Parameters<typeof startCrashStack>[1]): Promise<CrashStack> {
	let cluster: QueueCluster | undefined;
	try {
		cluster = await startQueueCluster({
			rootDir: options.rootDir,
			postgresDataDir: path.join(options.rootDir, 'postgres'),
			tarball: options.tarball,
			logLevel: 'info',
			extraEnv: ENV,
			log: options.log,
		});
		const started = cluster;
		const { client, credentials } = await withOwner(
			started.main.url,
			started.webhookUrl,
			options.simulator,
		);
		return {
			mode: 'queue',
			client,
			session: () =>
				new N8nSession({ n8nUrl: started.main.url, authCookie: client.authCookie ?? '' }),
			webhookUrl: started.webhookUrl,
			credentials,
			async crash(executionId, whileDown) {
				const name = await workerThatStarted(started, executionId);
				const worker = started.workers.find((w) => w.name === name)!;
				const killedAt = Date.now();
				await killHard(worker.instance);
				await whileDown();
				await started.restartWorker(name);
				return { killed: name, downMs: Date.now() - killedAt };
			},
			stop: () => started.stop(),
		};
	} catch (error) {
		await cluster?.stop();
		throw error;
	}
}

async function singleStack(options: Parameters<typeof startCrashStack>[1]): Promise<CrashStack> {
	const userFolder = path.join(options.rootDir, 'n8n-user');
	fs.mkdirSync(userFolder, { recursive: true });
	installPackageIntoUserFolder(userFolder, options.tarball);
	// The same port after the restart: the gateways keep posting to the URL they were given.
	const settings: StartN8nOptions = {
		port: await findFreePort(),
		userFolder,
		logFile: path.join(options.rootDir, 'n8n.log'),
		logLevel: 'info',
		extraEnv: ENV,
	};
	let n8n: N8nInstance | undefined = await startN8n(settings);
	try {
		const { client, credentials } = await withOwner(n8n.url, n8n.url, options.simulator);
		options.log(`n8n (one process) on ${n8n.url}, ready in ${n8n.startMs} ms`);
		return {
			mode: 'single',
			client,
			session: () => new N8nSession({ n8nUrl: n8n!.url, authCookie: client.authCookie ?? '' }),
			webhookUrl: n8n.url,
			credentials,
			async crash(_executionId, whileDown) {
				const killedAt = Date.now();
				await killHard(n8n!);
				n8n = undefined;
				await whileDown();
				n8n = await startN8n(settings);
				await client.login(OWNER.email, OWNER.password);
				return { killed: 'n8n', downMs: Date.now() - killedAt };
			},
			stop: async () => {
				await n8n?.stop();
			},
		};
	} catch (error) {
		await n8n?.stop();
		throw error;
	}
}

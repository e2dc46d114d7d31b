/**
 * n8n in queue mode on one machine, the way n8n's docs lay it out for many: PostgreSQL and Redis
 * (own servers on loopback), one main (editor, REST API, activation; production webhooks
 * disabled on it with N8N_DISABLE_PRODUCTION_MAIN_PROCESS), workers that run the executions, and
 * webhook processors that receive production webhooks and enqueue executions. Every process has
 * its own user folder with this package installed in it (n8n loads community packages from each
 * process's own `~/.n8n/nodes`), its own ports (listener, task broker, worker health check) and
 * log file, and the same encryption key. Everything is started by this module and stopped by its
 * own pid, in reverse order.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { installPackageIntoUserFolder } from '../install-package';
import { findFreePort, startN8n, type N8nInstance } from '../n8n-process';
import { startPostgres, type PostgresServer } from './postgres-server';
import { startRedis, type RedisServer } from './redis-server';
import { ensureQueueServers, queueServerVersions } from './system-packages';

export interface QueueClusterOptions {
	/** User folders, logs and Redis's work folder go here. */
	rootDir: string;
	/** PostgreSQL's data folder (kept between runs when it already holds a database). */
	postgresDataDir: string;
	/** The packed package, installed into every process's user folder. */
	tarball: string;
	workers?: number;
	webhookProcessors?: number;
	/** 0 (default) picks free ports. */
	mainPort?: number;
	webhookPort?: number;
	publicHost?: string;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	/**
	 * PostgreSQL connections per n8n process (DB_POSTGRESDB_POOL_SIZE). n8n's default of 2 is not
	 * enough for a burst of callbacks on a webhook processor: measured here, 1,000 delivery reports
	 * posted 64 at a time got "timeout exceeded when trying to connect", then 503 "Database is not
	 * ready!", and 839 of them were still refused after three attempts (docs/queue-mode.md).
	 */
	postgresPoolSize?: number;
	/** Environment for every n8n process on top of the queue settings. */
	extraEnv?: Record<string, string>;
	log: (line: string) => void;
	/** Called with each process's stop function as soon as it runs (for a Ctrl-C during start-up). */
	onSpawn?: (name: string, stop: () => Promise<void>) => void;
}

export type QueueProcessName = 'main' | `worker-${number}` | `webhook-${number}`;

export interface QueueProcess {
	name: QueueProcessName;
	instance: N8nInstance;
}

export interface QueueCluster {
	main: N8nInstance;
	workers: QueueProcess[];
	webhookProcessors: QueueProcess[];
	postgres: PostgresServer;
	redis: RedisServer;
	/** Base URL of the first webhook processor: production webhooks go there. */
	webhookUrl: string;
	versions: { postgres: string; redis: string };
	/** Milliseconds from the first server started until the last n8n process was ready. */
	startMs: number;
	/** Every n8n process, main first. */
	processes(): QueueProcess[];
	/**
	 * Starts a worker again, with its user folder, log file and settings, after it died (or stops
	 * it first if it still runs). Used by the fault scenario that kills a worker mid-campaign.
	 */
	restartWorker(name: QueueProcessName): Promise<N8nInstance>;
	/**
	 * Sends `signal` to a webhook processor by its own pid (SIGKILL: killed; SIGTERM: n8n's graceful
	 * shutdown), waits until it exited, then starts it again on the same port, user folder, log file
	 * and settings, so the production URLs stay the same. Used by bench/queue/webhook-restart.ts.
	 */
	restartWebhookProcessor(
		name: QueueProcessName,
		signal: 'SIGTERM' | 'SIGKILL',
	): Promise<{ instance: N8nInstance; exitedMs: number }>;
	stop(): Promise<void>;
}

/** See `postgresPoolSize`; PostgreSQL is started with room for 200 connections. */
export const DEFAULT_POSTGRES_POOL_SIZE = 10;

/** Reused from `<rootDir>/encryption-key` so a kept database's credentials stay readable. */
function encryptionKey(rootDir: string): string {
	const file = path.join(rootDir, 'encryption-key');
	if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
	const key = randomBytes(24).toString('base64url');
	fs.writeFileSync(file, key, { mode: 0o600 });
	return key;
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const started = Date.now();
	const { log } = options;
	fs.mkdirSync(options.rootDir, { recursive: true });
	const binaries = ensureQueueServers(log);
	const versions = queueServerVersions(binaries);
	const logDir = path.join(options.rootDir, 'logs');
	const stoppers: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of stoppers.splice(0).reverse()) {
			try {
				await stop();
			} catch (error) {
				log(`could not stop a process: ${(error as Error).message}`);
			}
		}
	};
	const track = (name: string, stop: () => Promise<void>) => {
		stoppers.push(stop);
		options.onSpawn?.(name, stop);
	};

	try {
		const postgres = await startPostgres({
			binaries,
			dataDir: options.postgresDataDir,
			logFile: path.join(logDir, 'postgres.log'),
			log,
		});
		track('postgres', postgres.stop);
		const redis = await startRedis({
			binaries,
			workDir: path.join(options.rootDir, 'redis'),
			logFile: path.join(logDir, 'redis.log'),
			log,
		});
		track('redis', redis.stop);

		const mainPort = options.mainPort || (await findFreePort());
		const webhookPorts = await Promise.all(
			Array.from(
				{ length: options.webhookProcessors ?? 1 },
				(_, i) => (i === 0 && options.webhookPort) || findFreePort(),
			),
		);
		const host = options.publicHost ?? '127.0.0.1';
		const sharedEnv: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_REDIS_PASSWORD: redis.password,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			DB_POSTGRESDB_POOL_SIZE: String(options.postgresPoolSize ?? DEFAULT_POSTGRES_POOL_SIZE),
			N8N_ENCRYPTION_KEY: encryptionKey(options.rootDir),
			// URLs the editor shows: the editor on main, production webhooks on the webhook processor.
			N8N_EDITOR_BASE_URL: `http://${host}:${mainPort}/`,
			N8N_WEBHOOK_URL: `http://${host}:${webhookPorts[0]}/`,
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...options.extraEnv,
		};
		const userFolder = (name: string) => {
			const folder = path.join(options.rootDir, name);
			installPackageIntoUserFolder(folder, options.tarball);
			return folder;
		};

		// Main first: it runs the database migrations the other processes expect.
		log(`n8n main on port ${mainPort} (production webhooks disabled on it)`);
		const main = await startN8n({
			port: mainPort,
			role: 'start',
			userFolder: userFolder('main'),
			logFile: path.join(logDir, 'main.log'),
			publicHost: options.publicHost,
			logLevel: options.logLevel,
			extraEnv: { ...sharedEnv, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
			onSpawn: (stop) => track('main', stop),
		});

		const startWorker = async (name: QueueProcessName): Promise<N8nInstance> => {
			const healthPort = await findFreePort();
			return await startN8n({
				port: await findFreePort(),
				role: 'worker',
				healthPort,
				userFolder: userFolder(name),
				logFile: path.join(logDir, `${name}.log`),
				publicHost: options.publicHost,
				logLevel: options.logLevel,
				extraEnv: {
					...sharedEnv,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				},
				onSpawn: (stop) => track(name, stop),
			});
		};
		const startWebhook = async (name: QueueProcessName, port: number): Promise<N8nInstance> =>
			await startN8n({
				port,
				role: 'webhook',
				userFolder: userFolder(name),
				logFile: path.join(logDir, `${name}.log`),
				publicHost: options.publicHost,
				logLevel: options.logLevel,
				extraEnv: sharedEnv,
				onSpawn: (stop) => track(name, stop),
			});
		const workerSpecs = Array.from(
			{ length: options.workers ?? 2 },
			(_, i) => `worker-${i + 1}` as QueueProcessName,
		);
		const webhookSpecs = webhookPorts.map((port, i) => ({
			name: `webhook-${i + 1}` as QueueProcessName,
			port,
		}));
		log(
			`n8n ${workerSpecs.join(', ')} and ${webhookSpecs.map((w) => `${w.name} on port ${w.port}`).join(', ')}`,
		);
		// Settled, not Promise.all: a failure must wait until every process started is tracked for stopping.
		const [workerResults, webhookResults] = await Promise.all([
			Promise.allSettled(
				workerSpecs.map(async (name) => ({ name, instance: await startWorker(name) })),
			),
			Promise.allSettled(
				webhookSpecs.map(async ({ name, port }) => ({
					name,
					instance: await startWebhook(name, port),
				})),
			),
		]);
		const workers = fulfilled(workerResults);
		const webhookProcessors = fulfilled(webhookResults);
		return {
			main,
			workers,
			webhookProcessors,
			postgres,
			redis,
			webhookUrl: webhookProcessors[0].instance.url,
			versions,
			startMs: Date.now() - started,
			processes: () => [{ name: 'main', instance: main }, ...workers, ...webhookProcessors],
			async restartWorker(name: QueueProcessName): Promise<N8nInstance> {
				const worker = workers.find((w) => w.name === name);
				if (!worker) throw new Error(`no ${name} in this cluster`);
				await worker.instance.stop();
				worker.instance = await startWorker(name);
				return worker.instance;
			},
			async restartWebhookProcessor(name, signal) {
				const processor = webhookProcessors.find((w) => w.name === name);
				if (!processor) throw new Error(`no ${name} in this cluster`);
				const signalled = Date.now();
				process.kill(processor.instance.pid, signal);
				await processor.instance.exited;
				const exitedMs = Date.now() - signalled;
				processor.instance = await startWebhook(name, processor.instance.port);
				return { instance: processor.instance, exitedMs };
			},
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

function fulfilled<T>(results: Array<PromiseSettledResult<T>>): T[] {
	const failed = results.find(
		(result): result is PromiseRejectedResult => result.status === 'rejected',
	);
	if (failed) throw failed.reason;
	return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}

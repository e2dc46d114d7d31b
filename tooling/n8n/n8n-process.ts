/**
 * Starts and stops one n8n process (a tested release under its Node: by default the one
 * SMS_GATEWAYS_N8N_VERSION picks, see pinned.ts) on a given port and user
 * folder, with its stdout and stderr in a log file: `n8n start` (main), or in queue mode
 * `n8n worker` and `n8n webhook`. A main is started when `GET /rest/settings` answers JSON
 * (`/healthz` is up earlier, while the REST API still answers "n8n is starting up" as plain
 * text); a worker or webhook processor when its `/healthz/readiness` answers 200 (n8n's own
 * check of its database and Redis connections; a worker serves it on QUEUE_HEALTH_CHECK_PORT).
 */
import axios from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { n8nEnv, type N8nEnvOptions } from './n8n-env';
import { n8nBinOf, nodeBinOf } from './paths';
import { selectedN8n, type TestedN8n } from './pinned';
import { tail } from './run-command';
import { waitFor } from './wait-for';

/** Which n8n command: `start` (main), `worker` or `webhook` (queue mode's other processes). */
export type N8nRole = 'start' | 'worker' | 'webhook';

export interface StartN8nOptions {
	/** 0 picks a free port. */
	port: number;
	/** Default `start`. */
	role?: N8nRole;
	/** A worker's health-check port (QUEUE_HEALTH_CHECK_PORT), probed for readiness. */
	healthPort?: number;
	userFolder: string;
	logFile: string;
	publicHost?: string;
	logLevel?: N8nEnvOptions['logLevel'];
	extraEnv?: Record<string, string>;
	readyTimeoutMs?: number;
	/** Which n8n (and so which Node); default: the one SMS_GATEWAYS_N8N_VERSION picks, else the main one. */
	n8n?: TestedN8n;
	/** Called as soon as n8n is spawned, with its stop function (e.g. for a Ctrl-C during startup). */
	onSpawn?: (stop: () => Promise<void>) => void;
}

export interface N8nInstance {
	/** Base URL on loopback, without a trailing slash. */
	url: string;
	port: number;
	pid: number;
	userFolder: string;
	logFile: string;
	role: N8nRole;
	/** Milliseconds from spawn until the REST API (main) or the readiness check (others) answered. */
	startMs: number;
	/** Resolves when the n8n process has exited, for whatever reason. */
	exited: Promise<void>;
	stop(): Promise<void>;
}

const DEFAULT_READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 20_000;

export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const port = options.port === 0 ? await findFreePort() : options.port;
	fs.mkdirSync(options.userFolder, { recursive: true });
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
	const tested = options.n8n ?? selectedN8n();
	const env = n8nEnv({
		n8n: tested,
		port,
		taskBrokerPort: await findFreePort(),
		userFolder: options.userFolder,
		publicHost: options.publicHost,
		logLevel: options.logLevel,
		extra: options.extraEnv,
	});

	const started = Date.now();
	const role = options.role ?? 'start';
	if (role === 'worker' && !options.healthPort)
		throw new Error('a worker needs healthPort to be probed');
	const log = fs.openSync(options.logFile, 'a');
	const child = spawn(nodeBinOf(tested), [n8nBinOf(tested.version), role], {
		cwd: options.userFolder,
		env,
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	const probeUrl = role === 'worker' ? `http://127.0.0.1:${options.healthPort}` : url;
	const stop = () => stopChild(child, exited);
	options.onSpawn?.(stop);

	try {
		await waitFor(
			`n8n ${role} on ${probeUrl} (log: ${options.logFile})`,
			async () => {
				if (child.exitCode !== null || child.signalCode !== null) {
					const how = child.signalCode
						? `signal ${child.signalCode}`
						: `exit code ${child.exitCode}`;
					throw new ExitedError(
						`n8n exited early (${how}). Last lines of ${options.logFile}:\n${tail(options.logFile, 30)}`,
					);
				}
				const ready = role === 'start' ? await restApiReady(url) : await healthReady(probeUrl);
				return ready ? true : undefined;
			},
			{
				timeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
				intervalMs: 500,
				stopOn: ExitedError,
			},
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		url,
		port,
		pid: child.pid ?? -1,
		userFolder: options.userFolder,
		logFile: options.logFile,
		role,
		startMs: Date.now() - started,
		exited,
		stop,
	};
}

class ExitedError extends Error {}

async function restApiReady(url: string): Promise<boolean> {
	const response = await axios.get(`${url}/rest/settings`, {
		timeout: 5000,
		validateStatus: () => true,
		responseType: 'text',
		transformResponse: (body: string) => body,
	});
	if (response.status !== 200 || !String(response.headers['content-type'] ?? '').includes('json'))
		return false;
	try {
		return typeof JSON.parse(response.data as string).data === 'object';
	} catch {
		return false;
	}
}

async function healthReady(url: string): Promise<boolean> {
	const response = await axios.get(`${url}/healthz/readiness`, {
		timeout: 5000,
		validateStatus: () => true,
	});
	return response.status === 200;
}

/** SIGTERM lets n8n close its database cleanly; SIGKILL after a grace period, so stop() always ends. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	let grace: NodeJS.Timeout | undefined;
	const graceful = await Promise.race([
		exited.then(() => true),
		new Promise<false>((resolve) => {
			grace = setTimeout(() => resolve(false), STOP_GRACE_MS);
		}),
	]);
	// A pending grace timer would keep the caller's process (e.g. jest) alive for its whole length.
	clearTimeout(grace);
	if (!graceful) {
		child.kill('SIGKILL');
		await exited;
	}
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/**
 * A Redis server of its own for n8n's queue mode (Bull's job queue and n8n's pub/sub between
 * main, workers and webhook processors): Debian's redis-server run directly (not the system
 * service) on 127.0.0.1 and a free port, nothing saved to disk, a random password. Ready when it
 * answers PING after AUTH; stopped by its own pid. `restart()` (the fault scenarios of
 * bench/queue/redis-restart.ts) stops it with a given signal and starts it again on the same port,
 * password, configuration and data folder; `command()` sends one command (e.g. CONFIG SET save).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { findFreePort } from '../n8n-process';
import { sleep, waitFor } from '../wait-for';
import { spawnServer, type ServerProcess } from './server-process';
import type { QueueServerBinaries } from './system-packages';

export interface RedisServer {
	host: string;
	port: number;
	password: string;
	/** The running redis-server's pid (a new one after `restart()`). */
	pid: number;
	logFile: string;
	/** The data folder (`dir`): where a dump.rdb is written when saving is switched on. */
	workDir: string;
	process: ServerProcess;
	stop(): Promise<void>;
	/**
	 * Sends `signal` to redis-server by its pid, waits until it exited, waits `downMs` more, then
	 * starts it again with the same configuration file (port, password, data folder) and waits
	 * until it answers PING. Resolves with the milliseconds it was unreachable.
	 */
	restart(options: {
		signal: 'SIGTERM' | 'SIGKILL';
		downMs?: number;
	}): Promise<{ downMs: number; exitedMs: number }>;
	/** One command, e.g. `command('CONFIG', 'SET', 'save', '')`; resolves with Redis's raw reply. */
	command(...parts: string[]): Promise<string>;
}

export async function startRedis(options: {
	binaries: QueueServerBinaries;
	workDir: string;
	logFile: string;
	log?: (line: string) => void;
}): Promise<RedisServer> {
	fs.mkdirSync(options.workDir, { recursive: true });
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
	const port = await findFreePort();
	const password = randomBytes(18).toString('base64url');
	// The password goes in a config file, not on the command line (ps would show it).
	const configFile = path.join(options.workDir, 'redis.conf');
	fs.writeFileSync(
		configFile,
		[
			`port ${port}`,
			'bind 127.0.0.1',
			'protected-mode yes',
			`requirepass ${password}`,
			'save ""',
			'appendonly no',
			`dir ${options.workDir}`,
			'daemonize no',
			'',
		].join('\n'),
		{ mode: 0o600 },
	);
	const launch = async (): Promise<ServerProcess> => {
		const server = spawnServer(options.binaries.redisServer, [configFile], {
			logFile: options.logFile,
			cwd: options.workDir,
			stopSignal: 'SIGTERM',
		});
		try {
			await waitFor(
				`Redis on 127.0.0.1:${port} (log: ${options.logFile})`,
				async () => {
					if (server.hasExited())
						throw new ServerExited(`redis-server exited; see ${options.logFile}`);
					return (await redisPing(port, password)) ? true : undefined;
				},
				{ timeoutMs: 30000, intervalMs: 200, stopOn: ServerExited },
			);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	};
	const first = await launch();
	options.log?.(`Redis on 127.0.0.1:${port} (pid ${first.pid})`);
	const redis: RedisServer = {
		host: '127.0.0.1',
		port,
		password,
		pid: first.pid,
		logFile: options.logFile,
		workDir: options.workDir,
		process: first,
		stop: () => redis.process.stop(),
		async restart({ signal, downMs = 0 }) {
			const stopped = Date.now();
			redis.process.child.kill(signal);
			await redis.process.exited;
			const exitedMs = Date.now() - stopped;
			if (downMs > 0) await sleep(downMs);
			redis.process = await launch();
			redis.pid = redis.process.pid;
			options.log?.(`Redis started again after ${signal} on 127.0.0.1:${port} (pid ${redis.pid})`);
			return { downMs: Date.now() - stopped, exitedMs };
		},
		command: (...parts) => redisCommand(port, password, parts),
	};
	return redis;
}

class ServerExited extends Error {}

/** AUTH then PING in Redis's protocol; true on +PONG. */
export async function redisPing(
	port: number,
	password: string,
	timeoutMs = 2000,
): Promise<boolean> {
	try {
		return (await redisCommand(port, password, ['PING'], timeoutMs)).includes('+PONG');
	} catch {
		return false;
	}
}

/**
 * AUTH then one command in Redis's protocol on a fresh connection; resolves with the reply to the
 * command (raw protocol text), rejects on a refused AUTH, an error reply, a closed connection or
 * `timeoutMs`.
 */
export function redisCommand(
	port: number,
	password: string,
	parts: string[],
	timeoutMs = 2000,
): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let reply = '';
		let settled = false;
		const done = (error: Error | undefined, value = '') => {
			if (settled) return;
			settled = true;
			socket.destroy();
			if (error) reject(error);
			else resolve(value);
		};
		const encode = (args: string[]) =>
			`*${args.length}\r\n${args.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
		socket.setTimeout(timeoutMs, () =>
			done(new Error(`Redis on port ${port}: no reply within ${timeoutMs} ms`)),
		);
		socket.once('error', (error) => done(error));
		socket.once('close', () =>
			done(
				new Error(
					`Redis on port ${port} closed the connection (reply so far: ${reply.slice(0, 80)})`,
				),
			),
		);
		socket.once('connect', () => socket.write(encode(['AUTH', password]) + encode(parts)));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (!reply.startsWith('+OK\r\n')) {
				if (reply.includes('\r\n'))
					done(new Error(`Redis refused AUTH: ${reply.split('\r\n')[0]}`));
				return;
			}
			// One complete reply after AUTH's +OK (simple, error or integer replies, and bulk strings).
			const rest = reply.slice('+OK\r\n'.length);
			const end = rest.indexOf('\r\n');
			if (end === -1) return;
			if (rest.startsWith('-')) return done(new Error(`Redis: ${rest.slice(1, end)}`));
			if (rest.startsWith('$')) {
				const length = Number(rest.slice(1, end));
				if (length === -1) return done(undefined, rest);
				if (Buffer.byteLength(rest) < end + 2 + length + 2) return;
			}
			if (rest.startsWith('*'))
				return done(new Error('array replies are not read by redisCommand'));
			done(undefined, rest);
		});
	});
}

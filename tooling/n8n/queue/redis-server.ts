/**
 * A Redis server of its own for n8n's queue mode (Bull's job queue and n8n's pub/sub between
 * main, workers and webhook processors): Debian's redis-server run directly (not the system
 * service) on 127.0.0.1 and a free port, nothing saved to disk, a random password. Ready when it
 * answers PING after AUTH; stopped by its own pid.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { findFreePort } from '../n8n-process';
import { waitFor } from '../wait-for';
import { spawnServer, type ServerProcess } from './server-process';
import type { QueueServerBinaries } from './system-packages';

export interface RedisServer {
	host: string;
	port: number;
	password: string;
	pid: number;
	logFile: string;
	process: ServerProcess;
	stop(): Promise<void>;
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
	const server = spawnServer(options.binaries.redisServer, [configFile], {
		logFile: options.logFile,
		cwd: options.workDir,
		stopSignal: 'SIGTERM',
	});
	try {
		await waitFor(
			`Redis on 127.0.0.1:${port} (log: ${options.logFile})`,
			async () => {
				if (server.hasExited()) throw new ServerExited(`redis-server exited; see ${options.logFile}`);
				return (await redisPing(port, password)) ? true : undefined;
			},
			{ timeoutMs: 30000, intervalMs: 200, stopOn: ServerExited },
		);
	} catch (error) {
		await server.stop();
		throw error;
	}
	options.log?.(`Redis on 127.0.0.1:${port} (pid ${server.pid})`);
	return { host: '127.0.0.1', port, password, pid: server.pid, logFile: options.logFile, process: server, stop: () => server.stop() };
}

class ServerExited extends Error {}

/** AUTH then PING in Redis's protocol; true on +PONG. */
export function redisPing(port: number, password: string, timeoutMs = 2000): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let reply = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => {
			const command = (...parts: string[]) => `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
			socket.write(command('AUTH', password) + command('PING'));
		});
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('+PONG')) done(true);
			else if (reply.startsWith('-')) done(false);
		});
	});
}

/**
 * A server process this tooling started (PostgreSQL, Redis): spawned with its output in a log
 * file, stopped by its own pid with a signal, then SIGKILL after a grace period, so stop() always
 * ends. Used by postgres-server.ts and redis-server.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

export interface ServerProcess {
	pid: number;
	child: ChildProcess;
	exited: Promise<void>;
	hasExited(): boolean;
	stop(): Promise<void>;
}

export function spawnServer(
	command: string,
	args: string[],
	options: {
		logFile: string;
		uid?: number;
		gid?: number;
		cwd?: string;
		stopSignal: NodeJS.Signals;
		graceMs?: number;
	},
): ServerProcess {
	const log = fs.openSync(options.logFile, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		uid: options.uid,
		gid: options.gid,
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const hasExited = () => child.exitCode !== null || child.signalCode !== null;
	const stop = async () => {
		if (hasExited()) return;
		child.kill(options.stopSignal);
		let timer: NodeJS.Timeout | undefined;
		const graceful = await Promise.race([
			exited.then(() => true),
			new Promise<false>((resolve) => {
				timer = setTimeout(() => resolve(false), options.graceMs ?? 15000);
			}),
		]);
		clearTimeout(timer);
		if (!graceful) {
			child.kill('SIGKILL');
			await exited;
		}
	};
	return { pid: child.pid ?? -1, child, exited, hasExited, stop };
}

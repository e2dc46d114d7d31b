/**
 * Runs a TypeScript entry of the bench in its own Node process (through tsx's loader), reads the
 * first JSON line it prints, and stops it on request. Every wait has a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as readline from 'node:readline';

export interface TsChild<T> {
	child: ChildProcess;
	/** The first JSON line the child printed. */
	hello: T;
	stop(): Promise<void>;
	/** Resolves with the exit code when the child ends by itself. */
	exited: Promise<number | null>;
}

export function tsNodeArgs(entry: string, nodeFlags: string[] = []): string[] {
	return [...nodeFlags, '--import', 'tsx', entry];
}

export async function startTsChild<T>(
	entry: string,
	args: string[] = [],
	options: { nodeFlags?: string[]; readyTimeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<TsChild<T>> {
	const child = spawn(process.execPath, [...tsNodeArgs(entry, options.nodeFlags), ...args], {
		stdio: ['pipe', 'pipe', 'inherit'],
		env: options.env ?? process.env,
	});
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code)),
	);
	const lines = readline.createInterface({ input: child.stdout! });
	const hello = await new Promise<T>((resolve, reject) => {
		const timer = setTimeout(
			() =>
				reject(new Error(`${entry} did not start within ${options.readyTimeoutMs ?? 30000} ms`)),
			options.readyTimeoutMs ?? 30000,
		);
		lines.once('line', (line) => {
			clearTimeout(timer);
			try {
				resolve(JSON.parse(line) as T);
			} catch (error) {
				reject(new Error(`${entry} printed "${line.slice(0, 200)}" instead of JSON`));
			}
		});
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`${entry} exited (${code}) before it was ready`));
		});
	});
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
		await exited;
		clearTimeout(timer);
	};
	return { child, hello, stop, exited };
}

/** Runs an entry to completion and returns the last JSON line of its stdout. */
export async function runTsChild<T>(
	entry: string,
	args: string[],
	options: { nodeFlags?: string[]; timeoutMs: number },
): Promise<T> {
	const child = spawn(process.execPath, [...tsNodeArgs(entry, options.nodeFlags), ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let stdout = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		stdout += chunk.toString('utf8');
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
	const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
	clearTimeout(timer);
	const last = stdout.trim().split('\n').pop() ?? '';
	if (code !== 0)
		throw new Error(`${entry} ${args.join(' ')} failed (exit ${code}): ${last.slice(0, 500)}`);
	return JSON.parse(last) as T;
}

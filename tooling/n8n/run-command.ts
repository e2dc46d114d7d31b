/**
 * Runs a long command (npm install, npm rebuild, the build) with its output in a log file and a
 * progress line every few seconds, so a first run that takes minutes does not look stuck.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface RunCommandOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Output of the command is appended here; its tail is shown on failure. */
	logFile: string;
	/** Shown in progress lines and errors, e.g. "installing n8n 2.41.1". */
	label: string;
	/** Adds detail to each progress line (e.g. how many packages are in node_modules so far). */
	progressDetail?: () => string;
	progressEveryMs?: number;
	/** The command is killed after this long. */
	timeoutMs: number;
	/** Where progress lines go; silent when omitted. */
	log?: (line: string) => void;
}

export async function runCommand(
	command: string,
	args: string[],
	options: RunCommandOptions,
): Promise<void> {
	const started = Date.now();
	fs.appendFileSync(options.logFile, `\n$ ${command} ${args.join(' ')}   (in ${options.cwd})\n`);
	const out = fs.openSync(options.logFile, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);

	const progress = setInterval(() => {
		const detail = options.progressDetail ? `, ${options.progressDetail()}` : '';
		options.log?.(`  … ${options.label}: ${formatSeconds(Date.now() - started)}${detail}`);
	}, options.progressEveryMs ?? 15000);
	const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);

	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
		});
		if (code !== 0) {
			throw new Error(
				`${options.label} failed (${code === null ? 'killed' : `exit ${code}`}). Last lines of ${options.logFile}:\n${tail(options.logFile, 25)}`,
			);
		}
	} finally {
		clearInterval(progress);
		clearTimeout(timeout);
	}
}

export function formatSeconds(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds < 60
		? `${seconds}s`
		: `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

export function tail(file: string, lines: number): string {
	if (!fs.existsSync(file)) return '';
	return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

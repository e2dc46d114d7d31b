/** `npm run simulator` (tsx simulator/cli.ts): prints URL, base URLs and accounts; Ctrl-C stops it. */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { client } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function startCli(
	args: string[],
	env: Record<string, string> = {},
): { child: ChildProcessWithoutNullStreams; output: () => string } {
	const child = spawn(TSX, ['simulator/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return { child, output: () => output };
}

async function waitForOutput(
	output: () => string,
	pattern: RegExp,
	timeoutMs = 20000,
): Promise<RegExpMatchArray> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const match = output().match(pattern);
		if (match) return match;
		if (Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${output()}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
	return new Promise((resolve) => {
		if (child.exitCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});
}

describe('simulator CLI', () => {
	let running: ChildProcessWithoutNullStreams | null = null;

	afterEach(async () => {
		if (running && running.exitCode === null) {
			running.kill('SIGKILL');
			await exitCode(running);
		}
		running = null;
	});

	it('prints the URL, base URLs and accounts (with the DHIS2 token), serves, and stops on SIGINT', async () => {
		const { child, output } = startCli(['--port', '0']);
		running = child;
		const [, url] = await waitForOutput(output, /simulator on (http:\/\/127\.0\.0\.1:\d+)/);
		await waitForOutput(output, /Ctrl-C stops/);
		const text = output();
		for (const expected of [
			`${url}/africastalking`,
			`${url}/gupshup`,
			`${url}/smsbox`,
			`${url}/dhis2`,
			'at-sim-key',
			'gs-sim-key',
			'sb-sim-secret',
			'district',
		]) {
			expect(text).toContain(expected);
		}
		const accounts = await client(url).get('/sim/accounts');
		expect(text).toContain(accounts.data.dhis2.personalAccessToken);
		// The CLI delivers reports by itself after ~1.5 s.
		expect((await client(url).get('/sim/config')).data.autoDeliverMs).toBe(1500);
		child.kill('SIGINT');
		expect(await exitCode(child)).toBe(0);
	});

	it('takes the port from SIM_PORT when --port is absent', async () => {
		// Find a free port by letting the OS pick one for a throwaway server.
		const net = await import('node:net');
		const port = await new Promise<number>((resolve) => {
			const probe = net.createServer().listen(0, '127.0.0.1', () => {
				const { port: free } = probe.address() as { port: number };
				probe.close(() => resolve(free));
			});
		});
		const { child, output } = startCli([], { SIM_PORT: String(port) });
		running = child;
		await waitForOutput(output, new RegExp(`simulator on http://127\\.0\\.0\\.1:${port}`));
		child.kill('SIGTERM');
		expect(await exitCode(child)).toBe(0);
	});
});

/**
 * Where the CPU of one scale measurement goes: runs scale-child.ts once (default: one Send SMS run
 * of 100,000 recipients in the engine against the simulator in its own process) under
 * `--cpu-prof`, and prints the sample's figures with a summary of the profile cut to the measured
 * work (self and total time per function, self time per package).
 *
 *   npx tsx bench/scale/profile-scale.ts [--workload engine] [--size 100000] [--out file.json] [--no-profile]
 *                                        [--heap-snapshot file.heapsnapshot]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { summariseProfile } from '../bulk/cpu-profile';
import { flagArg, numberArg, stringArg } from '../support/args';
import { runTsChild, startTsChild } from '../../tooling/n8n/child-process';
import { SimControl } from '../../tooling/n8n/sim-control';
import type { ScaleSample } from './scale-child';

const CHILD = path.join(__dirname, 'scale-child.ts');
const SIMULATOR = path.join(__dirname, '..', '..', 'tooling', 'n8n', 'simulator-child.ts');

async function main(): Promise<void> {
	const workload = stringArg('workload') ?? 'engine';
	const size = numberArg('size', 100_000);
	const profile = !flagArg('no-profile');
	const out = stringArg('out');
	const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-scale-prof-'));
	const simulator = await startTsChild<{ url: string }>(SIMULATOR);
	try {
		const sim = new SimControl(simulator.hello.url);
		await sim.reset();
		await sim.configure({ balances: { africasTalking: 1e9 } });
		const load = os.loadavg();
		const snapshot = stringArg('heap-snapshot');
		const childArgs = [
			'--workload',
			workload,
			'--size',
			String(size),
			'--sim-url',
			simulator.hello.url,
		];
		if (snapshot) childArgs.push('--heap-snapshot', path.resolve(snapshot));
		const sample = await runTsChild<ScaleSample>(CHILD, childArgs, {
			timeoutMs: 10 * 60 * 1000,
			nodeFlags: profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
		});
		const result: Record<string, unknown> = {
			sample,
			extraMiB: Math.round((sample.maxRssMiB - sample.rssBeforeMiB) * 10) / 10,
			loadAverageBefore: load,
			loadAverageAfter: os.loadavg(),
			profiled: profile,
		};
		if (profile && sample.windowUs) {
			const [file] = fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
			if (file) result.summary = summariseProfile(path.join(profileDir, file), sample.windowUs, 40);
		}
		const text = JSON.stringify(result, null, 2);
		if (out) fs.writeFileSync(out, text);
		process.stdout.write(`${text}\n`);
	} finally {
		await simulator.stop();
		fs.rmSync(profileDir, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

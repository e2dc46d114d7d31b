/**
 * Measurement 4 (bench/README.md#goals-at-a-glance): CPU time and peak memory of the pure helpers, the plan, and one Send
 * SMS run in the engine, from 1,000 to 100,000 recipients, each size in a fresh child process.
 * Needs no n8n: the engine run uses n8n-core's WorkflowExecute in-process, against the simulator
 * in its own process at zero latency.
 */
import * as path from 'node:path';

import { runTsChild, startTsChild } from '../../tooling/n8n/child-process';
import { SimControl } from '../../tooling/n8n/sim-control';
import type { ScaleSample, ScaleWorkload } from './scale-child';

export interface ScaleOptions {
	sizes: number[];
	workloads: ScaleWorkload[];
}

export interface ScaleRow extends ScaleSample {
	/** CPU microseconds per recipient. */
	cpuUsPerRecipient: number;
	/** Peak memory above what the process held before the work. */
	extraMiB: number;
}

export interface ScaleResult {
	settings: ScaleOptions;
	rows: ScaleRow[];
}

const CHILD = path.join(__dirname, 'scale-child.ts');
const SIMULATOR = path.join(__dirname, '..', '..', 'tooling', 'n8n', 'simulator-child.ts');

export async function measureScale(
	options: ScaleOptions,
	log: (line: string) => void,
): Promise<ScaleResult> {
	const simulator = await startTsChild<{ url: string }>(SIMULATOR);
	const sim = new SimControl(simulator.hello.url);
	const rows: ScaleRow[] = [];
	try {
		for (const workload of options.workloads) {
			for (const size of options.sizes) {
				if (workload === 'engine' || workload === 'engine-one-item') {
					// Every run starts from an empty simulator with credit for any size.
					await sim.reset();
					await sim.configure({ balances: { africasTalking: 1e9 } });
				}
				const sample = await runTsChild<ScaleSample>(
					CHILD,
					['--workload', workload, '--size', String(size), '--sim-url', simulator.hello.url],
					{
						timeoutMs: 10 * 60 * 1000,
					},
				);
				const row: ScaleRow = {
					...sample,
					cpuUsPerRecipient: Math.round((sample.cpuMs * 1000) / size),
					extraMiB: Math.round((sample.maxRssMiB - sample.rssBeforeMiB) * 10) / 10,
				};
				rows.push(row);
				log(
					`  ${workload} ${size}: cpu ${row.cpuMs} ms (${row.cpuUsPerRecipient} µs each), peak ${row.maxRssMiB} MiB (+${row.extraMiB}), ${JSON.stringify(row.produced)}`,
				);
			}
		}
	} finally {
		await simulator.stop();
	}
	return { settings: options, rows };
}

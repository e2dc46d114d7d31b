/** What every result file holds around its figures: the command, when, how long, and on what. */
import * as os from 'node:os';

import type { MachineDescription } from '../support/machine';

export interface ResultEnvelope<T> {
	benchmark: 'bulk' | 'webhooks' | 'faults' | 'scale';
	command: string;
	when: string;
	durationMs: number;
	machine: MachineDescription & {
		/** 1/5/15-minute load averages before and after: other work on the machine skews figures. */
		loadAverageBefore: number[];
		loadAverageAfter: number[];
	};
	n8n?: { version: string; node: string; settings: Record<string, string>; addedNodes: string[] };
	result: T;
}

export function loadAverage(): number[] {
	return os.loadavg().map((v) => Math.round(v * 100) / 100);
}

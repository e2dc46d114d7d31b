/**
 * Measurement 3 (bench/README.md#goals-at-a-glance): the bulk send through Send SMS in the real n8n with 10% of gateway
 * requests failing (simulator faults: 429 with Retry-After, 503, reset before processing, reset
 * after processing, equally likely), then every recipient checked against `/sim/messages`.
 */
import { runBulkCase } from '../bulk/bulk-case';
import { sendSmsNode } from '../bulk/senders';
import { minimumRequests } from '../support/floor';
import type { BenchGateway, SendMode } from '../support/gateways';
import { recipientsPerRequest } from '../support/gateways';
import type { BenchStack } from '../support/n8n-stack';
import type { FaultKind } from '../../tooling/n8n/sim-control';
import { checkTruthfulness, type Truthfulness } from './truthfulness';

export interface FaultOptions {
	recipients: number;
	latencyMs: number;
	rate: number;
	seed: number;
	retryAfterSeconds: number;
	gateways: BenchGateway[];
	modes: SendMode[];
	packageName: string;
}

export interface FaultRow extends Truthfulness {
	gateway: BenchGateway;
	mode: SendMode;
	faultSeed: number;
	replyStatus: number;
	executionStatus: string;
	runMs: number;
	requests: number;
	minRequests: number;
	faults: Record<FaultKind, number>;
	/**
	 * When every request carries one recipient, each reset after processing leaves exactly one
	 * ambiguous recipient: the simulator's own count to check `ambiguous` against.
	 */
	expectedAmbiguous?: number;
	meetsGoal: boolean;
}

export interface FaultResult {
	settings: Omit<FaultOptions, 'packageName'> & { weights: Record<FaultKind, number> };
	rows: FaultRow[];
	totals: {
		duplicates: number;
		silentLosses: number;
		ambiguous: number;
		ambiguousReportedUnknown: number;
	};
}

const WEIGHTS: Record<FaultKind, number> = {
	rateLimit: 1,
	serverError: 1,
	resetBefore: 1,
	resetAfter: 1,
};

export async function measureFaults(
	stack: BenchStack,
	options: FaultOptions,
	log: (line: string) => void,
): Promise<FaultResult> {
	const rows: FaultRow[] = [];
	let runIndex = 0;
	for (const gateway of options.gateways) {
		for (const mode of options.modes) {
			// A seed per run: with one seed every run would draw the same first faults, and the
			// broadcasts (a handful of requests) would only ever meet the first one.
			const seed = options.seed + runIndex++;
			const run = await runBulkCase(
				stack,
				{
					gateway,
					mode,
					variant: 'sendSms',
					recipients: options.recipients,
					latencyMs: options.latencyMs,
					faults: {
						rate: options.rate,
						weights: WEIGHTS,
						retryAfterSeconds: options.retryAfterSeconds,
						seed,
					},
					sender: sendSmsNode(gateway, mode, stack.credentials, options.packageName),
				},
				log,
			);
			const truth = checkTruthfulness(
				run.input,
				run.output,
				run.simCountByDigits,
				run.simIdsByDigits,
			);
			const m = run.measurement;
			const row: FaultRow = {
				gateway,
				mode,
				faultSeed: seed,
				replyStatus: m.replyStatus,
				executionStatus: m.executionStatus,
				runMs: m.runMs,
				requests: m.requests,
				minRequests: minimumRequests(gateway, mode, options.recipients),
				faults: m.faults,
				...truth,
				...(recipientsPerRequest(gateway, mode) === 1
					? { expectedAmbiguous: m.faults.resetAfter }
					: {}),
				meetsGoal:
					m.replyStatus === 200 &&
					truth.duplicates === 0 &&
					truth.silentLosses === 0 &&
					truth.ambiguousReportedUnknown === truth.ambiguous,
			};
			rows.push(row);
			log(
				`  ${gateway} ${mode}: ${row.requests} requests, faults ${JSON.stringify(row.faults)}; ` +
					`${JSON.stringify(row.byStatus)}; duplicates ${row.duplicates}, silent losses ${row.silentLosses}, ` +
					`ambiguous ${row.ambiguous} (${row.ambiguousReportedUnknown} unknown)` +
					(row.expectedAmbiguous !== undefined ? `, expected ${row.expectedAmbiguous}` : ''),
			);
		}
	}
	const sum = (key: 'duplicates' | 'silentLosses' | 'ambiguous' | 'ambiguousReportedUnknown') =>
		rows.reduce((total, row) => total + row[key], 0);
	const { packageName, ...settings } = options;
	void packageName;
	return {
		settings: { ...settings, weights: WEIGHTS },
		rows,
		totals: {
			duplicates: sum('duplicates'),
			silentLosses: sum('silentLosses'),
			ambiguous: sum('ambiguous'),
			ambiguousReportedUnknown: sum('ambiguousReportedUnknown'),
		},
	};
}

/**
 * Measurement 1 (bench/README.md#goals-at-a-glance): 5,000 recipients, broadcast and personalised, through Send SMS and
 * through n8n's HTTP Request node (defaults, and batched), for each gateway, simulator latency
 * 20 ms, all in the same n8n against the same simulator; then Send SMS and HTTP Request
 * (defaults) again at 150 ms, closer to a real gateway, n8n's CPU per request on every row, and
 * issue 11's table of goals computed from the rows (goals.ts).
 */
import { adapterFor } from '../../nodes/shared/registry/registry';
import { DISPLAY_NAME, type BenchGateway, type SendMode } from '../support/gateways';
import { floorMs, minimumRequests, ratio } from '../support/floor';
import type { BenchStack } from '../support/n8n-stack';
import { runBulkCase, type BulkMeasurement } from './bulk-case';
import { probeExpressionCost, type ExpressionProbe } from './expression-probe';
import { issueGoals, type GoalLine } from './goals';
import {
	createBaselineCredentials,
	HTTP_BATCH,
	HTTP_REQUEST_VERSION,
	httpRequestNode,
	sendSmsNode,
	type SenderVariant,
} from './senders';

/**
 * Send SMS's requests in flight when Max Concurrency is not set: each gateway's own default
 * (its adapter's `defaultSendConcurrency`, docs/performance.md).
 */
export function sendSmsConcurrency(gateway: BenchGateway): number {
	return adapterFor(gateway).defaultSendConcurrency ?? 10;
}

/** The defaults in words, for the report. */
function concurrencyInWords(gateways: readonly BenchGateway[]): string {
	return `the gateway's default (${gateways.map((g) => `${DISPLAY_NAME[g]} ${sendSmsConcurrency(g)}`).join(', ')})`;
}

export interface BulkOptions {
	recipients: number;
	latencyMs: number;
	gateways: BenchGateway[];
	modes: SendMode[];
	/** Gateways whose HTTP Request baselines run (the baselines have the same shape on every gateway). */
	httpGateways: BenchGateway[];
	packageName: string;
	/** How n8n was started (N8N_EXPRESSION_ENGINE), for the report. */
	expressionEngine: string;
	/**
	 * A gateway latency closer to a real gateway's (100-300 ms over TLS): Send SMS and HTTP Request
	 * (defaults) run again at it, for every gateway and mode. 0 leaves these rows out. Default 150.
	 */
	realLatencyMs?: number;
}

export const REAL_LATENCY_MS = 150;

export interface BulkRow extends BulkMeasurement {
	minRequests: number;
	floorMs: number;
	/** runMs / floorMs. */
	ratioToFloor: number;
	/** nodeMs / floorMs. */
	nodeRatioToFloor: number;
	/** n8n's CPU time during the run divided by the requests the gateway received. */
	n8nCpuMsPerRequest?: number;
}

export interface BulkComparison {
	gateway: BenchGateway;
	mode: SendMode;
	sendSmsRunMs: number;
	httpDefaultsRunMs?: number;
	httpBatchedRunMs?: number;
	/** HTTP Request (defaults) run time / Send SMS run time. */
	speedupVsHttpDefaults?: number;
	speedupVsHttpBatched?: number;
	ratioToFloor: number;
}

export interface BulkResult {
	settings: {
		recipients: number;
		latencyMs: number;
		/** Requests in flight per gateway, in words (each gateway has its own default). */
		sendSmsConcurrency: string;
		httpRequestVersion: number;
		httpBatch: typeof HTTP_BATCH;
		httpGateways: BenchGateway[];
	};
	rows: BulkRow[];
	comparisons: BulkComparison[];
	expressionProbe: ExpressionProbe;
	/** The same cases at `realLatencyMs` (Send SMS and HTTP Request defaults). */
	realLatency?: { latencyMs: number; rows: BulkRow[]; comparisons: BulkComparison[] };
	/** Issue 11's table from these rows (goals.ts). */
	goals: GoalLine[];
}

export async function measureBulk(
	stack: BenchStack,
	options: BulkOptions,
	log: (line: string) => void,
): Promise<BulkResult> {
	const baseline = await createBaselineCredentials(stack.client, stack.accounts);
	const rows = await measureRows(
		stack,
		options,
		baseline,
		options.latencyMs,
		['sendSms', 'httpDefaults', 'httpBatched'],
		log,
	);
	const realLatencyMs = options.realLatencyMs ?? REAL_LATENCY_MS;
	let realLatency: BulkResult['realLatency'];
	if (realLatencyMs > 0) {
		log(`  the same at ${realLatencyMs} ms gateway latency (Send SMS and HTTP Request defaults)…`);
		const slowRows = await measureRows(
			stack,
			options,
			baseline,
			realLatencyMs,
			['sendSms', 'httpDefaults'],
			log,
		);
		realLatency = { latencyMs: realLatencyMs, rows: slowRows, comparisons: compare(slowRows) };
	}
	log('  expression probe (Edit Fields, one expression per item)…');
	const expressionProbe = await probeExpressionCost(
		stack,
		options.recipients,
		options.expressionEngine,
	);
	log(`  n8n spends ${expressionProbe.perItemMs} ms per item on one expression parameter`);
	return {
		settings: {
			recipients: options.recipients,
			latencyMs: options.latencyMs,
			sendSmsConcurrency: concurrencyInWords(options.gateways),
			httpRequestVersion: HTTP_REQUEST_VERSION,
			httpBatch: HTTP_BATCH,
			httpGateways: options.httpGateways,
		},
		rows,
		comparisons: compare(rows),
		expressionProbe,
		...(realLatency ? { realLatency } : {}),
		goals: issueGoals(rows),
	};
}

async function measureRows(
	stack: BenchStack,
	options: BulkOptions,
	baseline: Awaited<ReturnType<typeof createBaselineCredentials>>,
	latencyMs: number,
	httpVariants: SenderVariant[],
	log: (line: string) => void,
): Promise<BulkRow[]> {
	const rows: BulkRow[] = [];
	for (const gateway of options.gateways) {
		for (const mode of options.modes) {
			const variants: SenderVariant[] = options.httpGateways.includes(gateway)
				? httpVariants
				: ['sendSms'];
			for (const variant of variants) {
				const sender =
					variant === 'sendSms'
						? sendSmsNode(gateway, mode, stack.credentials, options.packageName)
						: httpRequestNode(
								gateway,
								mode,
								variant,
								stack.simUrl,
								stack.accounts,
								baseline[gateway],
							);
				const { measurement } = await runBulkCase(
					stack,
					{ gateway, mode, variant, recipients: options.recipients, latencyMs, sender },
					log,
				);
				const row = withFloor(measurement, latencyMs);
				rows.push(row);
				log(
					`  ${gateway} ${mode} ${variant} at ${latencyMs} ms: run ${row.runMs} ms (node ${row.nodeMs} ms), ${row.requests} requests, ` +
						`floor ${row.floorMs} ms, ${row.recipientsOnce}/${row.recipients} once, n8n CPU ${row.n8nCpuMsPerRequest ?? '?'} ms per request`,
				);
			}
		}
	}
	return rows;
}

/**
 * The floor is Send SMS's: its fewest requests at its concurrency. The HTTP Request rows get the
 * same floor so every ratio in a gateway × mode group has one reference.
 */
function withFloor(measurement: BulkMeasurement, latencyMs: number): BulkRow {
	const minRequests = minimumRequests(
		measurement.gateway,
		measurement.mode,
		measurement.recipients,
	);
	const floor = floorMs(minRequests, sendSmsConcurrency(measurement.gateway), latencyMs);
	return {
		...measurement,
		minRequests,
		floorMs: floor,
		ratioToFloor: ratio(measurement.runMs, floor),
		nodeRatioToFloor: ratio(measurement.nodeMs, floor),
		...(measurement.n8nCpuMs !== undefined && measurement.requests > 0
			? {
					n8nCpuMsPerRequest:
						Math.round((measurement.n8nCpuMs / measurement.requests) * 1000) / 1000,
				}
			: {}),
	};
}

function compare(rows: BulkRow[]): BulkComparison[] {
	const find = (gateway: BenchGateway, mode: SendMode, variant: SenderVariant) =>
		rows.find(
			(r) =>
				r.gateway === gateway && r.mode === mode && r.variant === variant && r.replyStatus === 200,
		);
	const comparisons: BulkComparison[] = [];
	for (const row of rows.filter((r) => r.variant === 'sendSms')) {
		const defaults = find(row.gateway, row.mode, 'httpDefaults');
		const batched = find(row.gateway, row.mode, 'httpBatched');
		comparisons.push({
			gateway: row.gateway,
			mode: row.mode,
			sendSmsRunMs: row.runMs,
			ratioToFloor: row.ratioToFloor,
			...(defaults
				? {
						httpDefaultsRunMs: defaults.runMs,
						speedupVsHttpDefaults: ratio(defaults.runMs, row.runMs),
					}
				: {}),
			...(batched
				? { httpBatchedRunMs: batched.runMs, speedupVsHttpBatched: ratio(batched.runMs, row.runMs) }
				: {}),
		});
	}
	return comparisons;
}

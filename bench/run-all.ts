/**
 * `npm run bench` (bench/README.md#goals-at-a-glance): every measurement from one run, side by side, in the same real n8n
 * against the same simulator, then the charts and bench/README.md (the report).
 *
 *   npx tsx bench/run-all.ts [all|bulk|faults|webhooks|scale|report] [flags]
 *
 * Flags (defaults in brackets): --recipients [5000] --latency [20] --gateways [all four]
 * --http-gateways [all four] --modes [broadcast,personalised] --webhook-rate [200]
 * --webhook-count [1000] --step-rates [5,10,20,30,50,75,100,150] --step-seconds [15]
 * --webhook-payloads [africasTalking,gupshup] --fault-rate [0.1] --fault-seed [8]
 * --scale-sizes [1000,10000,50000,100000]
 * --expression-engine legacy: a diagnostic, not part of the default run: n8n started with
 *   N8N_EXPRESSION_ENGINE=legacy instead of its default `vm`, results written as
 *   `<name>-legacy-expressions.json` and summed up in bench/README.md beside the main figures.
 * The n8n steps share one n8n and run in the order bulk, faults, webhooks (the webhook steps
 * load n8n the most, so they come last); scale runs after n8n has stopped, on a quiet machine.
 */
import { measureBulk, type BulkResult } from './bulk/measure-bulk';
import { measureFaults, type FaultResult } from './faults/measure-faults';
import { renderCharts } from './report/charts';
import { loadAverage, type ResultEnvelope } from './report/envelope';
import { writeBenchReadme } from './report/readme-results';
import { measureScale, type ScaleResult } from './scale/measure-scale';
import type { ScaleWorkload } from './scale/scale-child';
import { listArg, numberArg } from './support/args';
import { BENCH_GATEWAYS, type SendMode } from './support/gateways';
import { describeMachine } from './support/machine';
import { N8N_BENCH_ENV, startBenchStack, type BenchStack } from './support/n8n-stack';
import { readResult, writeResult } from './support/results';
import { measureWebhooks, type WebhookResult } from './webhooks/measure-webhooks';
import type { PayloadKind } from './webhooks/payloads';

type Step = 'bulk' | 'faults' | 'webhooks' | 'scale';
const LEGACY_SUFFIX = '-legacy-expressions';
const STEPS: Step[] = ['bulk', 'faults', 'webhooks', 'scale'];
const N8N_STEPS: Step[] = ['bulk', 'faults', 'webhooks'];

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/** `--step-rates 10,20` etc.: lists of numbers accept any positive values. */
function freeNumberList(name: string, fallback: number[]): number[] {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const values = (process.argv[index + 1] ?? '').split(',').map(Number);
	if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error(`--${name} takes positive numbers, comma-separated`);
	return values;
}

async function main(): Promise<void> {
	const command = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'all';
	if (command !== 'all' && command !== 'report' && !STEPS.includes(command as Step)) {
		throw new Error(`unknown sub-command "${command}" (all, ${STEPS.join(', ')}, report)`);
	}
	const steps: Step[] = command === 'all' ? STEPS : command === 'report' ? [] : [command as Step];
	const commandLine = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, '');
	const recipients = numberArg('recipients', 5000);
	const latencyMs = numberArg('latency', 20);
	const gateways = listArg('gateways', BENCH_GATEWAYS);
	const modes = listArg<SendMode>('modes', ['broadcast', 'personalised']);
	const engine = listArg('expression-engine', ['vm', 'legacy'] as const)[0] ?? 'vm';
	const suffix = engine === 'legacy' ? LEGACY_SUFFIX : '';
	if (engine === 'legacy') N8N_BENCH_ENV.N8N_EXPRESSION_ENGINE = 'legacy';
	if (engine === 'legacy' && steps.includes('scale')) throw new Error('--expression-engine applies to the n8n steps, not to scale');

	let stack: BenchStack | undefined;
	const stopStack = async () => {
		const running = stack;
		stack = undefined;
		await running?.stop();
	};
	const interrupted = () => {
		log('interrupted: stopping n8n and the simulator');
		void stopStack().finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	try {
		if (steps.some((s) => N8N_STEPS.includes(s))) {
			stack = await startBenchStack(log);
		}
		const envelope = <T>(benchmark: ResultEnvelope<T>['benchmark'], started: number, before: number[], result: T): ResultEnvelope<T> => ({
			benchmark,
			command: commandLine,
			when: new Date(started).toISOString(),
			durationMs: Date.now() - started,
			machine: {
				...describeMachine(stack ? { n8nVersion: stack.n8nVersion, n8nNode: stack.n8nNode } : {}),
				loadAverageBefore: before,
				loadAverageAfter: loadAverage(),
			},
			...(stack && benchmark !== 'scale'
				? { n8n: { version: stack.n8nVersion, node: stack.n8nNode, settings: N8N_BENCH_ENV, addedNodes: stack.addedNodes } }
				: {}),
			result,
		});
		const packageName = 'n8n-nodes-sms-gateways';

		if (steps.includes('bulk') && stack) {
			log(`bulk send: ${recipients} recipients, latency ${latencyMs} ms`);
			const started = Date.now();
			const before = loadAverage();
			const result = await measureBulk(
				stack,
				{
					recipients,
					latencyMs,
					gateways,
					modes,
					httpGateways: listArg('http-gateways', BENCH_GATEWAYS),
					packageName,
					expressionEngine: engine === 'legacy' ? 'legacy' : 'vm (n8n 2.41 default)',
				},
				log,
			);
			log(`wrote ${writeResult(`bulk${suffix}`, envelope('bulk', started, before, result))}`);
		}
		if (steps.includes('faults') && stack) {
			log('faults: 10% of gateway requests fail');
			const started = Date.now();
			const before = loadAverage();
			const result = await measureFaults(
				stack,
				{
					recipients,
					latencyMs,
					rate: numberArg('fault-rate', 0.1),
					seed: numberArg('fault-seed', 8),
					retryAfterSeconds: 1,
					gateways,
					modes,
					packageName,
				},
				log,
			);
			log(`wrote ${writeResult(`faults${suffix}`, envelope('faults', started, before, result))}`);
		}
		if (steps.includes('webhooks') && stack) {
			log('webhook acknowledgement');
			const started = Date.now();
			const before = loadAverage();
			const result = await measureWebhooks(
				stack,
				{
					fixedRate: numberArg('webhook-rate', 200),
					fixedCount: numberArg('webhook-count', 1000),
					stepRates: freeNumberList('step-rates', [5, 10, 20, 30, 50, 75, 100, 150]),
					stepSeconds: numberArg('step-seconds', 15),
					payloads: listArg<PayloadKind>('webhook-payloads', ['africasTalking', 'gupshup']),
					p99GoalMs: 100,
					packageName,
				},
				log,
			);
			log(`wrote ${writeResult(`webhooks${suffix}`, envelope('webhooks', started, before, result))}`);
		}
		await stopStack();
		if (steps.includes('scale')) {
			log('scale of the work');
			const started = Date.now();
			const before = loadAverage();
			const result = await measureScale(
				{
					sizes: freeNumberList('scale-sizes', [1000, 10000, 50000, 100000]),
					workloads: listArg<ScaleWorkload>('scale-workloads', ['helpers', 'plan', 'engine']),
				},
				log,
			);
			log(`wrote ${writeResult('scale', envelope('scale', started, before, result))}`);
		}

		const envelopes = {
			bulk: readResult<ResultEnvelope<BulkResult>>('bulk'),
			webhooks: readResult<ResultEnvelope<WebhookResult>>('webhooks'),
			faults: readResult<ResultEnvelope<FaultResult>>('faults'),
			scale: readResult<ResultEnvelope<ScaleResult>>('scale'),
			bulkLegacy: readResult<ResultEnvelope<BulkResult>>(`bulk${LEGACY_SUFFIX}`),
			webhooksLegacy: readResult<ResultEnvelope<WebhookResult>>(`webhooks${LEGACY_SUFFIX}`),
		};
		const charts = await renderCharts(envelopes);
		for (const chart of charts) log(`wrote ${chart}`);
		log(`wrote ${writeBenchReadme(envelopes)}`);
	} finally {
		await stopStack();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

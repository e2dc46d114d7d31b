/**
 * `npm run bench` (bench/README.md#goals-at-a-glance): every measurement from one run, side by side, in the same real n8n
 * against the same simulator, then the charts and bench/README.md (the report).
 *
 *   npx tsx bench/run-all.ts [all|bulk|faults|webhooks|scale|report] [flags]
 *
 * Flags (defaults in brackets): --recipients [5000] --latency [20] --gateways [all four]
 * --http-gateways [all four] --modes [broadcast,personalised] --fault-rate [0.1] --fault-seed [8]
 * --scale-sizes [1000,10000,50000,100000]
 * Webhook phase (bench/webhooks/settings/): --webhook-settings [defaults,lazy,lazy-pool2,
 * lazy-pool4,queue-1,queue-2] --webhook-rates [20,50,100,200] --webhook-count [150 per rate]
 * --webhook-timeout-ms [10000]; one n8n (or queue cluster) per setting, started in turn.
 * --out-dir DIR: results, charts and the report go to DIR instead of bench/results, docs/bench
 *   and bench/README.md (a smoke run: `--out-dir bench/results/tmp`, git-ignored).
 * --expression-engine legacy: a diagnostic, not part of the default run: n8n started with
 *   N8N_EXPRESSION_ENGINE=legacy instead of its default `vm`, results written as
 *   `<name>-legacy-expressions.json` and summed up in bench/README.md beside the main figures.
 * Bulk and faults share one n8n; then the webhook phase starts its own n8n per setting (the
 * settings are fixed when n8n starts); scale runs after every n8n has stopped, on a quiet machine.
 */
import * as path from 'node:path';

import { measureBulk, type BulkResult } from './bulk/measure-bulk';
import { measureFaults, type FaultResult } from './faults/measure-faults';
import { DOCS_DIR, renderCharts } from './report/charts';
import { loadAverage, type ResultEnvelope } from './report/envelope';
import { writeBenchReadme } from './report/readme-results';
import { measureScale, type ScaleResult } from './scale/measure-scale';
import type { ScaleWorkload } from './scale/scale-child';
import { listArg, numberArg, stringArg } from './support/args';
import { BENCH_GATEWAYS, type SendMode } from './support/gateways';
import { describeMachine } from './support/machine';
import { N8N_BENCH_ENV, startBenchStack, type BenchStack } from './support/n8n-stack';
import { readResult, RESULTS_DIR, writeResult } from './support/results';
import type { WebhookResult } from './report/webhook-result';
import {
	measureWebhookSettings,
	type WebhookSettingsResult,
} from './webhooks/settings/measure-settings';
import type { ReceiverStack } from './webhooks/settings/receiver-stack';
import { N8N_SETTING_IDS, settingById } from './webhooks/settings/settings';

type Step = 'bulk' | 'faults' | 'webhooks' | 'scale';
const LEGACY_SUFFIX = '-legacy-expressions';
const STEPS: Step[] = ['bulk', 'faults', 'webhooks', 'scale'];
/** Steps that share the one n8n of startBenchStack (the webhook phase starts its own). */
const N8N_STEPS: Step[] = ['bulk', 'faults'];

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/** `--step-rates 10,20` etc.: lists of numbers accept any positive values. */
function freeNumberList(name: string, fallback: number[]): number[] {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const values = (process.argv[index + 1] ?? '').split(',').map(Number);
	if (values.some((v) => !Number.isFinite(v) || v <= 0))
		throw new Error(`--${name} takes positive numbers, comma-separated`);
	return values;
}

async function main(): Promise<void> {
	const command = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'all';
	if (command !== 'all' && command !== 'report' && !STEPS.includes(command as Step)) {
		throw new Error(`unknown sub-command "${command}" (all, ${STEPS.join(', ')}, report)`);
	}
	const steps: Step[] = command === 'all' ? STEPS : command === 'report' ? [] : [command as Step];
	const commandLine = `npm run bench -- ${process.argv.slice(2).join(' ')}`
		.trim()
		.replace(/ --$/, '');
	const recipients = numberArg('recipients', 5000);
	const latencyMs = numberArg('latency', 20);
	const gateways = listArg('gateways', BENCH_GATEWAYS);
	const modes = listArg<SendMode>('modes', ['broadcast', 'personalised']);
	const engine = listArg('expression-engine', ['vm', 'legacy'] as const)[0] ?? 'vm';
	const suffix = engine === 'legacy' ? LEGACY_SUFFIX : '';
	if (engine === 'legacy') N8N_BENCH_ENV.N8N_EXPRESSION_ENGINE = 'legacy';
	if (engine === 'legacy' && steps.includes('scale'))
		throw new Error('--expression-engine applies to the n8n steps, not to scale');
	if (engine === 'legacy' && steps.includes('webhooks'))
		throw new Error(
			'--expression-engine legacy applies to bulk and faults; the webhook phase compares its own settings (--webhook-settings)',
		);

	const outDir = stringArg('out-dir');
	const resultsDir = outDir ? path.resolve(outDir) : RESULTS_DIR;
	let stack: BenchStack | undefined;
	let webhookStack: ReceiverStack | undefined;
	const stopStack = async () => {
		const running = stack;
		stack = undefined;
		await running?.stop();
		const receiving = webhookStack;
		webhookStack = undefined;
		await receiving?.stop();
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
		const envelope = <T>(
			benchmark: ResultEnvelope<T>['benchmark'],
			started: number,
			before: number[],
			result: T,
			n8n: ResultEnvelope<T>['n8n'] = stack && benchmark !== 'scale'
				? {
						version: stack.n8nVersion,
						node: stack.n8nNode,
						settings: N8N_BENCH_ENV,
						addedNodes: stack.addedNodes,
					}
				: undefined,
		): ResultEnvelope<T> => ({
			benchmark,
			command: commandLine,
			when: new Date(started).toISOString(),
			durationMs: Date.now() - started,
			machine: {
				...describeMachine(n8n ? { n8nVersion: n8n.version, n8nNode: n8n.node } : {}),
				loadAverageBefore: before,
				loadAverageAfter: loadAverage(),
			},
			...(n8n ? { n8n } : {}),
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
			log(
				`wrote ${writeResult(`bulk${suffix}`, envelope('bulk', started, before, result), resultsDir)}`,
			);
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
			log(
				`wrote ${writeResult(`faults${suffix}`, envelope('faults', started, before, result), resultsDir)}`,
			);
		}
		await stopStack();
		if (steps.includes('webhooks')) {
			const settings = listArg('webhook-settings', N8N_SETTING_IDS).map(settingById);
			log(`webhook acknowledgement: ${settings.map((s) => s.id).join(', ')}`);
			const started = Date.now();
			const before = loadAverage();
			const { versions, ...result } = await measureWebhookSettings(
				{
					settings,
					rates: freeNumberList('webhook-rates', [20, 50, 100, 200]),
					callbacksPerRun: numberArg('webhook-count', 150),
					warmUpCallbacks: 20,
					p99GoalMs: 100,
					clientTimeoutMs: numberArg('webhook-timeout-ms', 10_000),
				},
				log,
				(running) => {
					webhookStack = running;
				},
			);
			const n8n = versions
				? {
						version: versions.n8nVersion,
						node: versions.n8nNode,
						settings: N8N_BENCH_ENV,
						addedNodes: versions.addedNodes,
					}
				: undefined;
			log(
				`wrote ${writeResult(`webhooks${suffix}`, envelope<WebhookSettingsResult>('webhooks', started, before, result, n8n), resultsDir)}`,
			);
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
			log(`wrote ${writeResult('scale', envelope('scale', started, before, result), resultsDir)}`);
		}

		// A smoke run (--out-dir) reports only what it measured; a normal run, every committed result.
		const read = <T>(name: string): T | undefined => readResult<T>(name, resultsDir);
		const envelopes = {
			bulk: read<ResultEnvelope<BulkResult>>('bulk'),
			webhooks: read<ResultEnvelope<WebhookResult | WebhookSettingsResult>>('webhooks'),
			faults: read<ResultEnvelope<FaultResult>>('faults'),
			scale: read<ResultEnvelope<ScaleResult>>('scale'),
			bulkLegacy: read<ResultEnvelope<BulkResult>>(`bulk${LEGACY_SUFFIX}`),
			webhooksLegacy: read<ResultEnvelope<WebhookResult>>(`webhooks${LEGACY_SUFFIX}`),
		};
		const chartsDir = outDir ? resultsDir : DOCS_DIR;
		const charts = await renderCharts(envelopes, chartsDir);
		for (const chart of charts) log(`wrote ${chart}`);
		const report = outDir ? { file: path.join(resultsDir, 'README.md'), charts: '.' } : undefined;
		log(`wrote ${writeBenchReadme(envelopes, report)}`);
	} finally {
		await stopStack();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

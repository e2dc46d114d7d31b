/**
 * A short run of the bulk measurement, to check the machinery without the full bench: a few
 * recipients, the chosen gateways and modes, both latencies. Prints the rows' main figures and
 * issue 11's goal table as JSON; writes no result file (the full run is `npm run bench`).
 *
 *   npx tsx bench/bulk/smoke-bulk.ts [--recipients 100] [--gateways gupshup,smsBox] [--modes personalised]
 */
import { listArg, numberArg } from '../support/args';
import { BENCH_GATEWAYS, type SendMode } from '../support/gateways';
import { startBenchStack, type BenchStack } from '../support/n8n-stack';
import { measureBulk } from './measure-bulk';

const log = (line: string) => process.stderr.write(`[smoke] ${line}\n`);

async function main(): Promise<void> {
	const gateways = listArg('gateways', BENCH_GATEWAYS);
	let stack: BenchStack | undefined;
	try {
		stack = await startBenchStack(log);
		const result = await measureBulk(
			stack,
			{
				recipients: numberArg('recipients', 100),
				latencyMs: numberArg('latency', 20),
				realLatencyMs: numberArg('real-latency', 150),
				gateways,
				modes: listArg<SendMode>('modes', ['broadcast', 'personalised']),
				httpGateways: gateways,
				packageName: 'n8n-nodes-sms-gateways',
				expressionEngine: 'vm (n8n 2.41 default)',
			},
			log,
		);
		const brief = (rows: typeof result.rows) =>
			rows.map((r) => ({
				gateway: r.gateway,
				mode: r.mode,
				variant: r.variant,
				latencyMs: r.latencyMs,
				runMs: r.runMs,
				floorMs: r.floorMs,
				n8nCpuMsPerRequest: r.n8nCpuMsPerRequest,
				once: r.recipientsOnce,
			}));
		process.stdout.write(
			`${JSON.stringify({ rows: brief(result.rows), realLatency: brief(result.realLatency?.rows ?? []), goals: result.goals }, null, 2)}\n`,
		);
	} finally {
		await stack?.stop();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

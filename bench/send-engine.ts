/**
 * Send SMS inside n8n's real engine (n8n-core WorkflowExecute) against the simulator at a fixed
 * latency: 5,000 items per gateway, broadcast (one text) and personalised (one text per recipient).
 * Prints wall time, requests made, and the ratio to the floor
 *   floor = ceil(minimum requests / concurrency) × latency
 * i.e. what an ideal client needs for the network alone. Not part of `npm test`; the same
 * measurement inside a real n8n is `bench/run-all.ts bulk`.
 *
 *   npx tsx bench/send-engine.ts [--items 5000] [--latency 20] [--concurrency 10] [--gateway smsBox]
 */
import { startSimulator } from '../simulator';
import { runNode } from '../test/harness/engine';
import { simulatorCredentials } from '../test/fixtures/simulator';
import { sendSmsParameters } from './bulk/senders';
import { listArg, numberArg } from './support/args';
import { floorMs, minimumRequests, ratio } from './support/floor';
import { BENCH_GATEWAYS, recipientList } from './support/gateways';
import { describeMachine } from './support/machine';
import { writeResult } from './support/results';

async function main() {
	const items = numberArg('items', 5000);
	const latency = numberArg('latency', 20);
	const concurrency = numberArg('concurrency', 10);
	const gateways = listArg('gateway', BENCH_GATEWAYS);
	const sim = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null });
	const credentials = simulatorCredentials(sim);
	const rows: Array<Record<string, unknown>> = [];
	try {
		// Warm-up: load and JIT-compile the engine, the node and the phone metadata once, so the
		// measured runs time the steady state a long-running n8n is in.
		await runNode({
			type: 'sendSms',
			parameters: sendSmsParameters('africasTalking', 'broadcast'),
			credentials,
			items: recipientList('africasTalking', 200),
		});
		for (const gateway of gateways) {
			for (const mode of ['broadcast', 'personalised'] as const) {
				await sim.reset();
				await sim.configure({
					latency: { fixedMs: latency, jitterMs: 0 },
					balances: { africasTalking: 1e9, gupshup: 1e9, smsBox: 1e9 },
				});
				const cpuBefore = process.cpuUsage();
				const started = process.hrtime.bigint();
				const { json, run } = await runNode({
					type: 'sendSms',
					parameters: sendSmsParameters(gateway, mode, { maxConcurrency: concurrency }),
					credentials,
					items: recipientList(gateway, items),
				});
				const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
				const cpu = process.cpuUsage(cpuBefore);
				const minRequests = minimumRequests(gateway, mode, items);
				const floor = floorMs(minRequests, concurrency, latency);
				rows.push({
					gateway,
					mode,
					items,
					status: run.status,
					accepted: json.filter((j) => j.status === 'accepted').length,
					requests: sim.stats().requests.byGateway[gateway].total,
					minRequests,
					wallMs: Math.round(wallMs),
					floorMs: floor,
					ratioToFloor: ratio(wallMs, floor),
					cpuMs: Math.round((cpu.user + cpu.system) / 1000),
				});
				console.log(JSON.stringify(rows[rows.length - 1]));
			}
		}
	} finally {
		await sim.stop();
	}
	const file = writeResult('send-engine', {
		benchmark: 'send-engine',
		command: `npx tsx bench/send-engine.ts --items ${items} --latency ${latency} --concurrency ${concurrency}`,
		when: new Date().toISOString(),
		machine: describeMachine(),
		latencyMs: latency,
		concurrency,
		rows,
	});
	console.table(
		rows.map(({ gateway, mode, requests, wallMs, floorMs: floor, ratioToFloor, accepted }) => ({
			gateway,
			mode,
			accepted,
			requests,
			wallMs,
			floorMs: floor,
			ratioToFloor,
		})),
	);
	console.log(`wrote ${file}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

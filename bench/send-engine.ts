/**
 * Send SMS inside n8n's real engine (n8n-core WorkflowExecute) against the simulator at a fixed
 * latency: 5,000 items per gateway, broadcast (one text) and personalised (one text per recipient).
 * Prints wall time, requests made, and the ratio to the floor
 *   floor = ceil(minimum requests / concurrency) × latency
 * i.e. what an ideal client needs for the network alone. Not part of `npm test`.
 *
 *   npx tsx bench/send-engine.ts [--items 5000] [--latency 20] [--concurrency 10]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSimulator } from '../simulator';
import { runNode } from '../test/harness/engine';
import { simulatorCredentials } from '../test/engine/simulator-fixture';

type Gateway = 'africasTalking' | 'gupshup' | 'smsBox' | 'dhis2';
const SIM_NAME: Record<Gateway, 'africastalking' | 'gupshup' | 'smsbox' | 'dhis2'> = {
	africasTalking: 'africastalking',
	gupshup: 'gupshup',
	smsBox: 'smsbox',
	dhis2: 'dhis2',
};
const MAX_PER_REQUEST: Record<Gateway, number> = { africasTalking: 500, gupshup: 1, smsBox: 1000, dhis2: 200 };

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function phone(gateway: Gateway, i: number): string {
	// Gupshup permits Brazil (among five countries); the others take Kenyan numbers.
	return gateway === 'gupshup' ? `+55119${87000000 + i}` : `+25471${String(i).padStart(7, '0')}`;
}

async function main() {
	const items = arg('items', 5000);
	const latency = arg('latency', 20);
	const concurrency = arg('concurrency', 10);
	const only = process.argv.includes('--gateway') ? [process.argv[process.argv.indexOf('--gateway') + 1] as Gateway] : undefined;
	const sim = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null });
	const credentials = simulatorCredentials(sim);
	const rows: Array<Record<string, unknown>> = [];
	try {
		// Warm-up: load and JIT-compile the engine, the node and the phone metadata once, so the
		// measured runs time the steady state a long-running n8n is in.
		await runNode({
			type: 'sendSms',
			parameters: { gateway: 'africasTalking', to: '={{ $json.phone }}', message: 'warm-up', options: {} },
			credentials,
			items: Array.from({ length: 200 }, (_, i) => ({ phone: phone('africasTalking', i) })),
		});
		for (const gateway of only ?? (['africasTalking', 'smsBox', 'dhis2', 'gupshup'] as Gateway[])) {
			for (const mode of ['broadcast', 'personalised'] as const) {
				await sim.reset();
				await sim.configure({ latency: { fixedMs: latency, jitterMs: 0 }, balances: { africastalking: 1e9, gupshup: 1e9, smsbox: 1e9 } });
				const input = Array.from({ length: items }, (_, i) => ({ phone: phone(gateway, i), name: `Person ${i}` }));
				const message = mode === 'broadcast' ? 'Clinic day is Friday' : '=Hello {{ $json.name }}, clinic day is Friday';
				const cpuBefore = process.cpuUsage();
				const started = process.hrtime.bigint();
				const { json, run } = await runNode({
					type: 'sendSms',
					parameters: {
						gateway,
						to: '={{ $json.phone }}',
						message,
						from: gateway === 'smsBox' ? 'SMSBOX' : '',
						recipientName: '',
						options: { maxConcurrency: concurrency },
					},
					credentials,
					items: input,
				});
				const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
				const cpu = process.cpuUsage(cpuBefore);
				const accepted = json.filter((j) => j.status === 'accepted').length;
				const requests = sim.stats().requests.byGateway[SIM_NAME[gateway]].total;
				const perRequest = mode === 'broadcast' || gateway === 'smsBox' ? MAX_PER_REQUEST[gateway] : 1;
				const minRequests = Math.ceil(items / perRequest);
				const floorMs = Math.ceil(minRequests / concurrency) * latency;
				rows.push({
					gateway,
					mode,
					items,
					status: run.status,
					accepted,
					requests,
					minRequests,
					wallMs: Math.round(wallMs),
					floorMs,
					ratioToFloor: Number((wallMs / floorMs).toFixed(2)),
					cpuMs: Math.round((cpu.user + cpu.system) / 1000),
				});
				console.log(JSON.stringify(rows[rows.length - 1]));
			}
		}
	} finally {
		await sim.stop();
	}
	const result = {
		benchmark: 'send-engine',
		command: `npx tsx bench/send-engine.ts --items ${items} --latency ${latency} --concurrency ${concurrency}`,
		when: new Date().toISOString(),
		machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
		latencyMs: latency,
		concurrency,
		rows,
	};
	fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
	fs.writeFileSync(path.join(__dirname, 'results', 'send-engine.json'), `${JSON.stringify(result, null, 2)}\n`);
	console.table(rows.map(({ gateway, mode, requests, wallMs, floorMs, ratioToFloor, accepted }) => ({ gateway, mode, accepted, requests, wallMs, floorMs, ratioToFloor })));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

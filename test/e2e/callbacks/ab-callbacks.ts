/**
 * Issue 16's goal "under n8n's defaults, version 2 is no slower than version 1", checked A/B on a
 * shared machine: one n8n with its default expression-engine settings (no profiler), the Delivery
 * Report trigger v1 and v2 (each → No-Op) side by side, bursts of Africa's Talking delivery
 * reports alternating v1, v2, v1, v2…, so that load from elsewhere hits both alike. Reports n8n's
 * process CPU per callback of every round and the medians. Not a test; the rates and latencies are
 * `npm run bench`'s.
 *
 *   npx tsx test/e2e/callbacks/ab-callbacks.ts [rounds, default 6] [callbacks per burst, default 100]
 */
import { sleep } from '../../../tooling/n8n/wait-for';
import {
	atDeliveryReport,
	deployTarget,
	FORM,
	triggerWorkflow,
	type CallbackTarget,
} from './support/callback-workflows';
import { startOwnN8n } from './support/own-n8n';
import { processCpuMs } from './support/process-cpu';

const ROUNDS = Number(process.argv[2] ?? 6);
const CALLBACKS = Number(process.argv[3] ?? 100);
const CONCURRENCY = 4;

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
	const log = (line: string) => process.stdout.write(`[ab] ${line}\n`);
	const own = await startOwnN8n({ label: 'ab', env: {}, log });
	try {
		const targets: Array<{ version: number; target: CallbackTarget; cpu: number[] }> = [];
		for (const version of [1, 2]) {
			const target = triggerWorkflow('smsDeliveryReportTrigger', version, {
				gateway: 'africasTalking',
			});
			await deployTarget(own.client, target);
			targets.push({ version, target, cpu: [] });
		}
		let sequence = 0;
		for (let round = 0; round < ROUNDS; round++) {
			for (const entry of round % 2 === 0 ? targets : [...targets].reverse()) {
				await sleep(1500);
				const before = processCpuMs(own.n8n.pid);
				let next = 0;
				const worker = async () => {
					for (let i = next++; i < CALLBACKS; i = next++) {
						const reply = await own.client.callWebhook(entry.target.webhookPath, {
							body: atDeliveryReport(`ab${sequence++}`),
							headers: { 'content-type': FORM },
							registrationTimeoutMs: 0,
						});
						if (reply.status !== 200) throw new Error(`v${entry.version} answered ${reply.status}`);
					}
				};
				await Promise.all(Array.from({ length: CONCURRENCY }, worker));
				// Executions finish (and are saved) a little after their callback was answered.
				await sleep(2000);
				entry.cpu.push((processCpuMs(own.n8n.pid) - before) / CALLBACKS);
				log(
					`round ${round + 1}, v${entry.version}: ${entry.cpu.at(-1)!.toFixed(1)} ms CPU per callback`,
				);
			}
		}
		for (const entry of targets)
			log(
				`v${entry.version}: median ${median(entry.cpu).toFixed(1)} ms per callback (${entry.cpu.map((c) => c.toFixed(1)).join(', ')})`,
			);
	} finally {
		await own.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});

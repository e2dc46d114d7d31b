/**
 * One scale measurement in a fresh process, so its peak memory (`maxRSS`) belongs to this size
 * alone. Workloads:
 * - `helpers`: the pure helpers on N recipients: normalise every number (libphonenumber), drop the
 *   repeats (`dedupe`), measure every personalised text (GSM-7/UCS-2 segments);
 * - `plan`: the Send SMS plan (`planSend`: all of the above plus per-gateway checks) for N inputs;
 * - `engine`: one Send SMS run of N items inside n8n's engine (`runNode`), broadcast through
 *   Africa's Talking to the simulator (its own process) at zero latency;
 * - `engine-one-item`: the same N recipients as an array in one item (`To` evaluated once), so
 *   what remains is the node's own per-recipient work, not n8n's per-item expression evaluation.
 * Prints one JSON line: CPU time (user + system) and wall time of the work, resident memory before
 * it and the process's peak.
 *
 *   tsx bench/scale/scale-child.ts --workload helpers --size 10000 [--sim-url URL] [--heap-snapshot FILE]
 *
 * `--heap-snapshot FILE` (engine workloads) writes a V8 heap snapshot right after the run, while
 * its output is still held, to see what the memory is made of (it is not part of the timings).
 */
import * as v8 from 'node:v8';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { adapterFor } from '../../nodes/shared/registry/registry';
import { dedupe } from '../../nodes/shared/helpers/batching';
import { normalizePhoneNumber } from '../../nodes/shared/helpers/phone';
import { analyzeText } from '../../nodes/shared/helpers/segments';
import { planSend, type SendInput } from '../../nodes/shared/send/plan';
import { runNode } from '../../test/harness/engine';
import { numberArg, stringArg } from '../support/args';
import { scaleRecipients, type ScaleRecipient } from './recipients';

export type ScaleWorkload = 'helpers' | 'plan' | 'engine' | 'engine-one-item';

export interface ScaleSample {
	workload: ScaleWorkload;
	size: number;
	cpuMs: number;
	wallMs: number;
	rssBeforeMiB: number;
	maxRssMiB: number;
	/** What the work produced, to show it did the whole job. */
	produced: Record<string, number>;
	/** When the work ran, in µs of the monotonic clock (to cut a `--cpu-prof` profile to it). */
	windowUs?: { fromUs: number; toUs: number };
	/** V8 heap in use right after the work, before the result is dropped. */
	heapUsedAfterMiB?: number;
}

const MIB = 1024 * 1024;

async function main(): Promise<void> {
	const workload = stringArg('workload') as ScaleWorkload;
	const size = numberArg('size', 1000);
	const recipients = scaleRecipients(size);
	const work = await prepare(workload, recipients, stringArg('sim-url'));
	const rssBefore = process.memoryUsage().rss;
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const produced = await work();
	const ended = process.hrtime.bigint();
	const wallMs = Number(ended - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	const heapUsedAfter = process.memoryUsage().heapUsed;
	const sample: ScaleSample = {
		workload,
		size,
		cpuMs: Math.round((cpu.user + cpu.system) / 1000),
		wallMs: Math.round(wallMs),
		rssBeforeMiB: round(rssBefore / MIB),
		// resourceUsage().maxRSS is in kilobytes.
		maxRssMiB: round((process.resourceUsage().maxRSS * 1024) / MIB),
		produced,
		windowUs: { fromUs: Number(started / 1000n), toUs: Number(ended / 1000n) },
		heapUsedAfterMiB: round(heapUsedAfter / MIB),
	};
	process.stdout.write(`${JSON.stringify(sample)}\n`);
}

/** Loads and warms up what the workload needs (outside the measurement); returns the measured work. */
async function prepare(
	workload: ScaleWorkload,
	recipients: ScaleRecipient[],
	simUrl: string | undefined,
): Promise<() => Promise<Record<string, number>>> {
	const adapter = adapterFor('africasTalking');
	const inputs = (list: ScaleRecipient[]): SendInput[] =>
		list.map((r, i) => ({
			itemIndex: i,
			to: r.phone,
			message: r.text,
			from: '',
			recipientName: '',
			options: {},
		}));
	// Warm-up on a few recipients: loads libphonenumber's metadata and compiles the hot paths once.
	planSend(adapter, inputs(scaleRecipients(200)), {
		defaultCountry: 'KE',
		deduplicate: true,
		encodingPolicy: 'auto',
	});

	if (workload === 'helpers') {
		return async () => {
			const normalised = recipients.map((r) =>
				normalizePhoneNumber(r.phone, { defaultCountry: 'KE' }),
			);
			const valid = normalised.flatMap((n) => (n.ok ? [n.e164] : []));
			const { kept, duplicates } = dedupe(valid, (e164) => e164);
			let segments = 0;
			for (const r of recipients) segments += analyzeText(r.text).segments;
			return { valid: valid.length, kept: kept.length, duplicates: duplicates.length, segments };
		};
	}
	if (workload === 'plan') {
		return async () => {
			const plan = planSend(adapter, inputs(recipients), {
				defaultCountry: 'KE',
				deduplicate: true,
				encodingPolicy: 'auto',
			});
			return { entries: plan.entries.length, messages: plan.messages.length };
		};
	}
	if (!simUrl) throw new Error('--sim-url is required for the engine workload');
	const credentials: Record<string, ICredentialDataDecryptedObject> = {
		africasTalkingApi: {
			username: 'sandbox',
			apiKey: 'at-sim-key',
			environment: 'sandbox',
			baseUrl: `${simUrl}/africastalking`,
		},
	};
	const oneItem = workload === 'engine-one-item';
	const parameters = {
		gateway: 'africasTalking',
		to: oneItem ? '={{ $json.phones }}' : '={{ $json.phone }}',
		message: 'Clinic day is Friday',
		options: { defaultCountry: 'KE' },
	};
	const itemsOf = (list: ScaleRecipient[]) =>
		oneItem ? [{ phones: list.map((r) => r.phone) }] : list.map((r) => ({ phone: r.phone }));
	await runNode({ type: 'sendSms', parameters, credentials, items: itemsOf(scaleRecipients(200)) });
	return async () => {
		const { json, run } = await runNode({
			type: 'sendSms',
			parameters,
			credentials,
			items: itemsOf(recipients),
		});
		const snapshot = stringArg('heap-snapshot');
		if (snapshot) v8.writeHeapSnapshot(snapshot);
		const accepted = json.filter((j) => j.status === 'accepted').length;
		return {
			items: recipients.length,
			outputItems: json.length,
			accepted,
			success: run.status === 'success' ? 1 : 0,
		};
	};
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});

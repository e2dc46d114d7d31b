/**
 * Open-loop load generator, run in its own process: POSTs `--count` callbacks at `--rate` per
 * second to `--url` (or round-robin over the comma-separated `--urls`, one receiver process each:
 * the queue cluster's webhook processors have no shared address), each on its schedule whether or not earlier ones were answered (a
 * closed-loop client would slow down with the server and hide its queueing). Keep-alive
 * connections, no cap on sockets, so a slow answer never delays the next send.
 *
 * Latency is measured from each callback's scheduled time to the end of its answer, so a late
 * send counts against the server rather than vanishing (no coordinated omission). A callback is
 * lost when it gets a non-2xx answer, a connection error, or no answer within `--timeout-ms`.
 *
 *   tsx bench/webhooks/load-generator.ts --url URL --rate 200 --count 10000 --payload africasTalking
 * Prints one JSON line with the summary.
 */
import http from 'node:http';

import { numberArg, stringArg } from '../support/args';
import { percentile } from './percentile';
import { callbackPayload, type PayloadKind } from './payloads';

interface Outcome {
	latencyMs: number;
	status: number;
	error?: string;
	reusedSocket?: boolean;
	scheduledMs: number;
	sendLagMs: number;
}

export interface LoadSummary {
	url: string;
	targetRate: number;
	count: number;
	/** count / (time of the last scheduled send − first), as achieved by the sender. */
	sentRate: number;
	ok: number;
	non2xx: number;
	errors: number;
	timeouts: number;
	lost: number;
	/** Connection errors on a kept-alive socket (the race above, if it still happens). */
	errorsOnReusedSockets: number;
	statuses: Record<string, number>;
	latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
	/** How late the generator itself sent (p99): should stay far below the latencies it reports. */
	sendLagP99Ms: number;
	/** p50/p99 per second of the schedule, for the chart. */
	perSecond: Array<{ second: number; p50: number; p99: number; lost: number }>;
	firstErrors: string[];
	wallMs: number;
}

async function main(): Promise<void> {
	const urls = (stringArg('urls') ?? stringArg('url') ?? '').split(',').map((u) => new URL(u));
	const url = urls[0];
	const rate = numberArg('rate', 200);
	const count = numberArg('count', 10000);
	const timeoutMs = numberArg('timeout-ms', 10000);
	const payload = (stringArg('payload') ?? 'africasTalking') as PayloadKind;
	const runTag = stringArg('tag') ?? String(Date.now());
	// Idle sockets are dropped after 4 s, before n8n's 5 s keep-alive timeout (its `Keep-Alive:
	// timeout=5` header) closes them: otherwise a send on a socket n8n is closing at that moment
	// fails with ECONNRESET, a race of the client, not a callback n8n lost.
	const agent = new http.Agent({
		keepAlive: true,
		maxSockets: Infinity,
		maxFreeSockets: 256,
		timeout: 4000,
	});

	const outcomes: Outcome[] = new Array(count);
	let done = 0;
	let allDone: () => void = () => {};
	const finished = new Promise<void>((resolve) => {
		allDone = resolve;
	});
	const record = (index: number, outcome: Outcome) => {
		if (outcomes[index]) return;
		outcomes[index] = outcome;
		done++;
		if (done === count) allDone();
	};

	const started = performance.now();
	const intervalMs = 1000 / rate;
	let next = 0;
	const send = (index: number) => {
		const scheduledMs = index * intervalMs;
		const sentAt = performance.now();
		const { body, contentType } = callbackPayload(payload, index, runTag);
		const to = urls[index % urls.length];
		const req = http.request(
			{
				host: to.hostname,
				port: to.port,
				path: `${to.pathname}${to.search}`,
				method: 'POST',
				agent,
				headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) },
			},
			(res) => {
				res.resume();
				res.on('end', () => {
					record(index, {
						latencyMs: performance.now() - started - scheduledMs,
						status: res.statusCode ?? 0,
						scheduledMs,
						sendLagMs: sentAt - started - scheduledMs,
					});
				});
			},
		);
		req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
		req.on('error', (error) => {
			record(index, {
				latencyMs: performance.now() - started - scheduledMs,
				status: 0,
				error: error.message,
				reusedSocket: req.reusedSocket,
				scheduledMs,
				sendLagMs: sentAt - started - scheduledMs,
			});
		});
		req.end(body);
	};
	// A tick every millisecond sends whatever is due: timers are coarse, the schedule is not.
	await new Promise<void>((resolve) => {
		const tick = () => {
			const now = performance.now() - started;
			while (next < count && next * intervalMs <= now) send(next++);
			if (next < count) setTimeout(tick, Math.max(0, Math.min(1, next * intervalMs - now)));
			else resolve();
		};
		tick();
	});
	const lastSendMs = performance.now() - started;
	await finished;
	const wallMs = performance.now() - started;
	agent.destroy();
	process.stdout.write(
		`${JSON.stringify(summarise(url.toString(), rate, count, outcomes, lastSendMs, wallMs))}\n`,
	);
}

function summarise(
	url: string,
	rate: number,
	count: number,
	outcomes: Outcome[],
	lastSendMs: number,
	wallMs: number,
): LoadSummary {
	const latencies = outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
	const statuses: Record<string, number> = {};
	let ok = 0;
	let non2xx = 0;
	let errors = 0;
	let timeouts = 0;
	const firstErrors: string[] = [];
	for (const o of outcomes) {
		const key = o.error ? `error: ${o.error}` : String(o.status);
		statuses[key] = (statuses[key] ?? 0) + 1;
		if (o.error === 'timeout') timeouts++;
		else if (o.error) errors++;
		else if (o.status >= 200 && o.status < 300) ok++;
		else non2xx++;
		if ((o.error || o.status < 200 || o.status >= 300) && firstErrors.length < 5)
			firstErrors.push(key);
	}
	const seconds = Math.ceil(count / rate || 1);
	const perSecond: LoadSummary['perSecond'] = [];
	for (let second = 0; second < seconds; second++) {
		const inSecond = outcomes.filter(
			(o) => o.scheduledMs >= second * 1000 && o.scheduledMs < (second + 1) * 1000,
		);
		if (inSecond.length === 0) continue;
		const sorted = inSecond.map((o) => o.latencyMs).sort((a, b) => a - b);
		perSecond.push({
			second,
			p50: round(percentile(sorted, 50)),
			p99: round(percentile(sorted, 99)),
			lost: inSecond.filter((o) => o.error || o.status < 200 || o.status >= 300).length,
		});
	}
	const lags = outcomes.map((o) => o.sendLagMs).sort((a, b) => a - b);
	return {
		url: url.replace(/token=[^&]+/, 'token=…'),
		targetRate: rate,
		count,
		sentRate: round(count > 1 ? ((count - 1) * 1000) / Math.max(1, lastSendMs) : count),
		ok,
		non2xx,
		errors,
		timeouts,
		lost: count - ok,
		errorsOnReusedSockets: outcomes.filter((o) => o.error && o.reusedSocket).length,
		statuses,
		latencyMs: {
			p50: round(percentile(latencies, 50)),
			p90: round(percentile(latencies, 90)),
			p99: round(percentile(latencies, 99)),
			max: round(latencies[latencies.length - 1] ?? 0),
			mean: round(latencies.reduce((s, v) => s + v, 0) / Math.max(1, latencies.length)),
		},
		sendLagP99Ms: round(percentile(lags, 99)),
		perSecond,
		firstErrors,
		wallMs: Math.round(wallMs),
	};
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});

/**
 * A gateway's side of a burst of callbacks, for bench/queue/webhook-restart.ts: POSTs one body per
 * callback at a fixed rate (open loop: each on its schedule, answered or not), one connection per
 * callback as gateways do, and records every attempt of every callback (status, or the connection
 * error, or a timeout). Then retries, like a gateway, every callback not yet acknowledged with a
 * 2xx: a bounded number of rounds, each after a delay. Nothing here knows n8n.
 */
import http from 'node:http';

import { sleep } from '../../tooling/n8n/wait-for';

export interface Attempt {
	/** 1 for the first attempt. */
	attempt: number;
	/** Milliseconds from the start of the burst to the end of this attempt. */
	atMs: number;
	status?: number;
	error?: string;
}

export interface CallbackRecord {
	index: number;
	attempts: Attempt[];
	acknowledged: boolean;
}

export interface BurstOptions {
	url: URL;
	contentType: string;
	bodies: string[];
	ratePerSecond: number;
	timeoutMs: number;
	/** Called once, right after the callback with this index was first sent (e.g. to inject a fault), with the ms since the burst began. */
	afterSent?: { index: number; run: (elapsedMs: number) => void };
}

export interface RetryOptions {
	rounds: number;
	delayMs: number;
}

function post(
	url: URL,
	contentType: string,
	body: string,
	timeoutMs: number,
): Promise<Pick<Attempt, 'status' | 'error'>> {
	return new Promise((resolve) => {
		const request = http.request(
			{
				host: url.hostname,
				port: url.port,
				path: `${url.pathname}${url.search}`,
				method: 'POST',
				agent: false,
				headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) },
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
				response.on('error', (error) =>
					resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }),
				);
			},
		);
		request.setTimeout(timeoutMs, () =>
			request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
		);
		request.on('error', (error) =>
			resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }),
		);
		request.end(body);
	});
}

/** Sends `indexes` on the rate's schedule and waits for every answer; appends one attempt to each record. */
async function sendScheduled(
	records: CallbackRecord[],
	indexes: number[],
	options: BurstOptions,
	started: number,
): Promise<void> {
	const intervalMs = 1000 / options.ratePerSecond;
	const begin = Date.now();
	const pending: Array<Promise<void>> = [];
	for (const [position, index] of indexes.entries()) {
		const due = begin + position * intervalMs;
		if (due > Date.now()) await sleep(due - Date.now());
		const record = records[index];
		const attempt = record.attempts.length + 1;
		pending.push(
			post(options.url, options.contentType, options.bodies[index], options.timeoutMs).then(
				(outcome) => {
					record.attempts.push({ attempt, atMs: Date.now() - started, ...outcome });
					if (outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300)
						record.acknowledged = true;
				},
			),
		);
		if (options.afterSent?.index === index && attempt === 1)
			options.afterSent.run(Date.now() - started);
	}
	await Promise.all(pending);
}

/** The first attempt of every callback, on schedule. */
export async function sendBurst(
	options: BurstOptions,
): Promise<{ records: CallbackRecord[]; started: number }> {
	const records: CallbackRecord[] = options.bodies.map((_, index) => ({
		index,
		attempts: [],
		acknowledged: false,
	}));
	const started = Date.now();
	await sendScheduled(
		records,
		records.map((r) => r.index),
		options,
		started,
	);
	return { records, started };
}

/** Retry rounds for what is still unacknowledged; resolves with how many each round sent. */
export async function retryUnacknowledged(
	records: CallbackRecord[],
	options: BurstOptions & RetryOptions,
	started: number,
): Promise<number[]> {
	const perRound: number[] = [];
	for (let round = 0; round < options.rounds; round++) {
		const due = records.filter((r) => !r.acknowledged).map((r) => r.index);
		if (due.length === 0) break;
		await sleep(options.delayMs);
		await sendScheduled(records, due, { ...options, afterSent: undefined }, started);
		perRound.push(due.length);
	}
	return perRound;
}

/** How the first attempts ended: `200`, `ECONNREFUSED`, `TIMEOUT`… → count. */
export function firstAttemptOutcomes(records: CallbackRecord[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const record of records) {
		const first = record.attempts[0];
		const key = first?.error ?? String(first?.status);
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

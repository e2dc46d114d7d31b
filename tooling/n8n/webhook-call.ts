/**
 * One POST to a production webhook of n8n, timed on the client side. n8n registers a webhook a
 * moment after activation, so a 404 is retried for a few seconds (bounded); the measured call is
 * the one that got past the 404.
 */
import axios from 'axios';

import { sleep } from './wait-for';

export interface TimedReply<T> {
	status: number;
	body: T;
	clientMs: number;
}

export async function postWebhook<T = unknown>(
	baseUrl: string,
	path: string,
	body: unknown,
	options: { timeoutMs?: number; registrationTimeoutMs?: number } = {},
): Promise<TimedReply<T>> {
	const deadline = Date.now() + (options.registrationTimeoutMs ?? 15000);
	for (;;) {
		const started = process.hrtime.bigint();
		const response = await axios.post(`${baseUrl}/webhook/${path.replace(/^\/+/, '')}`, body, {
			timeout: options.timeoutMs ?? 15 * 60 * 1000,
			validateStatus: () => true,
			maxContentLength: Infinity,
			maxBodyLength: Infinity,
		});
		const clientMs = Number(process.hrtime.bigint() - started) / 1e6;
		if (response.status !== 404 || Date.now() >= deadline) {
			return { status: response.status, body: response.data as T, clientMs };
		}
		await sleep(250);
	}
}

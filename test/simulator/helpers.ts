/** Shared test helpers: an HTTP client that never throws on status, and a callback receiver. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import type { AxiosInstance } from 'axios';

export function client(baseURL: string): AxiosInstance {
	return axios.create({ baseURL, validateStatus: () => true, maxRedirects: 0 });
}

export function basic(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function form(fields: Record<string, string>): string {
	return new URLSearchParams(fields).toString();
}

export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

export interface Received {
	method: string;
	path: string;
	contentType: string;
	body: string;
	at: number;
}

export interface Reply {
	status: number;
	body?: string;
	contentType?: string;
}

export type Responder = (request: Received, index: number) => Reply;

export interface Receiver {
	url: string;
	requests: Received[];
	respondWith(responder: Responder): void;
	/** Resolves once `count` requests arrived; rejects after `timeoutMs`. */
	waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
	close(): Promise<void>;
}

/** A callback target on 127.0.0.1:0 that records every request and answers with `responder`. */
export async function startReceiver(
	responder: Responder = () => ({ status: 200 }),
): Promise<Receiver> {
	const requests: Received[] = [];
	let current = responder;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const received: Received = {
				method: req.method ?? '',
				path: req.url ?? '',
				contentType: String(req.headers['content-type'] ?? ''),
				body: Buffer.concat(chunks).toString('utf8'),
				at: Date.now(),
			};
			requests.push(received);
			const reply = current(received, requests.length - 1);
			res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'text/plain' });
			res.end(reply.body ?? '');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		respondWith: (next) => {
			current = next;
		},
		waitFor: async (count, timeoutMs = 5000) => {
			const deadline = Date.now() + timeoutMs;
			while (requests.length < count) {
				if (Date.now() > deadline)
					throw new Error(`expected ${count} callbacks, got ${requests.length}`);
				await new Promise((r) => setTimeout(r, 10));
			}
			return requests.slice(0, count);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** Bounded wait for a condition (for asynchronous callbacks). */
export async function eventually<T>(
	probe: () => T | undefined | null | false,
	timeoutMs = 5000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 10));
	}
}

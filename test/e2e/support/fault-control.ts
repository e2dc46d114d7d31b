/**
 * Lets a queue-mode e2e test file restart the cluster's Redis. The cluster (and so the Redis
 * process) belongs to jest's global setup, which runs in the parent process, while test files
 * run in their own module registry: global setup therefore serves this small HTTP endpoint on
 * 127.0.0.1 (a free port, a random token), the test file calls it with `restartRedis()`, and the
 * restart itself is tooling/n8n/queue/redis-server.ts's, on the same pid bookkeeping that global
 * teardown uses to stop Redis. Stopped by global teardown with the rest of the stack.
 */
import axios from 'axios';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

import type { RedisServer } from '../../../tooling/n8n/queue/redis-server';

export interface FaultControlAddress {
	url: string;
	token: string;
}

export interface FaultControl extends FaultControlAddress {
	stop(): Promise<void>;
}

const TOKEN_HEADER = 'x-fault-token';

function sameToken(given: string | string[] | undefined, token: string): boolean {
	if (typeof given !== 'string') return false;
	const a = Buffer.from(given);
	const b = Buffer.from(token);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** `POST /redis/restart` `{ signal, downMs }` → `{ downMs, exitedMs }` once Redis answers again. */
export async function startFaultControl(redis: RedisServer): Promise<FaultControl> {
	const token = randomBytes(18).toString('base64url');
	const server = http.createServer((req, res) => {
		const answer = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (!sameToken(req.headers[TOKEN_HEADER], token))
			return answer(401, { error: 'no or wrong token' });
		if (req.method !== 'POST' || req.url !== '/redis/restart')
			return answer(404, { error: 'only POST /redis/restart' });
		let body = '';
		req.on('data', (chunk: Buffer) => {
			body += chunk.toString('utf8');
		});
		req.on('end', () => {
			let request: { signal?: unknown; downMs?: unknown };
			try {
				request = JSON.parse(body || '{}') as typeof request;
			} catch {
				return answer(400, { error: 'body is not JSON' });
			}
			const { signal, downMs } = request;
			if (signal !== 'SIGTERM' && signal !== 'SIGKILL')
				return answer(400, { error: 'signal must be SIGTERM or SIGKILL' });
			if (downMs !== undefined && (typeof downMs !== 'number' || downMs < 0 || downMs > 30000)) {
				return answer(400, { error: 'downMs must be a number from 0 to 30000' });
			}
			redis.restart({ signal, downMs }).then(
				(timing) => answer(200, timing),
				(error: Error) => answer(500, { error: error.message }),
			);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const address = server.address();
	if (typeof address !== 'object' || !address) throw new Error('fault control: no address');
	return {
		url: `http://127.0.0.1:${address.port}`,
		token,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** From a test file: restarts the cluster's Redis; resolves once Redis answers again. */
export async function restartRedis(
	control: FaultControlAddress,
	signal: 'SIGTERM' | 'SIGKILL',
	downMs: number,
): Promise<{ downMs: number; exitedMs: number }> {
	const response = await axios.post(
		`${control.url}/redis/restart`,
		{ signal, downMs },
		{
			headers: { [TOKEN_HEADER]: control.token },
			timeout: 90000,
			validateStatus: () => true,
		},
	);
	if (response.status !== 200)
		throw new Error(`Redis restart answered ${response.status}: ${JSON.stringify(response.data)}`);
	return response.data as { downMs: number; exitedMs: number };
}

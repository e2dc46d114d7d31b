/**
 * Sends gateway callbacks (delivery reports, inbound SMS, opt-outs, subscriptions) and
 * retries the ones not acknowledged the way the gateway expects, a bounded number of times
 * (inferred: no gateway documents its retry policy, docs/gateways/README.md#callbacks-across-gateways; "as real gateways do", simulator/README.md#callbacks).
 */
import http from 'node:http';
import https from 'node:https';
import type { GatewayName } from './types';
import type { TimerRegistry } from './timers';
import type { SimClock } from './clock';

export type CallbackKind = 'delivery' | 'inbound' | 'optout' | 'subscription' | 'events';

export interface CallbackRequest {
	gateway: GatewayName;
	kind: CallbackKind;
	url: string;
	contentType: string;
	body: string;
	/** The gateway's own acknowledgement rule. */
	acknowledged: (status: number, body: string) => boolean;
	messageId?: string;
	/** Extra request headers (SMSBox's account key). */
	headers?: Record<string, string>;
}

export interface CallbackAttempt {
	/** Shared by all attempts of one callback. */
	callbackId: number;
	attempt: number;
	gateway: GatewayName;
	kind: CallbackKind;
	url: string;
	contentType: string;
	body: string;
	status: number | null;
	responseBody: string | null;
	error: string | null;
	acknowledged: boolean;
	/** True on the last attempt made for this callback (acknowledged or out of retries). */
	final: boolean;
	at: string;
	messageId?: string;
}

export interface RetryPolicy {
	attempts: number;
	backoffMs: number;
	timeoutMs: number;
}

const MAX_LOG = 100000;
const MAX_RESPONSE_BYTES = 65536;

export class CallbackDispatcher {
	private log: CallbackAttempt[] = [];
	private nextId = 1;
	private stopped = false;
	private readonly inFlight = new Set<http.ClientRequest>();
	private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

	constructor(
		private readonly timers: TimerRegistry,
		private readonly clock: SimClock,
		private readonly policy: () => RetryPolicy,
	) {}

	/**
	 * `send` to the URL the simulator is configured with for this callback; null, and nothing
	 * posted, when none is set.
	 */
	sendIfConfigured(
		url: string | null | undefined,
		request: Omit<CallbackRequest, 'url'>,
	): Promise<CallbackAttempt[]> | null {
		return url ? this.send({ ...request, url }) : null;
	}

	/** Resolves with every attempt once the callback is acknowledged or out of retries. */
	async send(request: CallbackRequest): Promise<CallbackAttempt[]> {
		const callbackId = this.nextId++;
		const { attempts, backoffMs, timeoutMs } = this.policy();
		const made: CallbackAttempt[] = [];
		for (let attempt = 1; attempt <= attempts && !this.stopped; attempt++) {
			if (attempt > 1) await this.timers.sleep(backoffMs * 2 ** (attempt - 2));
			if (this.stopped) break;
			const result = await this.post(request, timeoutMs);
			const acknowledged =
				result.status !== null && request.acknowledged(result.status, result.body ?? '');
			const entry: CallbackAttempt = {
				callbackId,
				attempt,
				gateway: request.gateway,
				kind: request.kind,
				url: request.url,
				contentType: request.contentType,
				body: request.body,
				status: result.status,
				responseBody: result.body,
				error: result.error,
				acknowledged,
				final: acknowledged || attempt === attempts,
				at: this.clock.iso(),
				...(request.messageId ? { messageId: request.messageId } : {}),
			};
			this.record(entry);
			made.push(entry);
			if (acknowledged) break;
		}
		return made;
	}

	attempts(filter: { gateway?: GatewayName; kind?: CallbackKind } = {}): CallbackAttempt[] {
		return this.log.filter(
			(a) =>
				(filter.gateway === undefined || a.gateway === filter.gateway) &&
				(filter.kind === undefined || a.kind === filter.kind),
		);
	}

	clearLog(): void {
		this.log = [];
	}

	stop(): void {
		this.stopped = true;
		for (const request of this.inFlight) request.destroy();
		this.inFlight.clear();
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
	}

	private record(entry: CallbackAttempt): void {
		this.log.push(entry);
		if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
	}

	private post(
		request: CallbackRequest,
		timeoutMs: number,
	): Promise<{ status: number | null; body: string | null; error: string | null }> {
		return new Promise((resolve) => {
			let settled = false;
			const finish = (status: number | null, body: string | null, error: string | null) => {
				if (settled) return;
				settled = true;
				this.inFlight.delete(req);
				resolve({ status, body, error });
			};
			const url = new URL(request.url);
			const isHttps = url.protocol === 'https:';
			const req = (isHttps ? https : http).request(
				url,
				{
					method: 'POST',
					agent: isHttps ? this.httpsAgent : this.httpAgent,
					headers: {
						'Content-Type': request.contentType,
						'Content-Length': Buffer.byteLength(request.body),
						'User-Agent': `sms-gateway-simulator (${request.gateway})`,
						...(request.headers ?? {}),
					},
					timeout: timeoutMs,
				},
				(res) => {
					const chunks: Buffer[] = [];
					let size = 0;
					res.on('data', (chunk: Buffer) => {
						size += chunk.length;
						if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
					});
					res.on('end', () =>
						finish(res.statusCode ?? null, Buffer.concat(chunks).toString('utf8'), null),
					);
					res.on('error', (err) => finish(null, null, err.message));
				},
			);
			this.inFlight.add(req);
			req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
			req.on('error', (err) => finish(null, null, err.message));
			req.end(request.body);
		});
	}
}

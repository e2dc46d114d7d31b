/**
 * Reply handling every gateway shares: "come back later" answers, money strings, header lookup.
 * Gateway-specific meaning stays in each adapter.
 */
import type { BatchOutcome } from '../core/adapter';
import { errorInfo } from '../core/errors';
import type { HttpReply } from '../core/types';
import { parseRetryAfter } from '../helpers/retry';

export function header(reply: HttpReply, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(reply.headers ?? {})) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/**
 * 429 and 503 are answered before a gateway takes the message (rate limit, maintenance), so the
 * request can be sent again. Any other 5xx might come after acceptance and is not retried.
 */
export function retryableRefusal(reply: HttpReply, gateway: string, nowMs: number): BatchOutcome | undefined {
	if (reply.statusCode !== 429 && reply.statusCode !== 503) return undefined;
	const retryAfterMs = parseRetryAfter(header(reply, 'retry-after'), nowMs);
	const what = reply.statusCode === 429 ? 'rate limit reached' : 'temporarily unavailable';
	return {
		kind: 'retry',
		reason: `${gateway}: HTTP ${reply.statusCode} (${what})`,
		retryAfterMs,
		error: errorInfo(
			reply.statusCode,
			`${gateway} answered HTTP ${reply.statusCode}: ${what}`,
			reply.statusCode === 429
				? 'The gateway limits how fast messages may be sent. Lower "Max Concurrency" or try again later.'
				: 'The gateway is temporarily unavailable. Try again later.',
		),
	};
}

/** `KES 0.8000`, `UGX -14.5731`, `0` → amount and currency. */
export function parseMoney(value: unknown): { amount: number | null; currency: string | null } {
	if (typeof value === 'number') return { amount: value, currency: null };
	if (typeof value !== 'string') return { amount: null, currency: null };
	const match = /^\s*([A-Za-z]{3})?\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
	if (!match) return { amount: null, currency: null };
	return { amount: Number(match[2]), currency: match[1] ? match[1].toUpperCase() : null };
}

export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A short, safe excerpt of an unexpected body for an error message (never the request). */
export function excerpt(body: unknown, max = 200): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Date.now without touching restricted globals; injectable for tests. */
export const clock = { now: (): number => Date.now() };

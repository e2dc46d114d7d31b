/**
 * Reply handling every gateway shares: header lookup and "come back later" answers. Gateway-specific
 * meaning stays in each adapter; small helpers that know nothing of replies live in helpers/.
 */
import type { BatchOutcome } from '../core/adapter';
import { errorInfo } from '../core/errors';
import type { HttpReply } from '../core/types';
import { parseRetryAfter } from '../helpers/retry-after';

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
export function retryableRefusal(
	reply: HttpReply,
	gateway: string,
	nowMs: number,
): BatchOutcome | undefined {
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

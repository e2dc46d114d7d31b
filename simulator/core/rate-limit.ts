/**
 * Per-gateway request-rate limit (fixed one-second windows on the real clock).
 * Gateways do not document theirs (docs/gateways/README.md#limits-nobody-documents), so limits only exist when configured.
 */
import type { GatewayName } from './types';

export interface RateDecision {
	allowed: boolean;
	/** Whole seconds until the window resets (>= 1), for Retry-After. */
	retryAfterSeconds: number;
}

export class RateLimiter {
	private readonly windows = new Map<GatewayName, { start: number; count: number }>();

	check(gateway: GatewayName, limit: number | null | undefined, nowMs = Date.now()): RateDecision {
		if (limit === null || limit === undefined) return { allowed: true, retryAfterSeconds: 0 };
		const windowStart = Math.floor(nowMs / 1000) * 1000;
		let window = this.windows.get(gateway);
		if (!window || window.start !== windowStart) {
			window = { start: windowStart, count: 0 };
			this.windows.set(gateway, window);
		}
		if (window.count >= limit) {
			return {
				allowed: false,
				retryAfterSeconds: Math.max(1, Math.ceil((windowStart + 1000 - nowMs) / 1000)),
			};
		}
		window.count++;
		return { allowed: true, retryAfterSeconds: 0 };
	}

	reset(): void {
		this.windows.clear();
	}
}

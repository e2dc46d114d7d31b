import type { GatewayErrorInfo } from './types';

/**
 * An HTTP call got no reply. `notSent` when the request provably never reached the gateway
 * (connection refused, unknown host), so it may be sent again; `ambiguous` when it may have been
 * received (timeout, connection reset after sending), so it must not be re-sent blindly.
 */
export class TransportError extends Error {
	constructor(
		message: string,
		readonly delivery: 'notSent' | 'ambiguous',
		readonly code: string | undefined,
	) {
		super(message);
		this.name = 'TransportError';
	}
}

export interface TransportFailureInfo {
	delivery: 'notSent' | 'ambiguous';
	code: string | undefined;
	message: string;
}

/**
 * Reads a transport failure from either form it takes: a TransportError (from any HttpClient) or
 * the NodeApiError n8n's transport throws, which carries the classification in its `context`.
 */
export function transportFailure(error: unknown): TransportFailureInfo | undefined {
	if (error instanceof TransportError) {
		return { delivery: error.delivery, code: error.code, message: error.message };
	}
	const context = (error as { context?: Record<string, unknown> } | undefined)?.context;
	const delivery = context?.transport;
	if (delivery === 'notSent' || delivery === 'ambiguous') {
		const code = typeof context?.transportCode === 'string' ? context.transportCode : undefined;
		return { delivery, code, message: (error as Error).message };
	}
	return undefined;
}

/** A gateway answered a non-send call (balance, sender names, …) with a refusal. */
export class GatewayError extends Error {
	constructor(
		readonly info: GatewayErrorInfo,
		readonly httpStatus?: number,
	) {
		super(info.message);
		this.name = 'GatewayError';
	}
}

export function errorInfo(code: string | number, message: string, explanation: string): GatewayErrorInfo {
	return { code: String(code), message, explanation };
}

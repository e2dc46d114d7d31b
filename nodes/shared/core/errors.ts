/**
 * The two errors adapters and the transport throw: TransportError (no reply arrived) and
 * GatewayError (a gateway refused a non-send call). Both are plain errors; only n8n/errors.ts turns
 * them into n8n's errors, so that everything below the n8n wiring is testable without n8n.
 */
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

/** The transport failure an error carries: only a TransportError is one. */
export function transportFailure(error: unknown): TransportFailureInfo | undefined {
	if (error instanceof TransportError) {
		return { delivery: error.delivery, code: error.code, message: error.message };
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

export function errorInfo(
	code: string | number,
	message: string,
	explanation: string,
): GatewayErrorInfo {
	return { code: String(code), message, explanation };
}

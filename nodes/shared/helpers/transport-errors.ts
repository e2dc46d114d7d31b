/**
 * Whether a failed HTTP call can be re-sent without risking a second SMS.
 * - `notSent`: the error proves the request never reached the gateway.
 * - `ambiguous`: the gateway may have received it and may have sent the SMS.
 */
export type TransportFailure = 'notSent' | 'ambiguous';

/** No request bytes exist before a name is resolved or a connection accepted. */
const NEVER_CONNECTED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED']);
/** Routing failures: they happen while connecting, but an ICMP error can also end a live connection. */
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH']);
/** Resets, broken pipes and timeouts prove nothing unless they happened while connecting. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/** Node's TLS client writes no HTTP bytes before the handshake ends (lib/_tls_wrap.js). */
const BEFORE_TLS_HANDSHAKE = 'before secure TLS connection was established';

/**
 * n8n wraps errors: httpRequestWithAuthentication throws a NodeApiError whose `cause`
 * is the AxiosError (and whose `httpCode` holds the code), whose `cause` is Node's
 * system error, the only level that carries `syscall`. A few levels cover that chain.
 */
const MAX_CHAIN_DEPTH = 5;
const MAX_AGGREGATED = 10;

interface ErrorLevel {
	code?: string;
	syscall?: string;
	message?: string;
	hasResponse: boolean;
}

/**
 * Classifies a transport error thrown by an HTTP call (axios, n8n's request helpers,
 * or Node's http), looking for the code on the error, its `cause` chain and the errors
 * of an AggregateError (Node's happy-eyeballs connect).
 *
 * Evidence of "not sent": a DNS failure or a refused connection; an unreachable network
 * or host while connecting; a reset, broken pipe or timeout whose `syscall` is
 * `connect` or that ended the TLS handshake. Everything else is `ambiguous`: an axios
 * timeout (`ECONNABORTED`), `socket hang up` after the request was written, a reset on
 * `read`, unknown errors. An error that carries an HTTP response is also `ambiguous`
 * here: the gateway answered, and its status (429, 503…) is for the adapter to judge.
 */
export function classifyTransportError(error: unknown): TransportFailure {
	const levels = flattenChain(error);
	if (levels.some((level) => level.hasResponse)) return 'ambiguous';
	for (let index = 0; index < levels.length; index += 1) {
		const code = levels[index].code;
		if (code === undefined) continue;
		const here = levels.slice(index);
		if (NEVER_CONNECTED.has(code)) return 'notSent';
		if (UNREACHABLE.has(code)) {
			const afterConnect = here.some(
				(level) => level.syscall !== undefined && level.syscall !== 'connect',
			);
			return afterConnect ? 'ambiguous' : 'notSent';
		}
		if (CONNECTION_LOST.has(code)) {
			const whileConnecting = here.some(
				(level) =>
					level.syscall === 'connect' || (level.message?.includes(BEFORE_TLS_HANDSHAKE) ?? false),
			);
			if (whileConnecting) return 'notSent';
		}
	}
	return 'ambiguous';
}

/** The error, then its causes and aggregated errors, breadth first and bounded. */
function flattenChain(error: unknown): ErrorLevel[] {
	const levels: ErrorLevel[] = [];
	let current: unknown[] = [error];
	for (let depth = 0; depth < MAX_CHAIN_DEPTH && current.length > 0; depth += 1) {
		const next: unknown[] = [];
		for (const candidate of current) {
			if (!isObject(candidate)) continue;
			levels.push(describeLevel(candidate));
			if (candidate.cause !== undefined) next.push(candidate.cause);
			if (Array.isArray(candidate.errors)) next.push(...candidate.errors.slice(0, MAX_AGGREGATED));
		}
		current = next;
	}
	return levels;
}

function describeLevel(level: Record<string, unknown>): ErrorLevel {
	return {
		code: systemCode(level.code) ?? systemCode(level.httpCode),
		syscall: typeof level.syscall === 'string' ? level.syscall : undefined,
		message: typeof level.message === 'string' ? level.message : undefined,
		hasResponse: isObject(level.response) && level.response.status !== undefined,
	};
}

/** Node's system error codes look like `ECONNRESET`; axios' own (`ERR_BAD_RESPONSE`) and HTTP statuses do not. */
function systemCode(value: unknown): string | undefined {
	return typeof value === 'string' && /^E[A-Z_]+$/.test(value) ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

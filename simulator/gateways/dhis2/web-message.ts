/**
 * DHIS2's WebMessage envelope (docs/gateways/dhis2.md#webmessage-replies): {"httpStatus","httpStatusCode","status","message"};
 * the real HTTP status equals httpStatusCode, and 4xx/5xx carry `Cache-Control: no-cache, private`.
 */
import type { SimReply } from '../../core/http-io';
import { jsonReply } from '../../core/http-io';

const REASONS: Record<number, string> = {
	200: 'OK',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable',
};

export function webMessage(
	status: number,
	message: string,
	headers: Record<string, string> = {},
): SimReply {
	const body = {
		httpStatus: REASONS[status] ?? String(status),
		httpStatusCode: status,
		status: status < 400 ? 'OK' : 'ERROR',
		message,
	};
	const extra = status >= 400 ? { 'Cache-Control': 'no-cache, private', ...headers } : headers;
	return jsonReply(status, body, extra);
}

/** Java dates as DHIS2 renders them: ISO local date-time with milliseconds, no zone. */
export function javaDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 23);
}

/** DHIS2 UIDs: 11 characters, a letter first (CodeGenerator); gateways use 10 (generateCode(10), docs/gateways/dhis2.md#gateway-administration). */
export function dhisCode(next: (alphabet: string, length: number) => string, length = 11): string {
	const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
	return next(letters, 1) + next(`${letters}0123456789`, length - 1);
}

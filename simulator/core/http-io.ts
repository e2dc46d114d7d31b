/** Request/reply shapes every handler uses, plus small body parsers and reply builders. */
import type { IncomingHttpHeaders } from 'node:http';

export interface SimRequest {
	method: string;
	/** Path inside the gateway prefix (or the control API), without the query string. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** Sequence number of this HTTP request across the simulator. */
	requestId: number;
	/** Absolute base URL of the simulator as the client reached it (for Location headers). */
	baseUrl: string;
}

export interface SimReply {
	status: number;
	headers?: Record<string, string>;
	body: string;
}

export function jsonReply(
	status: number,
	payload: unknown,
	headers: Record<string, string> = {},
): SimReply {
	return {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
		body: JSON.stringify(payload),
	};
}

export function textReply(
	status: number,
	text: string,
	headers: Record<string, string> = {},
): SimReply {
	return {
		status,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
		body: text,
	};
}

export function xmlReply(status: number, xml: string): SimReply {
	return { status, headers: { 'Content-Type': 'application/xml; charset=utf-8' }, body: xml };
}

export function htmlReply(status: number, html: string): SimReply {
	return { status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: html };
}

/** Media type of the request body, lower case, without parameters ('' when absent). */
export function mediaType(req: SimRequest): string {
	const raw = req.headers['content-type'];
	return (raw ?? '').split(';')[0].trim().toLowerCase();
}

export function bodyText(req: SimRequest): string {
	return req.body.toString('utf8');
}

export function parseForm(req: SimRequest): URLSearchParams {
	return new URLSearchParams(bodyText(req));
}

export type JsonParse = { ok: true; value: unknown } | { ok: false };

export function parseJson(req: SimRequest): JsonParse {
	try {
		return { ok: true, value: JSON.parse(bodyText(req)) };
	} catch {
		return { ok: false };
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field as a string, accepting numbers (several samples send `encoding: 0` and `"0"` alike). */
export function stringField(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

export function header(req: SimRequest, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

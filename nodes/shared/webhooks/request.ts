/**
 * Reads the parts of n8n's request the triggers use into plain records: lower-cased headers and
 * query parameters that each appear once. Never throws.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { isForbiddenKey } from '../webhook-parsing/limits';
import type { Rejection } from '../core/webhook-types';

export interface IncomingCall {
	headers: Record<string, string>;
	query: Record<string, string>;
	/** A problem with the query string, reported after authentication. */
	queryProblem?: Rejection;
	rawBody: unknown;
	parsedBody: unknown;
	contentType: string | undefined;
}

export function readIncomingCall(context: IWebhookFunctions): IncomingCall {
	const request = safely(
		() => context.getRequestObject() as unknown as Record<string, unknown>,
		{},
	);
	const headers = readHeaders(safely(() => context.getHeaderData() as unknown, request.headers));
	const { query, problem } = readQuery(
		safely(() => context.getQueryData() as unknown, request.query),
	);
	return {
		headers,
		query,
		queryProblem: problem,
		rawBody: request.rawBody,
		parsedBody: safely(() => context.getBodyData() as unknown, request.body),
		contentType: headers['content-type'],
	};
}

function readHeaders(value: unknown): Record<string, string> {
	const headers: Record<string, string> = {};
	if (typeof value !== 'object' || value === null) return headers;
	for (const [name, raw] of Object.entries(value)) {
		const key = name.toLowerCase();
		if (isForbiddenKey(key)) continue;
		const first = Array.isArray(raw) ? raw[0] : raw;
		if (typeof first === 'string') headers[key] = first;
	}
	return headers;
}

function readQuery(value: unknown): { query: Record<string, string>; problem?: Rejection } {
	const query: Record<string, string> = {};
	if (typeof value !== 'object' || value === null) return { query };
	let problem: Rejection | undefined;
	for (const [name, raw] of Object.entries(value)) {
		if (isForbiddenKey(name)) {
			problem ??= { status: 400, message: `The query contains the forbidden parameter "${name}"` };
		} else if (typeof raw === 'string') {
			query[name] = raw;
		} else {
			problem ??= {
				status: 400,
				message: `The query parameter "${name.slice(0, 40)}" must appear once, as text`,
			};
		}
	}
	return { query, problem };
}

function safely<T>(read: () => T, fallback: unknown): T {
	try {
		return read();
	} catch {
		return fallback as T;
	}
}

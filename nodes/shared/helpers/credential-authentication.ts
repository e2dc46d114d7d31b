/**
 * What the credentials' `authenticate` functions share: writing headers and Basic-auth fields
 * into a request exactly as n8n's generic (`={{ $credentials.x }}`) authentication writes them,
 * without evaluating an expression.
 *
 * Why functions: n8n's CredentialsHelper.authenticate calls a function `authenticate` directly,
 * while a generic one has every key and value evaluated in n8n's expression engine on every
 * request (packages/cli credentials-helper.ts `resolveValue`). Send SMS makes one request per
 * Gupshup recipient, so that evaluation was a large share of n8n's CPU per request
 * (docs/performance.md). The request still goes through `httpRequestWithAuthentication`, so
 * n8n's SSRF protection and request handling apply as before.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * A credential value as n8n's generic authentication turns it into a string: empty for
 * anything falsy (undefined, '', 0, false, null), `toString()` otherwise.
 */
export function asText(value: unknown): string {
	return value ? String(value) : '';
}

/**
 * Adds headers and/or Basic-auth fields to the request, in place and in the given order, the way
 * the generic authentication does: `headers` always exists afterwards, an existing `headers` or
 * `auth` object is added to, and a key already there keeps its position with the new value.
 */
export function applyAuthentication(
	requestOptions: IHttpRequestOptions,
	fields: { headers?: Record<string, string>; auth?: { username: string; password: string } },
): IHttpRequestOptions {
	if (requestOptions.headers === undefined) requestOptions.headers = {};
	if (fields.headers) {
		const headers = requestOptions.headers;
		for (const [name, value] of Object.entries(fields.headers)) headers[name] = value;
	}
	if (fields.auth) {
		if (!requestOptions.auth) requestOptions.auth = {} as IHttpRequestOptions['auth'];
		const auth = requestOptions.auth!;
		auth.username = fields.auth.username;
		auth.password = fields.auth.password;
	}
	return requestOptions;
}

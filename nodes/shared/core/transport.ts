/**
 * The package's single transport: the HttpClient the adapters use, built on n8n's
 * `httpRequestWithAuthentication` so that credentials, n8n's allowed-domains setting and its SSRF
 * protection apply to every call.
 *
 * HTTP statuses are never thrown (`ignoreHttpStatusErrors`): the adapters read each gateway's
 * refusals themselves, and n8n's helper would otherwise re-send a request once after a 401. When no
 * reply arrives it throws a TransportError (errors.ts), the one shape of a network failure in the
 * package; only n8n/errors.ts turns it into an n8n error.
 *
 * `credentials`, when the caller has already read them for this run with `getCredentials`, are
 * handed to n8n with each request (`credentialsDecrypted`), so n8n does not read and decrypt the
 * stored credential again for every request (a database read, a decryption and an evaluation of
 * the credential's fields each time; docs/performance.md). n8n's helper would call the same
 * `getCredentials(credentialType)` itself, so the data is the same.
 */
import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { classifyTransportError } from '../helpers/transport-errors';
import { TransportError } from './errors';
import type { Credentials, HttpClient, HttpReply, HttpRequest } from './types';

export const DEFAULT_TIMEOUT_MS = 30_000;

export function n8nHttpClient(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	credentialType: string,
	timeoutMs = DEFAULT_TIMEOUT_MS,
	credentials?: Credentials,
): HttpClient {
	const stored = context.getNode().credentials?.[credentialType];
	const additional: IAdditionalCredentialOptions | undefined = credentials
		? {
				credentialsDecrypted: {
					id: stored?.id ?? '',
					name: stored?.name ?? '',
					type: credentialType,
					data: credentials as ICredentialDataDecryptedObject,
				},
			}
		: undefined;
	return {
		async request(request: HttpRequest): Promise<HttpReply> {
			const options: IHttpRequestOptions = {
				method: request.method as IHttpRequestMethods,
				url: request.url,
				qs: request.qs,
				headers: { Accept: 'application/json', ...request.headers },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: timeoutMs,
			};
			if (request.body !== undefined) {
				if (request.form) {
					options.headers = {
						...options.headers,
						'Content-Type': 'application/x-www-form-urlencoded',
					};
					options.body = request.body as IDataObject;
				} else if (typeof request.body === 'string') {
					options.body = request.body;
				} else {
					options.body = request.body;
					options.json = true;
				}
			} else {
				options.json = true;
			}
			try {
				const reply = (await context.helpers.httpRequestWithAuthentication.call(
					context,
					credentialType,
					options,
					additional,
				)) as { statusCode: number; headers: HttpReply['headers']; body: unknown };
				return {
					statusCode: reply.statusCode,
					headers: reply.headers ?? {},
					body: parseBody(reply.body),
				};
			} catch (error) {
				// No HTTP reply arrived. Callers see a TransportError; the nodes turn it into an n8n
				// error with n8n/errors.ts (toNodeError, toLoadOptionsError) before n8n sees it.
				throw transportError(error);
			}
		},
	};
}

/** The TransportError of a call that got no reply: whether it provably never left (safe to re-send). */
export function transportError(error: unknown): TransportError {
	const code = errorCode(error);
	return new TransportError(describe(error, code), classifyTransportError(error), code);
}

/** JSON bodies arrive parsed when `json` is set; a gateway answering JSON to a form post does not. */
function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return JSON.parse(trimmed) as unknown;
		} catch {
			return body;
		}
	}
	return body;
}

function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && code.length > 0) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function describe(error: unknown, code: string | undefined): string {
	const message = error instanceof Error ? error.message : String(error);
	return code && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * The package's single transport: the HttpClient the adapters use, built on n8n's
 * `httpRequestWithAuthentication` so that credentials, n8n's allowed-domains setting and its SSRF
 * protection apply to every call.
 *
 * HTTP statuses are never thrown (`ignoreHttpStatusErrors`): the adapters read each gateway's
 * refusals themselves, and n8n's helper would otherwise re-send a request once after a 401.
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
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { classifyTransportError } from '../helpers/retry';
import type { Credentials, HttpClient, HttpReply, HttpRequest } from './types';

export const DEFAULT_TIMEOUT_MS = 30_000;

export function n8nHttpClient(
	context: IExecuteFunctions | ILoadOptionsFunctions,
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
					options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
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
				return { statusCode: reply.statusCode, headers: reply.headers ?? {}, body: parseBody(reply.body) };
			} catch (error) {
				// No HTTP reply arrived. The classification travels in the error's context, where
				// transportFailure() reads it (see errors.ts).
				const code = errorCode(error);
				const failure = new NodeApiError(context.getNode(), error as JsonObject, {
					message: describe(error, code),
				});
				failure.context.transport = classifyTransportError(error);
				failure.context.transportCode = code;
				throw failure;
			}
		},
	};
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

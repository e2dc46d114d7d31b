/**
 * Runs a trigger's `webhook()` through n8n-core's real WebhookContext (docs/n8n-behaviour.md#testing-inside-n8ns-engine),
 * with a request shaped as n8n's own body parser leaves it (packages/cli/src/middlewares/
 * body-parser.ts: `rawBody` holds the bytes; `body` is JSON-parsed for application/json and
 * querystring-parsed for forms) and a response that records exactly what the trigger wrote.
 *
 * As n8n (webhook-helpers.ts `parseRequestBody`), a start node at typeVersion 1 gets every body
 * read; from version 2 on only bodies of the types n8n parses (JSON, form, text, XML) are read, and
 * the others are left to `req.readRawBody()`.
 *
 * One difference from n8n, on purpose: n8n answers 422 itself to a body it cannot parse as JSON,
 * before any trigger runs; here such a body reaches the trigger (with `body = {}`), so the tests
 * also prove the trigger refuses it on its own.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { parse as parseQueryString } from 'node:querystring';

import { buildAdditionalData, buildNode, buildWorkflow } from './engine';

export interface FakeRequestInit {
	method?: string;
	headers?: Record<string, string>;
	query?: Record<string, string | string[]>;
	/** The raw body; a Buffer is sent as is, a string as UTF-8. */
	body?: string | Buffer;
	/** Shortcut for the Content-Type header. */
	contentType?: string;
}

export interface WebhookCallResult {
	status: number;
	headers: Record<string, string>;
	/** The body exactly as written. */
	body: string;
	ended: boolean;
	/** What webhook() returned. */
	response: IWebhookResponseData;
	/** True when webhook() returned items, i.e. n8n would start an execution. */
	started: boolean;
	items: IDataObject[];
	/** An exception that escaped webhook() (n8n would answer 500). */
	threw?: unknown;
}

export interface TriggerUnderTest {
	node: INode;
	workflow: Workflow;
	webhookDescription: IWebhookDescription;
	/** The resolved webhook path (after `webhookId/`). */
	path: string;
	call(request: FakeRequestInit): Promise<WebhookCallResult>;
	/** Runs checkExists/create/delete through n8n-core's HookContext. */
	lifecycle(
		method: 'checkExists' | 'create' | 'delete',
		activation?: WorkflowActivateMode,
	): Promise<unknown>;
	/** The Production URL n8n would show in the editor. */
	productionUrl(): string | undefined;
}

export interface TriggerOptions {
	nodeClass: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	mode?: WorkflowExecuteMode;
	/** The node's typeVersion; 1 when omitted. */
	typeVersion?: number;
}

/** A recorder with the part of Express's response API a trigger may use. */
export class FakeResponse {
	statusCode = 200;
	headers: Record<string, string> = {};
	chunks: string[] = [];
	ended = false;
	endCalls = 0;

	get headersSent(): boolean {
		return this.ended;
	}

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string | number | string[]): this {
		this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		return this;
	}

	getHeader(name: string): string | undefined {
		return this.headers[name.toLowerCase()];
	}

	header(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	set(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	write(chunk: string | Buffer): boolean {
		this.chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
		return true;
	}

	end(chunk?: string | Buffer): this {
		this.endCalls++;
		if (this.ended) throw new Error('end() called twice');
		if (chunk !== undefined) this.write(chunk);
		this.ended = true;
		return this;
	}

	send(body: string | object): this {
		if (typeof body === 'object') return this.json(body);
		return this.end(body);
	}

	json(body: unknown): this {
		this.setHeader('content-type', 'application/json; charset=utf-8');
		return this.end(JSON.stringify(body));
	}
}

/** The request n8n's express stack hands a webhook: headers lower-cased, rawBody and parsed body. */
export function fakeRequest(init: FakeRequestInit, typeVersion = 1): IDataObject {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(init.headers ?? {}))
		headers[name.toLowerCase()] = value;
	if (init.contentType !== undefined) headers['content-type'] = init.contentType;
	const rawBody =
		init.body === undefined
			? Buffer.alloc(0)
			: Buffer.isBuffer(init.body)
				? init.body
				: Buffer.from(init.body, 'utf8');
	if (rawBody.length > 0) headers['content-length'] = String(rawBody.length);
	const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const request: Record<string, unknown> = {
		method: init.method ?? 'POST',
		headers,
		query: init.query ?? {},
		params: {},
		contentType,
		async readRawBody() {
			request.rawBody ??= rawBody;
		},
	};
	if (typeVersion === 1 || isParsedByN8n(contentType)) {
		request.rawBody = rawBody;
		request.body = n8nParsedBody(rawBody, contentType);
	}
	return request as unknown as IDataObject;
}

/** webhook-helpers.ts `isParsableContentType` (n8n 2.41.1). */
function isParsedByN8n(contentType: string): boolean {
	return (
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

function n8nParsedBody(rawBody: Buffer, contentType: string): unknown {
	if (rawBody.length === 0) return {};
	const text = rawBody.toString('utf8');
	if (contentType === 'application/json') {
		try {
			return JSON.parse(text);
		} catch {
			return {};
		}
	}
	if (contentType === 'application/x-www-form-urlencoded')
		return parseQueryString(text, undefined, undefined, { maxKeys: 1000 });
	if (contentType === 'text/plain') return text;
	return {};
}

export function triggerUnderTest(options: TriggerOptions): TriggerUnderTest {
	const credentials = options.credentials ?? {};
	const type = options.nodeClass.description.name;
	const node = buildNode({
		type,
		parameters: options.parameters,
		credentials,
		name: options.nodeClass.description.defaults.name,
		typeVersion: options.typeVersion,
	});
	const workflow = buildWorkflow([node], [options.nodeClass]);
	const webhookDescription = options.nodeClass.description.webhooks?.[0];
	if (!webhookDescription) throw new Error(`${type} has no webhook`);
	const mode = options.mode ?? 'webhook';
	const path = String(
		workflow.expression.getSimpleParameterValue(node, webhookDescription.path, mode, {}),
	);
	const additionalData = buildAdditionalData(credentials);
	const webhookData = (): IWebhookData => ({
		httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path,
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	});

	return {
		node,
		workflow,
		webhookDescription,
		path,
		async call(init) {
			const res = new FakeResponse();
			additionalData.httpRequest = fakeRequest(init, node.typeVersion) as never;
			additionalData.httpResponse = res as never;
			const context = new WebhookContext(
				workflow,
				node,
				additionalData,
				mode,
				webhookData(),
				[],
				null,
			);
			let response: IWebhookResponseData = {};
			let threw: unknown;
			try {
				response = await options.nodeClass.webhook!.call(context);
			} catch (error) {
				threw = error;
			}
			const items = (response.workflowData?.[0] ?? []).map((item: INodeExecutionData) => item.json);
			return {
				status: res.statusCode,
				headers: res.headers,
				body: res.chunks.join(''),
				ended: res.ended,
				response,
				started: (response.workflowData?.length ?? 0) > 0,
				items,
				threw,
			};
		},
		async lifecycle(method, activation = 'activate') {
			const methods = options.nodeClass.webhookMethods?.default;
			const fn = methods?.[method];
			if (!fn) throw new Error(`${type} has no webhookMethods.default.${method}`);
			const context = new HookContext(
				workflow,
				node,
				additionalData,
				mode,
				activation,
				webhookData(),
			);
			return await fn.call(context);
		},
		productionUrl() {
			const context = new HookContext(
				workflow,
				node,
				additionalData,
				mode,
				'activate',
				webhookData(),
			);
			return context.getNodeWebhookUrl('default');
		},
	};
}

/**
 * A small client for n8n's internal REST API, the one the editor uses (docs/n8n-behaviour.md#running-a-real-n8n):
 * owner setup, login cookie, credentials (create, list, the "Test credential" endpoint),
 * workflows (create, activate), executions, the loaded node and credential types, and calls to
 * production webhooks. Errors carry n8n's own message, never the request body (it may hold secrets).
 *
 * It serves every tested n8n version (tooling/n8n/pinned.ts). The differences, by n8n's major
 * version as `GET /rest/settings` reports it (`versionCli`), read once per client:
 *  - n8n 2.x activates with `POST /rest/workflows/:id/activate` `{ versionId }` and deactivates
 *    with `POST …/deactivate`; n8n 1.x has neither route: both are `PATCH /rest/workflows/:id`
 *    with `{ active, versionId }` (the versionId n8n holds now, or it refuses a stale save).
 * Everything else these tools call (owner setup, login, credentials and their test, workflow
 * creation with `active: false`, executions, webhooks) has the same shape in 1.123 and 2.x.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

import { majorOf } from './pinned';
import { sleep } from './wait-for';

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	/** n8n wants 8+ characters with a digit and an upper-case letter. */
	password: string;
}

export interface CredentialSummary {
	id: string;
	name: string;
	type: string;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowDefinition {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface WorkflowSummary {
	id: string;
	name: string;
	active: boolean;
	versionId: string;
	nodes?: WorkflowNode[];
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
}

export interface ExecutionDetails extends ExecutionSummary {
	/** The run data as n8n stores it (a `flatted` string). */
	data: string;
}

export interface TypeSummary {
	name: string;
	displayName: string;
	[key: string]: unknown;
}

export interface WebhookReply {
	status: number;
	headers: Record<string, string>;
	/** The raw body, exactly the bytes n8n answered (as UTF-8 text). */
	body: string;
}

const AUTH_COOKIE = 'n8n-auth';

export class N8nRestClient {
	private readonly http: AxiosInstance;

	private cookie: string | undefined;

	/** n8n's major version, read from its settings on first need. */
	private n8nMajor: number | undefined;

	/** Where production webhooks answer: n8n itself, or in queue mode a webhook processor. */
	readonly webhookBaseUrl: string;

	constructor(
		readonly baseUrl: string,
		cookie?: string,
		webhookBaseUrl?: string,
	) {
		this.cookie = cookie;
		this.webhookBaseUrl = (webhookBaseUrl ?? baseUrl).replace(/\/+$/, '');
		this.http = axios.create({
			baseURL: baseUrl.replace(/\/+$/, ''),
			timeout: 60_000,
			validateStatus: () => true,
			maxRedirects: 0,
		});
	}

	/** The `n8n-auth=…` cookie after login, to hand to another client (e.g. another test file). */
	get authCookie(): string | undefined {
		return this.cookie;
	}

	async settings(): Promise<Record<string, any>> {
		return await this.call('GET', '/rest/settings');
	}

	/** True until an owner account exists (the editor then shows the setup page). */
	async needsOwnerSetup(): Promise<boolean> {
		const settings = await this.settings();
		return settings.userManagement?.showSetupOnFirstLoad === true;
	}

	async setupOwner(owner: OwnerAccount): Promise<void> {
		await this.call('POST', '/rest/owner/setup', owner);
	}

	async login(email: string, password: string): Promise<void> {
		const response = await this.http.post('/rest/login', { emailOrLdapLoginId: email, password });
		this.check(response, 'POST /rest/login');
		const setCookie = response.headers['set-cookie'] ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith(`${AUTH_COOKIE}=`));
		if (!auth) throw new Error('n8n answered the login without an n8n-auth cookie');
		this.cookie = auth;
	}

	/** Creates the owner on a fresh n8n, then logs in (both steps are no-ops when already done). */
	async ensureOwnerAndLogin(owner: OwnerAccount): Promise<{ created: boolean }> {
		const created = await this.needsOwnerSetup();
		if (created) await this.setupOwner(owner);
		await this.login(owner.email, owner.password);
		return { created };
	}

	/** Every node type n8n loaded (`/types/nodes.json`, what the editor reads). */
	async nodeTypes(): Promise<TypeSummary[]> {
		return await this.raw('GET', '/types/nodes.json');
	}

	/** Every credential type n8n loaded (`/types/credentials.json`). */
	async credentialTypes(): Promise<TypeSummary[]> {
		return await this.raw('GET', '/types/credentials.json');
	}

	async listCredentials(): Promise<CredentialSummary[]> {
		return await this.call('GET', '/rest/credentials');
	}

	async createCredential(credential: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<CredentialSummary> {
		return await this.call('POST', '/rest/credentials', credential);
	}

	/** Replaces a stored credential's data (n8n re-encrypts it); the id, and so every workflow using it, stays. */
	async updateCredential(
		id: string,
		credential: { name: string; type: string; data: Record<string, unknown> },
	): Promise<CredentialSummary> {
		return await this.call('PATCH', `/rest/credentials/${id}`, credential);
	}

	async deleteCredential(id: string): Promise<void> {
		await this.call('DELETE', `/rest/credentials/${id}`);
	}

	/** A stored credential; with `includeData`, its fields as the editor's form gets them (secrets redacted). */
	async getCredential(
		id: string,
		includeData = false,
	): Promise<CredentialSummary & { data?: Record<string, unknown> }> {
		return await this.call('GET', `/rest/credentials/${id}?includeData=${includeData}`);
	}

	/**
	 * What the editor's "Test credential" button does for a stored credential: it posts the form's
	 * data (secrets redacted, as n8n sent them) to `POST /rest/credentials/test`, and n8n puts the
	 * stored secrets back before running the credential type's `test` request.
	 */
	async testCredential(credential: CredentialSummary): Promise<CredentialTestResult> {
		const stored = await this.getCredential(credential.id, true);
		return await this.call('POST', '/rest/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: stored.data ?? {} },
		});
	}

	async listWorkflows(): Promise<WorkflowSummary[]> {
		return await this.call('GET', '/rest/workflows');
	}

	async getWorkflow(id: string): Promise<WorkflowSummary & WorkflowDefinition> {
		return await this.call('GET', `/rest/workflows/${id}`);
	}

	async createWorkflow(workflow: WorkflowDefinition): Promise<WorkflowSummary> {
		return await this.call('POST', '/rest/workflows', {
			settings: { executionOrder: 'v1' },
			...workflow,
			// n8n imports a workflow inactive; activation is a separate call.
			active: false,
		});
	}

	async activateWorkflow(
		workflow: Pick<WorkflowSummary, 'id' | 'versionId'>,
	): Promise<WorkflowSummary> {
		if ((await this.majorVersion()) < 2) {
			return await this.call('PATCH', `/rest/workflows/${workflow.id}`, {
				active: true,
				versionId: workflow.versionId,
			});
		}
		return await this.call('POST', `/rest/workflows/${workflow.id}/activate`, {
			versionId: workflow.versionId,
		});
	}

	async deactivateWorkflow(id: string): Promise<WorkflowSummary> {
		if ((await this.majorVersion()) < 2) {
			const { versionId } = await this.getWorkflow(id);
			return await this.call('PATCH', `/rest/workflows/${id}`, { active: false, versionId });
		}
		return await this.call('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	/** The major version of the n8n answering (`versionCli` of its settings), read once. */
	async majorVersion(): Promise<number> {
		if (this.n8nMajor === undefined) {
			const version = String((await this.settings()).versionCli ?? '');
			const major = majorOf(version);
			if (!Number.isInteger(major))
				throw new Error(`n8n's settings name no version (versionCli: "${version}")`);
			this.n8nMajor = major;
		}
		return this.n8nMajor;
	}

	/** The newest executions matching `filter` (n8n allows at most 100 per page). */
	async listExecutions(
		filter: Record<string, unknown> = {},
		limit = 100,
	): Promise<ExecutionSummary[]> {
		return (await this.executionsPage(filter, limit)).results;
	}

	/**
	 * Every execution matching `filter`: n8n's page cursor first, then the ids it skipped.
	 * Measured in queue mode on PostgreSQL: paging 1,000 executions of one workflow returned 996,
	 * while n8n's own count said 1,000 (likely, not verified: the cursor's timestamp has
	 * milliseconds, PostgreSQL's microseconds, so rows at a page boundary fall between pages). Execution ids
	 * are sequential numbers here, so the ids between the lowest and highest listed that paging
	 * did not return are read one by one, and kept when they match the workflow filter.
	 */
	async listAllExecutions(
		filter: Record<string, unknown> = {},
		maxPages = 100,
	): Promise<ExecutionSummary[]> {
		const byId = new Map<string, ExecutionSummary>();
		let cursor: string | undefined;
		let count: number | undefined;
		for (let page = 0; ; page++) {
			if (page >= maxPages)
				throw new Error(`More than ${maxPages * 100} executions: stopped paging`);
			const { results, nextCursor, count: total } = await this.executionsPage(filter, 100, cursor);
			count ??= total;
			for (const execution of results) byId.set(execution.id, execution);
			if (!nextCursor || results.length === 0) break;
			cursor = nextCursor;
		}
		if (count !== undefined && byId.size < count) await this.addSkippedExecutions(byId, filter);
		return [...byId.values()].sort((a, b) => Number(b.id) - Number(a.id));
	}

	private async addSkippedExecutions(
		byId: Map<string, ExecutionSummary>,
		filter: Record<string, unknown>,
	): Promise<void> {
		const ids = [...byId.keys()].map(Number).filter(Number.isInteger);
		if (ids.length === 0) return;
		for (let id = Math.min(...ids); id <= Math.max(...ids); id++) {
			if (byId.has(String(id))) continue;
			const response = await this.http.request({
				method: 'GET',
				url: `/rest/executions/${id}`,
				headers: this.authHeaders(),
			});
			if (response.status === 404) continue;
			this.check(response, `GET /rest/executions/${id}`);
			const execution = (response.data as { data?: ExecutionDetails }).data;
			if (!execution) continue;
			if (
				filter.workflowId !== undefined &&
				String(execution.workflowId) !== String(filter.workflowId)
			)
				continue;
			const {
				id: executionId,
				workflowId,
				status,
				mode,
				finished,
				startedAt,
				stoppedAt,
			} = execution;
			byId.set(String(executionId), {
				id: String(executionId),
				workflowId,
				status,
				mode,
				finished,
				startedAt,
				stoppedAt,
			});
		}
	}

	private async executionsPage(
		filter: Record<string, unknown>,
		limit: number,
		cursor?: string,
	): Promise<{ results: ExecutionSummary[]; nextCursor?: string | null; count?: number }> {
		const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: String(limit) });
		if (cursor) query.set('cursor', cursor);
		return await this.call('GET', `/rest/executions?${query.toString()}`);
	}

	async getExecution(id: string): Promise<ExecutionDetails> {
		return await this.call('GET', `/rest/executions/${id}`);
	}

	/**
	 * Calls a production webhook (`/webhook/<path>`) where production webhooks answer (n8n itself,
	 * or in queue mode the webhook processor). n8n registers webhooks a moment after the activate
	 * reply, so a 404 is retried until `registrationTimeoutMs`.
	 */
	async callWebhook(
		path: string,
		options: {
			method?: string;
			body?: unknown;
			headers?: Record<string, string>;
			registrationTimeoutMs?: number;
		} = {},
	): Promise<WebhookReply> {
		const deadline = Date.now() + (options.registrationTimeoutMs ?? 10_000);
		for (;;) {
			const response = await this.http.request({
				method: options.method ?? 'POST',
				url: `${this.webhookBaseUrl}/webhook/${path.replace(/^\/+/, '')}`,
				data: options.body,
				headers: options.headers,
				responseType: 'text',
				transformResponse: (body: string) => body,
			});
			if (response.status !== 404 || Date.now() >= deadline) {
				return {
					status: response.status,
					headers: Object.fromEntries(
						Object.entries(response.headers).map(([k, v]) => [k, String(v)]),
					),
					body: response.data as string,
				};
			}
			await sleep(250);
		}
	}

	/** A REST call whose reply is n8n's usual `{ data: … }` envelope. */
	private async call<T = any>(method: string, url: string, body?: unknown): Promise<T> {
		const response = await this.http.request({
			method,
			url,
			data: body,
			headers: this.authHeaders(),
		});
		this.check(response, `${method} ${url.split('?')[0]}`);
		return (response.data as { data: T }).data;
	}

	/**
	 * A GET whose reply is the payload itself (the static type files, 18 MB for nodes.json). Once,
	 * in queue mode on a loaded machine, main closed the connection mid-reply ("socket hang up");
	 * the file is static, so a connection reset is retried (at most twice), nothing else.
	 */
	private async raw<T = any>(method: 'GET', url: string): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				const response = await this.http.request({ method, url, headers: this.authHeaders() });
				this.check(response, `${method} ${url}`);
				return response.data as T;
			} catch (error) {
				const code = (error as { code?: string }).code;
				if (attempt >= 3 || (code !== 'ECONNRESET' && code !== 'EPIPE')) throw error;
			}
		}
	}

	private authHeaders(): Record<string, string> {
		return this.cookie ? { cookie: this.cookie } : {};
	}

	private check(response: AxiosResponse, what: string): void {
		if (response.status >= 200 && response.status < 300) return;
		const message =
			typeof response.data === 'object' && response.data && 'message' in response.data
				? String((response.data as { message: unknown }).message)
				: String(response.data).slice(0, 300);
		throw new Error(`${what} answered ${response.status}: ${message}`);
	}
}

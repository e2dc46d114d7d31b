/**
 * The n8n REST calls the example tests need beyond rest-client.ts: the editor's
 * "Execute workflow" (`POST /rest/workflows/:id/run`, n8n 2.41 `WorkflowsController.runManually`),
 * its Stop button (`POST /rest/executions/:id/stop`, `ExecutionsController.stop`) and reading data tables (`/rest/data-tables-global`, `/rest/projects/:projectId/data-tables`).
 * Same session cookie as the owner's client.
 */
import axios, { type AxiosInstance } from 'axios';

export interface DataTableSummary {
	id: string;
	name: string;
	projectId: string;
}

export type DataTableRow = Record<string, unknown> & { id: number };

export class N8nSession {
	private readonly http: AxiosInstance;

	constructor(context: { n8nUrl: string; authCookie: string }) {
		this.http = axios.create({
			baseURL: context.n8nUrl,
			headers: { cookie: context.authCookie },
			timeout: 60_000,
			validateStatus: () => true,
		});
	}

	/**
	 * What the editor's "Execute workflow" button sends for a workflow started from `triggerName`
	 * (ManualRunDto: `triggerToStartFrom`). n8n runs the stored workflow and answers at once with
	 * the execution id.
	 */
	async runFromTrigger(workflowId: string, triggerName: string): Promise<string> {
		const data = await this.call<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: triggerName } },
		);
		if (!data.executionId) throw new Error(`n8n started no execution: ${JSON.stringify(data)}`);
		return data.executionId;
	}

	/**
	 * The editor's Stop button: n8n cancels a running execution and stores it as `canceled`
	 * (n8n 2.41 `ExecutionService.stop`). What the nodes were doing is not waited for.
	 */
	async stopExecution(executionId: string): Promise<{ status: string }> {
		return await this.call<{ status: string }>('POST', `/rest/executions/${executionId}/stop`);
	}

	/** The data tables named `name` (n8n keeps names unique per project). */
	async dataTablesNamed(name: string): Promise<DataTableSummary[]> {
		const filter = JSON.stringify({ name });
		const data = await this.call<{ data: DataTableSummary[] }>(
			'GET',
			`/rest/data-tables-global?filter=${encodeURIComponent(filter)}`,
		);
		return data.data.filter((table) => table.name === name);
	}

	/** Every row of a data table (bounded: the tests' tables hold a handful of rows). */
	async dataTableRows(table: DataTableSummary, take = 250): Promise<DataTableRow[]> {
		const data = await this.call<{ count: number; data: DataTableRow[] }>(
			'GET',
			`/rest/projects/${table.projectId}/data-tables/${table.id}/rows?skip=0&take=${take}`,
		);
		if (data.count > data.data.length)
			throw new Error(`table ${table.name} has more than ${take} rows`);
		return data.data;
	}

	/**
	 * How many rows of a data table match every `column = value` pair (n8n's own filter on
	 * `GET …/rows`, read with take=1: only the count is used).
	 */
	async dataTableRowCount(
		table: DataTableSummary,
		equals: Record<string, string>,
	): Promise<number> {
		const filter = JSON.stringify({
			type: 'and',
			filters: Object.entries(equals).map(([columnName, value]) => ({
				columnName,
				condition: 'eq',
				value,
			})),
		});
		const data = await this.call<{ count: number }>(
			'GET',
			`/rest/projects/${table.projectId}/data-tables/${table.id}/rows?skip=0&take=1&filter=${encodeURIComponent(filter)}`,
		);
		return data.count;
	}

	private async call<T>(method: string, url: string, body?: unknown): Promise<T> {
		const response = await this.http.request({ method, url, data: body });
		if (response.status < 200 || response.status >= 300) {
			const message =
				(response.data as { message?: string } | undefined)?.message ??
				String(response.data).slice(0, 300);
			throw new Error(`${method} ${url.split('?')[0]} answered ${response.status}: ${message}`);
		}
		return (response.data as { data: T }).data;
	}
}

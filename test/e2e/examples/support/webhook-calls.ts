/**
 * Calls straight to a trigger's production URL, as a stranger or a broken gateway would make
 * them: no token, a wrong token, malformed bodies. Used to check that every such call is refused
 * with a 4xx, starts no execution, and that n8n still serves the genuine call that follows.
 */
import type { N8nRestClient } from '../../../../tooling/n8n/rest-client';
import { finishedExecutions } from '../../../../tooling/n8n/executions';

export interface WebhookCall {
	label: string;
	/** Query string to add to `<webhookId>/<path>`, e.g. `?token=…`; empty for none. */
	query: string;
	contentType: string;
	body: string;
}

export interface CallReply {
	label: string;
	status: number;
	body: string;
	/** The answer's Content-Type header; empty when there is none. */
	contentType: string;
}

export interface RefusalOutcome {
	refused: CallReply[];
	genuine: CallReply;
	/** The workflow's executions before the calls, and after the genuine call's one finished. */
	executionsBefore: number;
	executionsAfter: number;
}

/** The usual refusals: no token, a wrong one, and each malformed body given with the right token. */
export function refusalCalls(
	token: string,
	malformed: Array<Omit<WebhookCall, 'query'>>,
	contentType: string,
	validBody: string,
): WebhookCall[] {
	return [
		{ label: 'no token', query: '', contentType, body: validBody },
		{
			label: 'wrong token',
			query: `?token=${encodeURIComponent(`${token}x`)}`,
			contentType,
			body: validBody,
		},
		{
			label: 'token in the wrong case',
			query: `?token=${encodeURIComponent(token.toUpperCase())}`,
			contentType,
			body: validBody,
		},
		...malformed.map((call) => ({ ...call, query: `?token=${encodeURIComponent(token)}` })),
	];
}

export async function callRefusalsThenGenuine(
	client: N8nRestClient,
	workflowId: string,
	webhookPath: string,
	refusals: WebhookCall[],
	genuine: WebhookCall,
): Promise<RefusalOutcome> {
	const executionsBefore = (await client.listExecutions({ workflowId })).length;
	const refused: CallReply[] = [];
	for (const call of refusals) refused.push(await send(client, webhookPath, call));
	const genuineReply = await send(client, webhookPath, genuine);
	const executionsAfter = (await finishedExecutions(client, workflowId, executionsBefore + 1))
		.length;
	return { refused, genuine: genuineReply, executionsBefore, executionsAfter };
}

/** Without the right secret: 401 (README.md#how-the-triggers-work); every other refusal: some 4xx, never a 5xx. */
export function expectEveryCallRefused(outcome: RefusalOutcome): void {
	const statuses = Object.fromEntries(outcome.refused.map((reply) => [reply.label, reply.status]));
	expect(statuses['no token']).toBe(401);
	expect(statuses['wrong token']).toBe(401);
	expect(statuses['token in the wrong case']).toBe(401);
	for (const reply of outcome.refused) {
		expect({ [reply.label]: reply.status >= 400 && reply.status < 500 }).toEqual({
			[reply.label]: true,
		});
	}
}

async function send(
	client: N8nRestClient,
	webhookPath: string,
	call: WebhookCall,
): Promise<CallReply> {
	const reply = await client.callWebhook(`${webhookPath}${call.query}`, {
		body: call.body,
		headers: { 'content-type': call.contentType },
		// The workflow is active already: a 404 here is an answer, not a registration delay.
		registrationTimeoutMs: 0,
	});
	return {
		label: call.label,
		status: reply.status,
		body: reply.body,
		contentType: reply.headers['content-type'] ?? '',
	};
}

/**
 * Activates the workflow and waits until n8n serves the trigger's production URL (n8n registers
 * webhooks a moment after the activate reply). The probe carries no token, so once registered it
 * is refused with 401 and starts nothing.
 */
export async function activateAndWaitForTrigger(
	client: N8nRestClient,
	workflow: { id: string; versionId: string },
	webhookPath: string,
): Promise<void> {
	await client.activateWorkflow(workflow);
	const probe = await client.callWebhook(webhookPath, {
		body: '{}',
		headers: { 'content-type': 'application/json' },
		registrationTimeoutMs: 15_000,
	});
	if (probe.status !== 401) {
		throw new Error(
			`the trigger at ${webhookPath} answered ${probe.status} instead of 401 to a call without token`,
		);
	}
}

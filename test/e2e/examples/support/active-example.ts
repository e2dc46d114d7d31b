/**
 * What the example tests with a trigger set up, call and tear down the same way: the example
 * imported with a fresh secret and activated, n8n serving its trigger's production URL, and that
 * URL (with the secret) given to the simulator as the gateway's callback URL; the usual refusals
 * sent straight to that URL before one genuine call; the webhook executions checked; afterwards
 * the callback URL cleared and the workflow deactivated.
 */
import type { N8nRestClient, WorkflowNode } from '../../../../tooling/n8n/rest-client';
import { SimControl, type CallbackUrls } from '../../../../tooling/n8n/sim-control';
import { uniqueTag } from '../../../../tooling/n8n/workflows';
import { loadE2eContext, ownerClient, type E2eContext } from '../../support/context';
import { expectRunByWorkers } from '../../support/processes';
import { importExample, nodeNamed, type ImportedExample } from './examples';
import { triggerCallbackUrl, triggerWebhookPath } from './triggers';
import {
	activateAndWaitForTrigger,
	callRefusalsThenGenuine,
	refusalCalls,
	type RefusalOutcome,
	type WebhookCall,
} from './webhook-calls';

/** One callback URL of the simulator: a gateway and the kind of callback it posts there. */
export type CallbackSlot = {
	[G in keyof CallbackUrls]-?: { gateway: G; kind: keyof NonNullable<CallbackUrls[G]> };
}[keyof CallbackUrls];

export interface ActiveExample {
	/** The webhook secret the example was imported with, in place of its placeholder. */
	secret: string;
	context: E2eContext;
	client: N8nRestClient;
	sim: SimControl;
	workflow: ImportedExample;
	trigger: WorkflowNode;
	callback: CallbackSlot;
}

/** Imports and activates `file`, and points the simulator's `callback` at its trigger `triggerName`. */
export async function activateExample(file: string, triggerName: string, callback: CallbackSlot): Promise<ActiveExample> {
	const secret = `e2e-Secret-${uniqueTag()}`;
	const context = loadE2eContext();
	const client = ownerClient(context);
	const sim = new SimControl(context.simulatorUrl);
	const workflow = await importExample(client, context, file, { secret });
	const trigger = nodeNamed(workflow, triggerName);
	await activateAndWaitForTrigger(client, workflow, triggerWebhookPath(trigger));
	await sim.setCallbacks(callbackUrls(callback, triggerCallbackUrl(context.webhookUrl, trigger, secret)));
	return { secret, context, client, sim, workflow, trigger, callback };
}

/** Clears the simulator's callback URL and deactivates the example (nothing when set-up failed before it was active). */
export async function deactivateExample(example: ActiveExample | undefined): Promise<void> {
	if (!example) return;
	await example.sim.setCallbacks(callbackUrls(example.callback, null));
	await example.client.deactivateWorkflow(example.workflow.id);
}

function callbackUrls(slot: CallbackSlot, url: string | null): CallbackUrls {
	return { [slot.gateway]: { [slot.kind]: url } } as CallbackUrls;
}

/**
 * The usual refusals (no token, a wrong one, one in the wrong case, each with `validBody`; then
 * each `malformed` call with the right token), then one genuine call of `genuineBody` with the
 * right token, all straight to the trigger's production URL.
 */
export async function refusalsThenGenuine(
	example: ActiveExample,
	contentType: string,
	malformed: Array<Omit<WebhookCall, 'query'>>,
	validBody: string,
	genuineBody: string,
): Promise<RefusalOutcome> {
	const { client, workflow, trigger, secret } = example;
	return await callRefusalsThenGenuine(
		client,
		workflow.id,
		triggerWebhookPath(trigger),
		refusalCalls(secret, malformed, contentType, validBody),
		{ label: 'genuine', query: `?token=${encodeURIComponent(secret)}`, contentType, body: genuineBody },
	);
}

/** The example's executions are `count` successful webhook executions, run where the stack runs them. */
export async function expectSuccessfulWebhookExecutions(example: ActiveExample, count: number): Promise<void> {
	const executions = await example.client.listExecutions({ workflowId: example.workflow.id });
	expect(executions.map((e) => ({ status: e.status, mode: e.mode }))).toEqual(
		Array.from({ length: count }, () => ({ status: 'success', mode: 'webhook' })),
	);
	await expectRunByWorkers(example.context, executions.map((e) => e.id), 'webhook');
}

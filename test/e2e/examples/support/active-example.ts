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

/** An example workflow, imported with its own secret and active, that the simulator calls back. */
export class ActiveExample {
	private constructor(
		/** The webhook secret the example was imported with, in place of its placeholder. */
		readonly secret: string,
		readonly context: E2eContext,
		readonly client: N8nRestClient,
		readonly sim: SimControl,
		readonly workflow: ImportedExample,
		readonly trigger: WorkflowNode,
		private readonly callback: CallbackSlot,
	) {}

	/** Imports and activates `file`, and points the simulator's `callback` at its trigger `triggerName`. */
	static async activate(
		file: string,
		triggerName: string,
		callback: CallbackSlot,
	): Promise<ActiveExample> {
		const secret = `e2e-Secret-${uniqueTag()}`;
		const context = loadE2eContext();
		const client = ownerClient(context);
		const sim = new SimControl(context.simulatorUrl);
		const workflow = await importExample(client, context, file, { secret });
		const trigger = nodeNamed(workflow, triggerName);
		await activateAndWaitForTrigger(client, workflow, triggerWebhookPath(trigger));
		await sim.setCallbacks(
			callbackUrls(callback, triggerCallbackUrl(context.webhookUrl, trigger, secret)),
		);
		return new ActiveExample(secret, context, client, sim, workflow, trigger, callback);
	}

	/** Clears the simulator's callback URL and deactivates the example. */
	async deactivate(): Promise<void> {
		await this.sim.setCallbacks(callbackUrls(this.callback, null));
		await this.client.deactivateWorkflow(this.workflow.id);
	}

	/**
	 * The usual refusals (no token, a wrong one, one in the wrong case, each with `validBody`; then
	 * each `malformed` call with the right token), then one genuine call of `genuineBody` with the
	 * right token, all straight to the trigger's production URL.
	 */
	async refusalsThenGenuine(
		contentType: string,
		malformed: Array<Omit<WebhookCall, 'query'>>,
		validBody: string,
		genuineBody: string,
	): Promise<RefusalOutcome> {
		return await callRefusalsThenGenuine(
			this.client,
			this.workflow.id,
			triggerWebhookPath(this.trigger),
			refusalCalls(this.secret, malformed, contentType, validBody),
			{
				label: 'genuine',
				query: `?token=${encodeURIComponent(this.secret)}`,
				contentType,
				body: genuineBody,
			},
		);
	}

	/** The example's executions are `count` successful webhook executions, run where the stack runs them. */
	async expectSuccessfulWebhookExecutions(count: number): Promise<void> {
		const executions = await this.client.listExecutions({ workflowId: this.workflow.id });
		expect(executions.map((e) => ({ status: e.status, mode: e.mode }))).toEqual(
			Array.from({ length: count }, () => ({ status: 'success', mode: 'webhook' })),
		);
		await expectRunByWorkers(
			this.context,
			executions.map((e) => e.id),
			'webhook',
		);
	}
}

function callbackUrls(slot: CallbackSlot, url: string | null): CallbackUrls {
	return { [slot.gateway]: { [slot.kind]: url } } as CallbackUrls;
}

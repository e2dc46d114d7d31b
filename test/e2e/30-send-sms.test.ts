/**
 * Send SMS runs inside the real n8n: a Webhook node (responseMode lastNode) in front of it, one
 * POST, and the reply carries the node's output item; the simulator holds the message exactly
 * once, and n8n stored one successful webhook execution. In queue mode the call goes to the
 * webhook processor and a worker runs the execution (from n8n's own log lines).
 */
import type { N8nRestClient } from '../../tooling/n8n/rest-client';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { finishedExecutions } from '../../tooling/n8n/executions';
import { GATEWAY_SENDS, sendThroughWorkflow, type GatewaySend } from './support/send-sms';
import { SimControl } from '../../tooling/n8n/sim-control';
import { expectRunByWorkers } from './support/processes';

const digits = (phone: string) => phone.replace(/\D/g, '');

describe('Send SMS in a workflow of the real n8n', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	const workflowIds: string[] = [];

	beforeAll(() => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
	});

	afterAll(async () => {
		for (const id of workflowIds) await client.deactivateWorkflow(id);
	});

	it.each(GATEWAY_SENDS.map((spec) => [spec.gateway, spec] as const))(
		'sends one SMS through %s and answers with its result item',
		async (_gateway, spec: GatewaySend) => {
			const run = await sendThroughWorkflow(client, spec, context.credentials[spec.credentialKey]);
			workflowIds.push(run.workflowId);

			expect(run.reply.status).toBe(200);
			const items = JSON.parse(run.reply.body) as Array<Record<string, unknown>>;
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ gateway: spec.gateway, status: 'accepted', error: null });
			expect(digits(String(items[0].to))).toBe(digits(run.to));

			const stored = (await sim.messages({ gateway: spec.gateway })).filter(
				(m) => digits(m.to) === digits(run.to),
			);
			expect(stored).toHaveLength(1);
			expect(stored[0].text).toBe(run.message);
			if (items[0].messageId !== null) expect(stored[0].id).toBe(items[0].messageId);

			const executions = await finishedExecutions(client, run.workflowId, 1);
			expect(executions.map((e) => ({ status: e.status, mode: e.mode }))).toEqual([
				{ status: 'success', mode: 'webhook' },
			]);
			await expectRunByWorkers(
				context,
				executions.map((e) => e.id),
				'webhook',
			);
		},
	);
});

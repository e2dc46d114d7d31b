/**
 * The event fields issue 13 promoted from `raw`, in the real n8n, from the simulator's own
 * callbacks to the triggers' production URLs (version 2, token in the URL): Africa's Talking's
 * inbound `networkCode` and `cost` and a delivery report's `retryCount`, and SMSBox's inbound
 * `channel` and `billing`. DHIS2's `gatewayId` and `smsEncoding` are checked on the polled SMS in
 * inbound-polling.test.ts.
 */
import { randomUUID } from 'node:crypto';

import type {
	N8nRestClient,
	WorkflowDefinition,
	WorkflowNode,
} from '../../tooling/n8n/rest-client';
import { finishedExecution, finishedExecutions, nodeOutput } from '../../tooling/n8n/executions';
import { SimControl } from '../../tooling/n8n/sim-control';
import { PACKAGE_NAME, uniqueNumber, uniqueTag } from '../../tooling/n8n/workflows';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { expectRunByWorkers } from './support/processes';
import { GATEWAY_SENDS, sendThroughWorkflow } from './support/send-sms';
import { triggerCallbackUrl, triggerWebhookPath } from './examples/support/triggers';
import { activateAndWaitForTrigger } from './examples/support/webhook-calls';

type Json = Record<string, unknown>;
const TRIGGER = 'Trigger';

describe('promoted event fields in the real n8n', () => {
	const secret = `e2e-Fields-${uniqueTag()}`;
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	const workflowIds: string[] = [];

	/** Trigger (v2) → No Op, stored, activated and served; returns the URL for the simulator. */
	async function deployTrigger(
		type: string,
		gateway: string,
	): Promise<{ workflowId: string; url: string }> {
		const node: WorkflowNode = {
			id: randomUUID(),
			name: TRIGGER,
			type: `${PACKAGE_NAME}.${type}`,
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { gateway, authentication: 'token', secretToken: secret, options: {} },
		};
		const workflow: WorkflowDefinition = {
			name: `e2e fields ${type} ${gateway} ${uniqueTag()}`,
			nodes: [
				node,
				{
					id: randomUUID(),
					name: 'No Op',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [240, 0],
					parameters: {},
				},
			],
			connections: { [TRIGGER]: { main: [[{ node: 'No Op', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		const stored = await client.createWorkflow(workflow);
		workflowIds.push(stored.id);
		await activateAndWaitForTrigger(client, stored, triggerWebhookPath(node));
		return { workflowId: stored.id, url: triggerCallbackUrl(context.webhookUrl, node, secret) };
	}

	/** The one event the workflow's one execution got. */
	async function onlyEvent(workflowId: string): Promise<Json> {
		const executions = await finishedExecutions(client, workflowId, 1);
		expect(executions.map((e) => e.status)).toEqual(['success']);
		await expectRunByWorkers(
			context,
			executions.map((e) => e.id),
			'webhook',
		);
		const items = nodeOutput(await finishedExecution(client, executions[0].id), TRIGGER);
		expect(items).toHaveLength(1);
		return items[0];
	}

	beforeAll(() => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
	});

	afterAll(async () => {
		await sim.setCallbacks({
			africasTalking: { inbound: null, delivery: null },
			smsBox: { inbound: null },
		});
		for (const id of workflowIds) await client.deactivateWorkflow(id);
	});

	it("Africa's Talking inbound: networkCode and cost", async () => {
		const { workflowId, url } = await deployTrigger('inboundSmsTrigger', 'africasTalking');
		await sim.setCallbacks({ africasTalking: { inbound: url } });
		const from = uniqueNumber('+254711', 6);
		const { attempts } = await sim.inbound({
			gateway: 'africasTalking',
			from,
			text: 'NEWS',
			networkCode: '63902',
			cost: 'KES 1.0000',
		});
		expect(attempts?.map((a) => a.acknowledged)).toEqual([true]);
		expect(await onlyEvent(workflowId)).toMatchObject({
			eventType: 'inbound',
			from,
			networkCode: '63902',
			cost: 'KES 1.0000',
		});
	});

	it("Africa's Talking delivery report: retryCount as a number", async () => {
		const { workflowId, url } = await deployTrigger('smsDeliveryReportTrigger', 'africasTalking');
		await sim.setCallbacks({ africasTalking: { delivery: url } });
		const spec = GATEWAY_SENDS.find((s) => s.gateway === 'africasTalking')!;
		const sent = await sendThroughWorkflow(client, spec, context.credentials.africasTalking);
		workflowIds.push(sent.workflowId);
		const [result] = JSON.parse(sent.reply.body) as Json[];
		const { attempts } = await sim.deliver({
			ids: [String(result.messageId)],
			outcome: 'failed',
			failureReason: 'UserIsInactive',
			retryCount: 2,
		});
		expect(attempts?.map((a) => a.acknowledged)).toEqual([true]);
		expect(await onlyEvent(workflowId)).toMatchObject({
			eventType: 'deliveryReport',
			messageId: result.messageId,
			status: 'failed',
			failureReason: 'UserIsInactive',
			retryCount: 2,
		});
	});

	it('SMSBox inbound: channel and billing', async () => {
		const { workflowId, url } = await deployTrigger('inboundSmsTrigger', 'smsBox');
		await sim.setCallbacks({ smsBox: { inbound: url } });
		const from = uniqueNumber('+255701', 6);
		const { attempts } = await sim.inbound({ gateway: 'smsBox', from, text: 'Habari' });
		expect(attempts?.map((a) => a.acknowledged)).toEqual([true]);
		expect(await onlyEvent(workflowId)).toMatchObject({
			eventType: 'inbound',
			gateway: 'smsBox',
			channel: 'sms',
			billing: { currency: 'TZS', subscriberPrice: '0.00', billingPrice: '0.00' },
		});
	});
});

/**
 * What issue 13 added to Send SMS, in the real n8n against the simulator: Africa's Talking premium
 * replies with Retry Duration (Hours) and their Link IDs (two replies to one number with the same
 * text and different Link IDs in one run are two messages, a true repeat is not sent), and DHIS2's
 * RESULT_CODE texts (a refusal such as "insufficient credits" gives every recipient `rejected` with
 * an explanation, not `unknown`). Exclude Numbers and `suppressed` are proven end to end by
 * examples/stop-suppression.test.ts.
 */
import { randomUUID } from 'node:crypto';

import type { N8nRestClient, WorkflowDefinition } from '../../tooling/n8n/rest-client';
import { finishedExecutions } from '../../tooling/n8n/executions';
import { SimControl } from '../../tooling/n8n/sim-control';
import {
	deployActive,
	uniqueNumber,
	uniqueTag,
	webhookThen,
	type ActionNodeSpec,
} from '../../tooling/n8n/workflows';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { expectRunByWorkers } from './support/processes';

type Json = Record<string, unknown>;
const digits = (phone: string) => phone.replace(/\D/g, '');

/** Webhook → Split Out (one item per entry of the POSTed `items`) → the action node. */
function webhookSplitThen(path: string, action: ActionNodeSpec): WorkflowDefinition {
	const workflow = webhookThen(path, action);
	const actionName = action.name ?? 'Action';
	workflow.nodes.splice(1, 0, {
		id: randomUUID(),
		name: 'Split Out',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [120, 0],
		parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
	});
	workflow.connections = {
		Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
		'Split Out': { main: [[{ node: actionName, type: 'main', index: 0 }]] },
	};
	return workflow;
}

describe('Send SMS options of issue 13 in the real n8n', () => {
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

	async function run(path: string, workflow: WorkflowDefinition, body: Json): Promise<Json[]> {
		const stored = await deployActive(client, workflow);
		workflowIds.push(stored.id);
		const reply = await client.callWebhook(path, { body });
		expect(reply.status).toBe(200);
		const executions = await finishedExecutions(client, stored.id, 1);
		expect(executions.map((e) => e.status)).toEqual(['success']);
		await expectRunByWorkers(
			context,
			executions.map((e) => e.id),
			'webhook',
		);
		return JSON.parse(reply.body) as Json[];
	}

	it("sends premium replies with Retry Duration, one per Link ID, and not a true repeat (Africa's Talking)", async () => {
		const path = `e2e-premium-send-${uniqueTag()}`;
		const to = uniqueNumber('+254711', 6);
		const credential = context.credentials.africasTalking;
		const workflow = webhookSplitThen(path, {
			type: 'sendSms',
			name: 'Send SMS',
			parameters: {
				gateway: 'africasTalking',
				to,
				message: 'Thanks, we got it',
				from: '12345',
				options: { keyword: 'NEWS', linkId: '={{ $json.linkId }}', retryDurationInHours: 6 },
			},
			credentials: { africasTalkingApi: { id: credential.id, name: credential.name } },
		});
		const items = await run(path, workflow, {
			items: [{ linkId: 'link-1' }, { linkId: 'link-2' }, { linkId: 'link-1' }],
		});
		expect(items.map((i) => i.status)).toEqual(['accepted', 'accepted', 'invalid']);
		expect(items[2]).toMatchObject({ error: { code: 'DUPLICATE_RECIPIENT' } });
		const stored = (await sim.messages({ gateway: 'africasTalking' })).filter(
			(m) => digits(m.to) === digits(to),
		);
		expect(
			stored.map((m) => [m.linkId, m.keyword, m.premium, m.retryDurationInHours]).sort(),
		).toEqual([
			['link-1', 'NEWS', true, '6'],
			['link-2', 'NEWS', true, '6'],
		]);
	});

	describe("DHIS2's RESULT_CODE texts", () => {
		let savedOutcomes: unknown;

		beforeAll(async () => {
			savedOutcomes = (await sim.config()).outcomes;
		});

		afterAll(async () => {
			await sim.configure({ outcomes: savedOutcomes });
		});

		it('gives every recipient rejected, with the explanation, for "insufficient credits"', async () => {
			const path = `e2e-dhis2-result-code-${uniqueTag()}`;
			const refused = uniqueNumber('+254722', 6);
			const other = uniqueNumber('+254722', 6);
			await sim.configure({
				outcomes: {
					rules: [{ exact: refused, outcome: 'rejected', gatewayStatus: 'insufficient credits' }],
				},
			});
			const credential = context.credentials.dhis2;
			const workflow = webhookThen(path, {
				type: 'sendSms',
				name: 'Send SMS',
				parameters: {
					gateway: 'dhis2',
					to: '={{ $json.body.to }}',
					message: 'Vaccination day on Friday',
					options: {},
				},
				credentials: { dhis2Api: { id: credential.id, name: credential.name } },
			});
			const items = await run(path, workflow, { to: `${refused}, ${other}` });
			expect(items.map((i) => [digits(String(i.to)), i.status])).toEqual([
				[digits(refused), 'rejected'],
				[digits(other), 'rejected'],
			]);
			for (const item of items) {
				expect(item.error).toMatchObject({
					code: 'GATEWAY_FAILED',
					message: 'insufficient credits',
				});
				expect(String((item.error as Json).explanation)).toMatch(/enough credit.*RESULT_CODE_25/);
			}
		});
	});
});

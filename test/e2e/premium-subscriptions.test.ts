/**
 * Premium SMS Subscriptions (Africa's Talking) in the real n8n with the stored simulator
 * credential: Webhook → Premium SMS Subscriptions, one workflow per operation. Create takes a
 * checkout token and then subscribes; Get Many lists; Delete unsubscribes. After each, the
 * simulator's own subscriber list (read straight from its Africa's Talking API, not through n8n)
 * says what the node claims. A refusal (unknown short code, a number that is not subscribed)
 * fails the execution with n8n's error carrying the gateway's words and no secret, and changes
 * nothing in the simulator. In queue mode a worker runs each execution.
 */
import axios from 'axios';

import type { N8nRestClient } from '../../tooling/n8n/rest-client';
import {
	finishedExecution,
	finishedExecutions,
	type FinishedExecution,
} from '../../tooling/n8n/executions';
import { SimControl } from '../../tooling/n8n/sim-control';
import {
	simulatorBaseUrls,
	simulatorSecrets,
	type SimulatorAccountsForCredentials,
} from '../../tooling/n8n/simulator-credentials';
import { deployActive, uniqueNumber, uniqueTag, webhookThen } from '../../tooling/n8n/workflows';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { expectRunByWorkers } from './support/processes';

/** The simulator account's premium product (simulator/README.md, accounts). */
const PRODUCT = { shortCode: '12345', keyword: 'NEWS' };
const NODE = 'Premium SMS Subscriptions';
const TOKEN_REQUEST = 'POST /checkout/token/create';

type Operation = 'create' | 'getAll' | 'delete';
type Json = Record<string, unknown>;

describe("Premium SMS Subscriptions in the real n8n (Africa's Talking)", () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	let accounts: SimulatorAccountsForCredentials;
	const paths = {} as Record<Operation, string>;
	const workflowIds: string[] = [];
	const phoneNumber = uniqueNumber('+254711', 6);

	/** The subscribers of the simulator's product, from its Africa's Talking API (oldest first). */
	async function subscribersInSimulator(): Promise<string[]> {
		const reply = await axios.get(
			`${simulatorBaseUrls(context.simulatorUrl).africasTalking}/version1/subscription`,
			{
				params: { username: accounts.africasTalking.username, ...PRODUCT, lastReceivedId: 0 },
				headers: { apiKey: accounts.africasTalking.apiKey, Accept: 'application/json' },
				timeout: 10000,
			},
		);
		return (reply.data as { responses: Array<{ phoneNumber: string }> }).responses.map(
			(s) => s.phoneNumber,
		);
	}

	async function tokenRequests(): Promise<number> {
		return (await sim.stats()).requests.byGateway.africasTalking.byEndpoint[TOKEN_REQUEST] ?? 0;
	}

	/** Calls the operation's workflow; returns n8n's reply and the execution it stored. */
	async function call(
		operation: Operation,
		body: Json,
	): Promise<{ status: number; items: Json[]; execution: FinishedExecution }> {
		const workflowId =
			workflowIds[(['create', 'getAll', 'delete'] as Operation[]).indexOf(operation)];
		const before = (await client.listExecutions({ workflowId })).length;
		const reply = await client.callWebhook(paths[operation], { body });
		const executions = await finishedExecutions(client, workflowId, before + 1);
		const execution = await finishedExecution(client, executions[0].id);
		await expectRunByWorkers(context, [execution.id], 'webhook');
		const parsed = reply.status === 200 ? (JSON.parse(reply.body) as Json[]) : [];
		return { status: reply.status, items: parsed, execution };
	}

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
		accounts = await sim.accounts();
		const credential = context.credentials.africasTalking;
		const tag = uniqueTag();
		for (const operation of ['create', 'getAll', 'delete'] as Operation[]) {
			paths[operation] = `e2e-premium-${operation.toLowerCase()}-${tag}`;
			const workflow = await deployActive(
				client,
				webhookThen(paths[operation], {
					type: 'premiumSubscriptions',
					name: NODE,
					parameters: {
						resource: 'subscription',
						operation,
						shortCode: '={{ $json.body.shortCode }}',
						keyword: '={{ $json.body.keyword }}',
						...(operation === 'getAll'
							? { returnAll: true }
							: { phoneNumber: '={{ $json.body.phoneNumber }}' }),
					},
					credentials: { africasTalkingApi: { id: credential.id, name: credential.name } },
				}),
			);
			workflowIds.push(workflow.id);
		}
	});

	afterAll(async () => {
		for (const id of workflowIds) await client.deactivateWorkflow(id);
	});

	it('creates a subscription with a checkout token first, and the simulator holds it', async () => {
		const tokensBefore = await tokenRequests();
		const { status, items, execution } = await call('create', { ...PRODUCT, phoneNumber });
		expect({ status, execution: execution.status }).toEqual({ status: 200, execution: 'success' });
		expect(items).toEqual([
			{
				gateway: 'africasTalking',
				operation: 'create',
				...PRODUCT,
				phoneNumber,
				status: 'Success',
				description: 'Waiting for user input',
			},
		]);
		expect((await tokenRequests()) - tokensBefore).toBe(1);
		expect((await subscribersInSimulator()).filter((n) => n === phoneNumber)).toEqual([
			phoneNumber,
		]);
	});

	it('lists the subscribers, the new one among them, as the simulator holds them', async () => {
		const { status, items } = await call('getAll', PRODUCT);
		expect(status).toBe(200);
		expect(items.map((s) => s.phoneNumber)).toEqual(await subscribersInSimulator());
		expect(items.find((s) => s.phoneNumber === phoneNumber)).toEqual({
			gateway: 'africasTalking',
			id: expect.stringMatching(/^\d+$/),
			phoneNumber,
			date: expect.any(String),
			...PRODUCT,
		});
	});

	it('deletes the subscription, and the simulator no longer holds it', async () => {
		const { status, items } = await call('delete', { ...PRODUCT, phoneNumber });
		expect(status).toBe(200);
		expect(items).toEqual([
			{
				gateway: 'africasTalking',
				operation: 'delete',
				...PRODUCT,
				phoneNumber,
				status: 'Success',
				description: 'Succeeded',
			},
		]);
		expect(await subscribersInSimulator()).not.toContain(phoneNumber);
	});

	it.each([
		[
			'create',
			'an unknown short code',
			{ shortCode: '99999', keyword: PRODUCT.keyword },
			'Invalid shortCode or keyword',
		],
		['delete', 'a number that is not subscribed', PRODUCT, 'Subscription not found'],
	] as const)(
		"%s with %s fails with the gateway's message, no secret, and nothing changed",
		async (operation, _case, product, gatewayMessage) => {
			const before = await subscribersInSimulator();
			const { status, execution } = await call(operation, { ...product, phoneNumber });
			expect(status).toBe(500);
			expect(execution.status).toBe('error');
			expect(execution.error).toMatchObject({ message: gatewayMessage, node: { name: NODE } });
			const nodeRun = execution.runData[NODE]?.[0];
			expect(nodeRun?.error?.message).toBe(gatewayMessage);
			const stored = JSON.stringify(await client.getExecution(execution.id));
			expect(simulatorSecrets(accounts).filter((secret) => stored.includes(secret))).toEqual([]);
			expect(await subscribersInSimulator()).toEqual(before);
		},
	);
});

/**
 * The DHIS2 SMS node's Inbound SMS and Outbound SMS resources (get many, delete) in the real n8n
 * with the stored DHIS2 credential, against the simulator's DHIS2: an SMS arrives (inbound) or is
 * sent with Send SMS (outbound), the node lists it with a filter, deletes it, and DHIS2's own list
 * (read past n8n) no longer holds it. Inbound create runs end to end in
 * examples/inbound-to-dhis2.test.ts.
 */
import axios from 'axios';

import type { N8nRestClient } from '../../tooling/n8n/rest-client';
import { SimControl } from '../../tooling/n8n/sim-control';
import {
	simulatorBaseUrls,
	type SimulatorAccountsForCredentials,
} from '../../tooling/n8n/simulator-credentials';
import { deployActive, uniqueTag, webhookThen } from '../../tooling/n8n/workflows';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { GATEWAY_SENDS, sendThroughWorkflow } from './support/send-sms';

type Json = Record<string, unknown>;
/** DHIS2 takes SMS only from its users' numbers: the simulator's admin has this one. */
const USER_NUMBER = '+4740000000';

describe('DHIS2 SMS: stored inbound and outbound SMS in the real n8n', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	let accounts: SimulatorAccountsForCredentials;
	const workflowIds: string[] = [];

	/** DHIS2's own list of `kind` (`inbound` or `outbound`), every field, read past n8n. */
	async function storedInDhis2(kind: 'inbound' | 'outbound'): Promise<Json[]> {
		const reply = await axios.get(
			`${simulatorBaseUrls(context.simulatorUrl).dhis2}/api/sms/${kind}`,
			{
				params: { fields: '*', paging: 'false' },
				auth: { username: accounts.dhis2.username, password: accounts.dhis2.password },
				timeout: 10000,
			},
		);
		return (reply.data as Record<string, Json[]>)[
			kind === 'inbound' ? 'inboundsmss' : 'outboundsmss'
		];
	}

	/** Deploys Webhook → DHIS2 SMS with these parameters and calls it once; the node's items. */
	async function runDhis2Node(
		resource: string,
		operation: string,
		parameters: Json,
		body: Json = {},
	): Promise<Json[]> {
		const path = `e2e-dhis2-${resource.toLowerCase()}-${operation.toLowerCase()}-${uniqueTag()}`;
		const credential = context.credentials.dhis2;
		const workflow = await deployActive(
			client,
			webhookThen(path, {
				type: 'dhis2SmsGateways',
				name: 'DHIS2 SMS',
				parameters: { resource, operation, ...parameters },
				credentials: { dhis2Api: { id: credential.id, name: credential.name } },
			}),
		);
		workflowIds.push(workflow.id);
		const reply = await client.callWebhook(path, { body });
		expect({ status: reply.status, body: reply.status === 200 ? '' : reply.body }).toEqual({
			status: 200,
			body: '',
		});
		return JSON.parse(reply.body) as Json[];
	}

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
		accounts = await sim.accounts();
	});

	afterAll(async () => {
		for (const id of workflowIds) await client.deactivateWorkflow(id);
	});

	it('lists an incoming SMS with a filter, deletes it, and DHIS2 no longer holds it', async () => {
		const text = `VISIT ${uniqueTag()}`;
		await sim.inbound({ gateway: 'dhis2', from: USER_NUMBER, text });
		const listed = await runDhis2Node('inboundSms', 'getAll', {
			returnAll: true,
			filters: { textContains: text },
		});
		expect(listed).toEqual([
			expect.objectContaining({ text, originator: USER_NUMBER, id: expect.any(String) }),
		]);
		const id = String(listed[0].id);
		expect((await storedInDhis2('inbound')).map((s) => s.id)).toContain(id);

		const deleted = await runDhis2Node(
			'inboundSms',
			'delete',
			{ smsId: '={{ $json.body.id }}' },
			{ id },
		);
		expect(deleted).toEqual([{ id, message: `IncomingSms with ${id} deleted`, deleted: true }]);
		expect((await storedInDhis2('inbound')).map((s) => s.id)).not.toContain(id);
	});

	it('lists an SMS Send SMS sent through DHIS2, deletes it, and DHIS2 no longer holds it', async () => {
		const spec = GATEWAY_SENDS.find((s) => s.gateway === 'dhis2')!;
		const sent = await sendThroughWorkflow(client, spec, context.credentials.dhis2);
		workflowIds.push(sent.workflowId);
		expect(sent.reply.status).toBe(200);
		const listed = await runDhis2Node('outboundSms', 'getAll', {
			returnAll: true,
			filters: { messageContains: sent.message },
		});
		expect(listed).toEqual([
			expect.objectContaining({
				message: sent.message,
				recipients: [sent.to.replace(/^\+/, '')],
				status: 'SENT',
			}),
		]);
		const id = String(listed[0].id);

		const deleted = await runDhis2Node(
			'outboundSms',
			'delete',
			{ smsId: '={{ $json.body.id }}' },
			{ id },
		);
		expect(deleted).toEqual([{ id, message: `OutboundSms with ${id} deleted`, deleted: true }]);
		expect((await storedInDhis2('outbound')).map((s) => s.id)).not.toContain(id);
	});
});

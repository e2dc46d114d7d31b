/**
 * Workflows saved before the one-gateway nodes hid their Gateway choice keep working: each node is
 * run as n8n stores it in a workflow's JSON (package node type, credential reference by type), once
 * with the `gateway` value an older editor stored and once without it (as n8n stores a parameter
 * left at its default), inside n8n's engine against the simulator. n8n's engine refuses a
 * credential whose `displayOptions` do not match the node's parameters, so a run that answers
 * proves the stored credential still resolves.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { runBuiltNode } from '../../harness/engine';
import { send } from '../../fixtures/send-sms';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();

/** One node of a saved workflow, as n8n exports it (credential ids and names are n8n's own). */
function savedNode(json: string): INode {
	const workflow = JSON.parse(json) as { nodes: INode[] };
	return workflow.nodes[0];
}

/** The node with its stored `gateway` value removed, as n8n saves a parameter at its default. */
function withoutGateway(node: INode): INode {
	const { gateway: _stored, ...parameters } = node.parameters;
	return { ...node, parameters };
}

const MANAGE_SENDER_NAMES = `{"nodes":[{"parameters":{"gateway":"smsBox","resource":"senderName","operation":"getAll","returnAll":true,"filters":{}},
	"id":"8b0e6a52-2f7e-4a59-9d1c-5d8f3b1c0a01","name":"Manage Sender Names","type":"n8n-nodes-sms-gateways.manageSenderNames",
	"typeVersion":1,"position":[240,300],"credentials":{"smsBoxApi":{"id":"Kq3LzN9hX2pWmA7e","name":"SMSBox account"}}}]}`;

const CHANGE_SCHEDULED_SMS = `{"nodes":[{"parameters":{"gateway":"smsBox","resource":"scheduledMessage","operation":"suspend","messageId":"={{ $json.messageId }}"},
	"id":"8b0e6a52-2f7e-4a59-9d1c-5d8f3b1c0a02","name":"Change Scheduled SMS","type":"n8n-nodes-sms-gateways.changeScheduledSms",
	"typeVersion":1,"position":[240,300],"credentials":{"smsBoxApi":{"id":"Kq3LzN9hX2pWmA7e","name":"SMSBox account"}}}]}`;

const DHIS2_SMS = `{"nodes":[{"parameters":{"gateway":"dhis2","resource":"smsGateway","operation":"getAll"},
	"id":"8b0e6a52-2f7e-4a59-9d1c-5d8f3b1c0a03","name":"DHIS2 SMS Gateways","type":"n8n-nodes-sms-gateways.dhis2SmsGateways",
	"typeVersion":1,"position":[240,300],"credentials":{"dhis2Api":{"id":"Vb8TfR1cY6uQoP3s","name":"DHIS2 account"}}}]}`;

const PREMIUM_SUBSCRIPTIONS = `{"nodes":[{"parameters":{"gateway":"africasTalking","resource":"subscription","operation":"getAll","shortCode":"12345","keyword":"NEWS","returnAll":true,"options":{}},
	"id":"8b0e6a52-2f7e-4a59-9d1c-5d8f3b1c0a04","name":"Premium SMS Subscriptions","type":"n8n-nodes-sms-gateways.premiumSubscriptions",
	"typeVersion":1,"position":[240,300],"credentials":{"africasTalkingApi":{"id":"Zx4GhJ7kL0mNbV2c","name":"Africa's Talking account"}}}]}`;

const forms = [
	['with the stored gateway', (node: INode) => node],
	['without a stored gateway', withoutGateway],
] as const;

async function run(node: INode, items?: IDataObject[]) {
	const result = await runBuiltNode(node, { credentials: fx.get().credentials, items });
	expect(result.error).toBeUndefined();
	expect(result.run.status).toBe('success');
	return result;
}

describe.each(forms)('a saved workflow %s', (_form, saved) => {
	it('Manage Sender Names lists the SMSBox sender names', async () => {
		fx.get().sim.configure({ senderNames: { CLINIC: 'pending' } });
		const { json } = await run(saved(savedNode(MANAGE_SENDER_NAMES)));
		expect(json.map((j) => [j.gateway, j.name, j.status])).toEqual([
			['smsBox', 'SMSBOX', 'approved'],
			['smsBox', 'CLINIC', 'pending'],
		]);
	});

	it('Change Scheduled SMS suspends a scheduled SMSBox message', async () => {
		const at = new Date(Date.now() + 3 * 3_600_000);
		at.setUTCSeconds(0, 0);
		const sent = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001',
			message: 'Clinic tomorrow',
			options: { scheduleTime: at.toISOString() },
		});
		const messageId = sent.json[0].messageId as string;
		const { json } = await run(saved(savedNode(CHANGE_SCHEDULED_SMS)), [{ messageId }]);
		expect(json[0]).toMatchObject({ gateway: 'smsBox', operation: 'suspend', messageId });
		expect(fx.get().sim.messages({ gateway: 'smsBox', id: messageId })[0].status).toBe('suspended');
	});

	it("DHIS2 SMS lists the server's SMS gateways", async () => {
		const { json } = await run(saved(savedNode(DHIS2_SMS)));
		expect(json.length).toBeGreaterThan(0);
		expect(json.filter((g) => g.isDefault === true)).toHaveLength(1);
	});

	it('Premium SMS Subscriptions lists the subscribers', async () => {
		const product = { shortCode: '12345', keyword: 'NEWS' };
		await fx.get().sim.optOut({
			gateway: 'africasTalking',
			phoneNumber: '+254711000301',
			updateType: 'addition',
			...product,
		});
		const { json } = await run(saved(savedNode(PREMIUM_SUBSCRIPTIONS)));
		expect(json.map((j) => [j.gateway, j.phoneNumber])).toEqual([
			['africasTalking', '+254711000301'],
		]);
	});
});

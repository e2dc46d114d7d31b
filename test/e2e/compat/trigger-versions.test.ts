/**
 * Both versions (1 and 2) of the three triggers register their production URL and answer in the
 * n8n this run uses, so that workflows saved with either version keep working on every tested
 * n8n (the compatibility runs in particular: n8n before 2.41 has no native webhook-path resolver
 * and evaluates the path template instead). For each trigger and version: a call without the
 * secret is refused with 401 and starts nothing; a genuine callback with the secret is answered
 * 200 with the exact acknowledgement its gateway expects and starts exactly one execution that
 * succeeds: Africa's Talking for all three triggers ("OK"), plus a Gupshup failure event to the
 * Delivery Report Trigger (empty body) and an SMSBox STOP reply to the Opt-Out Trigger
 * (`{"transaction_id":…,"successful":true}`).
 */
import { randomUUID } from 'node:crypto';

import { finishedExecutions } from '../../../tooling/n8n/executions';
import type { N8nRestClient, WorkflowDefinition } from '../../../tooling/n8n/rest-client';
import { PACKAGE_NAME, uniqueTag } from '../../../tooling/n8n/workflows';
import { AT, gupshupEvent, SMSBOX_CALLBACK } from '../../fixtures/seed-payloads';
import { loadE2eContext, ownerClient } from '../support/context';

const JSON_TYPE = 'application/json';
const SMSBOX_STOP = SMSBOX_CALLBACK.replace('"Test message"', '"STOP"');

const TRIGGERS = [
	{
		type: 'inboundSmsTrigger',
		gateway: 'africasTalking',
		path: 'inbound',
		body: AT.twoWay,
		contentType: AT.contentType,
		ack: 'OK',
	},
	{
		type: 'smsDeliveryReportTrigger',
		gateway: 'africasTalking',
		path: 'delivery-report',
		body: AT.deliveryReport,
		contentType: AT.contentType,
		ack: 'OK',
	},
	{
		type: 'smsOptOutTrigger',
		gateway: 'africasTalking',
		path: 'opt-out',
		body: AT.optOut,
		contentType: AT.contentType,
		ack: 'OK',
	},
	{
		type: 'smsDeliveryReportTrigger',
		gateway: 'gupshup',
		path: 'delivery-report',
		body: gupshupEvent('failed'),
		contentType: JSON_TYPE,
		ack: '',
	},
	{
		type: 'smsOptOutTrigger',
		gateway: 'smsBox',
		path: 'opt-out',
		body: SMSBOX_STOP,
		contentType: JSON_TYPE,
		ack: `{"transaction_id":${JSON.stringify(String(JSON.parse(SMSBOX_STOP).transaction_id))},"successful":true}`,
	},
] as const;
const VERSIONS = [1, 2] as const;

interface Outcome {
	withoutSecret: { status: number };
	genuine: { status: number; body: string };
	executions: Array<{ status: string; mode: string }>;
}

function triggerWorkflow(
	trigger: (typeof TRIGGERS)[number],
	typeVersion: number,
	webhookId: string,
	secret: string,
): WorkflowDefinition {
	const { type, gateway } = trigger;
	return {
		name: `e2e trigger versions: ${type} ${gateway} v${typeVersion} ${uniqueTag()}`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Trigger',
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters: { gateway, authentication: 'token', secretToken: secret, options: {} },
			},
			{
				id: randomUUID(),
				name: 'No Op',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { Trigger: { main: [[{ node: 'No Op', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function label(trigger: (typeof TRIGGERS)[number], version: number): string {
	return `${trigger.type} (${trigger.gateway}) v${version}`;
}

describe('trigger versions 1 and 2 in this n8n', () => {
	let client: N8nRestClient;
	const workflowIds: string[] = [];
	const outcomes = new Map<string, Outcome>();

	beforeAll(async () => {
		client = ownerClient(loadE2eContext());
		for (const trigger of TRIGGERS) {
			for (const version of VERSIONS) {
				const secret = `e2e-Versions-${uniqueTag()}`;
				const webhookId = randomUUID();
				const stored = await client.createWorkflow(
					triggerWorkflow(trigger, version, webhookId, secret),
				);
				workflowIds.push(stored.id);
				await client.activateWorkflow(stored);
				const webhookPath = `${webhookId}/${trigger.path}`;
				const headers = { 'content-type': trigger.contentType };
				// Waits (bounded) for n8n to register the URL; without the secret it must refuse.
				const withoutSecret = await client.callWebhook(webhookPath, {
					body: trigger.body,
					headers,
					registrationTimeoutMs: 15_000,
				});
				const genuine = await client.callWebhook(
					`${webhookPath}?token=${encodeURIComponent(secret)}`,
					{
						body: trigger.body,
						headers,
						registrationTimeoutMs: 0,
					},
				);
				const executions = await finishedExecutions(client, stored.id, 1);
				outcomes.set(label(trigger, version), {
					withoutSecret: { status: withoutSecret.status },
					genuine: { status: genuine.status, body: genuine.body },
					executions: executions.map((e) => ({ status: e.status, mode: e.mode })),
				});
			}
		}
	});

	afterAll(async () => {
		for (const id of workflowIds) await client.deactivateWorkflow(id);
	});

	it.each(TRIGGERS.flatMap((t) => VERSIONS.map((v) => [label(t, v), t.ack] as const)))(
		'%s registers, refuses a call without the secret, acknowledges the genuine callback exactly and runs once',
		(name, ack) => {
			expect(outcomes.get(name)).toEqual({
				withoutSecret: { status: 401 },
				genuine: { status: 200, body: ack },
				executions: [{ status: 'success', mode: 'webhook' }],
			});
		},
	);
});

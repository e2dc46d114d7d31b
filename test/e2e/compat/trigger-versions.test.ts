/**
 * Both versions (1 and 2) of the three triggers register their production URL and answer in the
 * n8n this run uses, so that workflows saved with either version keep working on every tested
 * n8n (the compatibility runs in particular: n8n before 2.41 has no native webhook-path resolver
 * and evaluates the path template instead). For each trigger and version: a call without the
 * secret is refused with 401 and starts nothing; an Africa's Talking callback with the secret is
 * answered 200 "OK" and starts exactly one execution that succeeds.
 */
import { randomUUID } from 'node:crypto';

import { finishedExecutions } from '../../../tooling/n8n/executions';
import type { N8nRestClient, WorkflowDefinition } from '../../../tooling/n8n/rest-client';
import { PACKAGE_NAME, uniqueTag } from '../../../tooling/n8n/workflows';
import { AT } from '../../fixtures/seed-payloads';
import { loadE2eContext, ownerClient } from '../support/context';

const TRIGGERS = [
	{ type: 'inboundSmsTrigger', path: 'inbound', body: AT.twoWay },
	{ type: 'smsDeliveryReportTrigger', path: 'delivery-report', body: AT.deliveryReport },
	{ type: 'smsOptOutTrigger', path: 'opt-out', body: AT.optOut },
] as const;
const VERSIONS = [1, 2] as const;

interface Outcome {
	withoutSecret: { status: number };
	genuine: { status: number; body: string };
	executions: Array<{ status: string; mode: string }>;
}

function triggerWorkflow(type: string, typeVersion: number, webhookId: string, secret: string): WorkflowDefinition {
	return {
		name: `e2e trigger versions: ${type} v${typeVersion} ${uniqueTag()}`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Trigger',
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters: { gateway: 'africasTalking', authentication: 'token', secretToken: secret, options: {} },
			},
			{ id: randomUUID(), name: 'No Op', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'No Op', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
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
				const stored = await client.createWorkflow(triggerWorkflow(trigger.type, version, webhookId, secret));
				workflowIds.push(stored.id);
				await client.activateWorkflow(stored);
				const webhookPath = `${webhookId}/${trigger.path}`;
				const headers = { 'content-type': AT.contentType };
				// Waits (bounded) for n8n to register the URL; without the secret it must refuse.
				const withoutSecret = await client.callWebhook(webhookPath, { body: trigger.body, headers, registrationTimeoutMs: 15_000 });
				const genuine = await client.callWebhook(`${webhookPath}?token=${encodeURIComponent(secret)}`, {
					body: trigger.body,
					headers,
					registrationTimeoutMs: 0,
				});
				const executions = await finishedExecutions(client, stored.id, 1);
				outcomes.set(`${trigger.type} v${version}`, {
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

	it.each(TRIGGERS.flatMap((t) => VERSIONS.map((v) => [`${t.type} v${v}`] as const)))(
		'%s registers, refuses a call without the secret and runs once for the genuine callback',
		(label) => {
			expect(outcomes.get(label)).toEqual({
				withoutSecret: { status: 401 },
				genuine: { status: 200, body: 'OK' },
				executions: [{ status: 'success', mode: 'webhook' }],
			});
		},
	);
});

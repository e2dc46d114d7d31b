/**
 * Queue mode at campaign size: Send SMS sends one Africa's Talking campaign of 1,000 recipients
 * (called on the webhook processor, run by a worker); the simulator then delivers every message
 * and posts each delivery report to an SMS Delivery Report Trigger's production URL on the
 * webhook processor. Every report is acknowledged with Africa's Talking's exact `OK`, starts
 * exactly one execution, run by one of the two workers, and the reports' message IDs are exactly
 * the IDs Send SMS returned: none lost, none twice, none foreign.
 */
import { randomInt, randomUUID } from 'node:crypto';

import {
	executionCounts,
	finishedExecution,
	finishedExecutions,
	nodeOutput,
} from '../../../tooling/n8n/executions';
import type { N8nRestClient, WorkflowNode } from '../../../tooling/n8n/rest-client';
import { SimControl, type CallbackAttempt } from '../../../tooling/n8n/sim-control';
import { waitFor } from '../../../tooling/n8n/wait-for';
import { deployActive, PACKAGE_NAME, uniqueTag, webhookThen } from '../../../tooling/n8n/workflows';
import { triggerCallbackUrl, triggerWebhookPath } from '../examples/support/triggers';
import { activateAndWaitForTrigger } from '../examples/support/webhook-calls';
import { loadE2eContext, ownerClient, type E2eContext } from '../support/context';
import { expectRunByWorkers, type ExecutionPlacement } from '../support/processes';

const RECIPIENTS = 1000;
/**
 * Reports are asked for ten at a time, each slice once the previous one was answered: at most ten
 * callbacks in flight. Posted 64 at a time (the simulator's own limit), one webhook processor on
 * this shared 2-core machine fell behind, callbacks timed out after 5 s and the backlog grew
 * until almost none was answered in time (docs/queue-mode.md, "Measured here").
 */
const DELIVER_SLICE = 10;
const TRIGGER_NAME = 'Delivery report';

/** 1,000 distinct Kenyan mobile numbers (+254 713 rr nnnn), none ending in 0000 (the simulator's failure rule). */
function campaignNumbers(): string[] {
	const block = String(randomInt(10, 100));
	return Array.from(
		{ length: RECIPIENTS },
		(_, i) => `+254713${block}${String(i + 1).padStart(4, '0')}`,
	);
}

describe('queue mode: a 1,000-recipient campaign and its delivery reports', () => {
	const secret = `e2e-Secret-${uniqueTag()}`;
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	const workflowIds: string[] = [];
	let reportWorkflowId: string;
	let sendExecutionId: string;
	let sent: Array<{ to: string; messageId: string; status: string }>;
	let attempts: CallbackAttempt[];
	let reportExecutionIds: string[];

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);

		// The delivery-report workflow: one trigger, final statuses only (one report per message).
		const trigger: WorkflowNode = {
			id: randomUUID(),
			name: TRIGGER_NAME,
			type: `${PACKAGE_NAME}.smsDeliveryReportTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: {
				gateway: 'africasTalking',
				authentication: 'token',
				secretToken: secret,
				statusFilter: 'final',
				options: {},
			},
		};
		const reports = await client.createWorkflow({
			name: `e2e queue reports ${uniqueTag()}`,
			nodes: [trigger],
			connections: {},
		});
		reportWorkflowId = reports.id;
		workflowIds.push(reports.id);
		await activateAndWaitForTrigger(client, reports, triggerWebhookPath(trigger));
		await sim.setCallbacks({
			africasTalking: { delivery: triggerCallbackUrl(context.webhookUrl, trigger, secret) },
		});

		// The campaign: Webhook → Send SMS with the 1,000 numbers in one item.
		const path = `e2e-queue-campaign-${uniqueTag()}`;
		const sender = await deployActive(
			client,
			webhookThen(path, {
				type: 'sendSms',
				name: 'Send SMS',
				parameters: {
					gateway: 'africasTalking',
					to: '={{ $json.body.to }}',
					message: 'Clinic day is Thursday',
					options: {},
				},
				credentials: {
					africasTalkingApi: {
						id: context.credentials.africasTalking.id,
						name: context.credentials.africasTalking.name,
					},
				},
			}),
		);
		workflowIds.push(sender.id);
		const reply = await client.callWebhook(path, { body: { to: campaignNumbers().join(', ') } });
		expect(reply.status).toBe(200);
		sent = JSON.parse(reply.body) as typeof sent;
		[{ id: sendExecutionId }] = await finishedExecutions(client, sender.id, 1);

		const ids = sent.map((s) => s.messageId);
		for (let start = 0; start < ids.length; start += DELIVER_SLICE) {
			await sim.deliver(
				{ ids: ids.slice(start, start + DELIVER_SLICE), outcome: 'delivered' },
				120_000,
			);
		}
		const ours = new Set(ids);
		attempts = (await sim.callbacks({ gateway: 'africasTalking', kind: 'delivery' })).filter((a) =>
			ours.has(String(a.messageId)),
		);
		await waitFor(
			`${RECIPIENTS} finished delivery-report executions`,
			async () => {
				const counts = await executionCounts(client, reportWorkflowId);
				return counts.finished >= RECIPIENTS ? counts : undefined;
			},
			{ timeoutMs: 300_000, intervalMs: 2000 },
		);
		reportExecutionIds = (await client.listAllExecutions({ workflowId: reportWorkflowId })).map(
			(e) => e.id,
		);
	}, 900_000);

	afterAll(async () => {
		await sim.setCallbacks({ africasTalking: { delivery: null } });
		for (const id of workflowIds) await client.deactivateWorkflow(id);
	});

	it('sends every recipient once, on a worker (the call went to the webhook processor)', async () => {
		expect(sent).toHaveLength(RECIPIENTS);
		expect(sent.filter((s) => s.status !== 'accepted')).toEqual([]);
		expect(new Set(sent.map((s) => s.messageId)).size).toBe(RECIPIENTS);
		await expectRunByWorkers(context, [sendExecutionId], 'webhook');
	});

	it("acknowledges every delivery report with Africa's Talking's exact 200 OK", () => {
		const finals = attempts.filter((a) => a.final);
		expect(new Set(finals.map((a) => a.messageId)).size).toBe(RECIPIENTS);
		const answers = new Map<string, number>();
		for (const a of finals) {
			const key = `${a.status} ${JSON.stringify(a.responseBody)} ${a.acknowledged}`;
			answers.set(key, (answers.get(key) ?? 0) + 1);
		}
		expect(Object.fromEntries(answers)).toEqual({ '200 "OK" true': RECIPIENTS });
		const retried = attempts.filter((a) => a.attempt > 1).length;
		process.stdout.write(
			`[e2e queue] ${attempts.length} callback attempts for ${RECIPIENTS} reports (${retried} retries)\n`,
		);
	});

	it('starts one successful webhook execution per callback attempt that reached n8n, each run by one of the workers', async () => {
		// A report the simulator posted once has one execution; one it posted again (its earlier attempt
		// timed out on a loaded machine, after n8n may already have queued it) has at most one per attempt:
		// the duplicate the docs describe (docs/queue-mode.md#faults), recognisable by its eventId.
		expect(reportExecutionIds.length).toBeGreaterThanOrEqual(RECIPIENTS);
		expect(reportExecutionIds.length).toBeLessThanOrEqual(attempts.length);
		const found: ExecutionPlacement[] = await expectRunByWorkers(
			context,
			reportExecutionIds,
			'webhook',
		);
		const perWorker: Record<string, number> = {};
		for (const placement of found)
			perWorker[placement.startedBy[0]] = (perWorker[placement.startedBy[0]] ?? 0) + 1;
		process.stdout.write(
			`[e2e queue] report executions per worker: ${JSON.stringify(perWorker)}\n`,
		);
		// Both workers took jobs from the queue.
		expect(Object.keys(perWorker).sort()).toEqual(
			context.processes
				.filter((p) => p.role === 'worker')
				.map((p) => p.name)
				.sort(),
		);
	});

	it('carries exactly the message IDs Send SMS returned: once each, or at most once per attempt for a re-posted report', async () => {
		const reported: string[] = [];
		const statuses = new Set<string>();
		for (const id of reportExecutionIds) {
			const execution = await finishedExecution(client, id);
			statuses.add(`${execution.status} ${execution.mode}`);
			for (const item of nodeOutput(execution, TRIGGER_NAME)) reported.push(String(item.messageId));
		}
		expect([...statuses]).toEqual(['success webhook']);
		expect([...new Set(reported)].sort()).toEqual(sent.map((s) => s.messageId).sort());
		const attemptsPerReport = countBy(attempts.map((a) => String(a.messageId)));
		const beyondAttempts = [...countBy(reported)].filter(
			([id, runs]) => runs > 1 && runs > (attemptsPerReport.get(id) ?? 0),
		);
		const twiceAfterOneAttempt = [...countBy(reported)].filter(
			([id, runs]) => runs > 1 && attemptsPerReport.get(id) === 1,
		);
		expect({ beyondAttempts, twiceAfterOneAttempt }).toEqual({
			beyondAttempts: [],
			twiceAfterOneAttempt: [],
		});
	});
});

/** How many times each value occurs. */
function countBy(values: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}

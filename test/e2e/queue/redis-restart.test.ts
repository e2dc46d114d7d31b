/**
 * Queue mode, Redis restarted in the middle of a campaign (issue 12's fault, measured at 5,000
 * recipients by bench/queue/redis-restart.ts): one Send SMS execution sends a Gupshup campaign on a
 * worker, the simulator answering each request after 40 ms so the run lasts; part-way, Redis is
 * killed (SIGKILL; the cluster's Redis keeps nothing on disk, so it comes back empty) and started
 * again on the same port two seconds later. The campaign execution still finishes successfully,
 * every recipient holds the SMS exactly once, and a new Send SMS execution started after the
 * restart runs on a worker and sends once: the cluster reconnected by itself.
 */
import { randomInt } from 'node:crypto';

import { finishedExecution } from '../../../tooling/n8n/executions';
import type { N8nRestClient } from '../../../tooling/n8n/rest-client';
import { SimControl } from '../../../tooling/n8n/sim-control';
import {
	countRecipients,
	waitForSent,
	type RecipientCount,
} from '../../../tooling/n8n/sim-recipients';
import { waitFor } from '../../../tooling/n8n/wait-for';
import { deployActive, gupshupCampaignWorkflow, uniqueTag } from '../../../tooling/n8n/workflows';
import { loadE2eContext, ownerClient, type E2eContext } from '../support/context';
import { restartRedis } from '../support/fault-control';
import { expectRunByWorkers } from '../support/processes';

const RECIPIENTS = 600;
const RESTART_AFTER = 150;
const LATENCY_MS = 40;

/** `count` distinct Brazilian mobile numbers in a block of their own (+55 11 94 bbb nnnn). */
function numbers(count: number): string[] {
	const block = String(randomInt(100, 1000));
	return Array.from(
		{ length: count },
		(_, i) => `+551194${block}${String(i + 1).padStart(4, '0')}`,
	);
}

describe('queue mode: Redis restarted in the middle of a campaign', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	const workflowIds: string[] = [];
	let campaignExecutionId: string;
	let campaignStatus: string;
	let campaign: RecipientCount;
	let sentAtRestart: number;
	let afterRestart: {
		status: number;
		executionId: string;
		executionStatus: string;
		count: RecipientCount;
	};

	beforeAll(async () => {
		context = loadE2eContext();
		if (!context.faultControl)
			throw new Error(
				'no fault control in the e2e context: run with test/e2e/jest.queue.config.js',
			);
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
		await sim.configure({ latency: { fixedMs: LATENCY_MS, jitterMs: 0 } });

		const hookPath = `e2e-redis-restart-${uniqueTag()}`;
		const workflow = await deployActive(
			client,
			gupshupCampaignWorkflow(hookPath, context.credentials.gupshup),
		);
		workflowIds.push(workflow.id);
		const recipients = numbers(RECIPIENTS);
		const reply = await client.callWebhook(hookPath, { body: { to: recipients.join(', ') } });
		expect(reply.status).toBe(200);
		campaignExecutionId = (
			await waitFor(
				'the campaign execution',
				async () => (await client.listExecutions({ workflowId: workflow.id }))[0],
				{ timeoutMs: 60000 },
			)
		).id;
		sentAtRestart = await waitForSent(sim, recipients, RESTART_AFTER, 120000);
		await restartRedis(context.faultControl, 'SIGKILL', 2000);

		campaignStatus = (await finishedExecution(client, campaignExecutionId, 120000)).status;
		campaign = countRecipients(await sim.messages({ gateway: 'gupshup' }), recipients);

		// A new execution once Redis is back.
		await sim.configure({ latency: { fixedMs: 0, jitterMs: 0 } });
		const [number] = numbers(1);
		const second = await client.callWebhook(hookPath, { body: { to: number } });
		const next = await waitFor(
			'the execution started after the restart',
			async () =>
				(await client.listExecutions({ workflowId: workflow.id })).find(
					(e) => e.id !== campaignExecutionId,
				),
			{ timeoutMs: 60000 },
		);
		const executionStatus = (await finishedExecution(client, next.id, 60000)).status;
		afterRestart = {
			status: second.status,
			executionId: next.id,
			executionStatus,
			count: countRecipients(await sim.messages({ gateway: 'gupshup' }), [number]),
		};
	}, 110_000);

	afterAll(async () => {
		await sim.configure({ latency: { fixedMs: 0, jitterMs: 0 } });
		for (const id of workflowIds) await client.deactivateWorkflow(id);
	});

	it('finishes the interrupted campaign: every recipient exactly once', () => {
		expect(sentAtRestart).toBeLessThan(RECIPIENTS);
		expect(campaignStatus).toBe('success');
		expect(campaign).toEqual({
			messagesStored: RECIPIENTS,
			distinctRecipients: RECIPIENTS,
			once: RECIPIENTS,
			sentTwiceOrMore: 0,
			neverSent: 0,
			neverSentNumbers: [],
		});
	});

	it('ran the campaign once, on one worker', async () => {
		await expectRunByWorkers(context, [campaignExecutionId], 'webhook');
	});

	it('runs a new Send SMS execution on a worker after the restart, sending once', async () => {
		expect(afterRestart.status).toBe(200);
		expect(afterRestart.executionStatus).toBe('success');
		expect(afterRestart.count).toEqual({
			messagesStored: 1,
			distinctRecipients: 1,
			once: 1,
			sentTwiceOrMore: 0,
			neverSent: 0,
			neverSentNumbers: [],
		});
		await expectRunByWorkers(context, [afterRestart.executionId], 'webhook');
	});
});

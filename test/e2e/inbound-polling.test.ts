/**
 * Inbound SMS (Polling) Trigger in a real n8n, against the simulator's DHIS2: an active workflow
 * polling every minute (n8n's shortest poll time) places its cursor at its first scheduled poll,
 * so an SMS stored before it is not emitted, and the SMS stored afterwards come out at the next
 * poll, once each, with the webhook trigger's event shape. About two minutes: it waits for n8n's
 * own poll schedule.
 */
import axios from 'axios';

import type { N8nRestClient, WorkflowSummary } from '../../tooling/n8n/rest-client';
import { waitFor } from '../../tooling/n8n/wait-for';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { deployActive, PACKAGE_NAME, uniqueNumber, uniqueTag } from '../../tooling/n8n/workflows';
import { finishedExecution, finishedExecutions, nodeOutput } from '../../tooling/n8n/executions';

const TRIGGER = 'New SMS in DHIS2';
const POLL_REQUEST = 'GET /api/sms/inbound';

describe('Inbound SMS (Polling) Trigger in a real n8n (DHIS2)', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let workflow: WorkflowSummary;
	const sender = uniqueNumber('+47400', 5);
	const before = `before ${uniqueTag()}`;
	const after = [`after ${uniqueTag()} 1`, `after ${uniqueTag()} 2`];

	async function pollRequests(): Promise<number> {
		const stats = (await axios.get(`${context.simulatorUrl}/sim/stats`, { timeout: 10000 })).data as {
			requests: { byGateway: { dhis2: { byEndpoint: Record<string, number> } } };
		};
		return stats.requests.byGateway.dhis2.byEndpoint[POLL_REQUEST] ?? 0;
	}

	async function arrive(text: string): Promise<void> {
		await axios.post(`${context.simulatorUrl}/sim/inbound`, { gateway: 'dhis2', from: sender, text }, { timeout: 10000 });
	}

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		await arrive(before);
		workflow = await deployActive(client, {
			name: `e2e polling ${uniqueTag()}`,
			nodes: [
				{
					id: 'polling-trigger',
					name: TRIGGER,
					type: `${PACKAGE_NAME}.inboundSmsPollingTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { gateway: 'dhis2', pollTimes: { item: [{ mode: 'everyMinute' }] } },
					credentials: { dhis2Api: { id: context.credentials.dhis2.id, name: context.credentials.dhis2.name } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		// Wait for the first scheduled poll (it places the cursor), then let it finish.
		const atActivation = await pollRequests();
		await waitFor('the first scheduled poll', async () => ((await pollRequests()) > atActivation ? true : undefined), {
			timeoutMs: 75000,
			intervalMs: 500,
		});
		await new Promise((resolve) => setTimeout(resolve, 2000));
		for (const text of after) await arrive(text);
	}, 100000);

	afterAll(async () => {
		if (workflow) await client.deactivateWorkflow(workflow.id);
	});

	it('emits the SMS stored after its first poll, once each, and not the one stored before', async () => {
		const [execution] = await finishedExecutions(client, workflow.id, 1, 75000);
		const finished = await finishedExecution(client, execution.id);
		expect(finished.status).toBe('success');
		const items = nodeOutput(finished, TRIGGER).filter((item) => item.from === sender);
		expect(items.map((item) => item.text)).toEqual(after);
		for (const item of items) {
			expect(item).toMatchObject({ eventType: 'inbound', gateway: 'dhis2', from: sender });
			expect(String(item.eventId)).toMatch(/^dhis2:[0-9a-f]{64}$/);
		}
		expect(new Set(items.map((item) => item.eventId)).size).toBe(after.length);
	}, 90000);
});

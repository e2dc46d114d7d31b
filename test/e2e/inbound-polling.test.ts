/**
 * Inbound SMS (Polling) Trigger in a real n8n, against the simulator's Africa's Talking inbox and
 * DHIS2: for each gateway an active workflow polling every minute (n8n's shortest poll time)
 * places its cursor at its first scheduled poll, so an SMS stored before it is not emitted, and
 * the SMS stored afterwards come out at the next poll, once each, with the webhook trigger's event
 * shape (DHIS2's with its gatewayId and smsEncoding). The two workflows poll side by side, so the
 * file takes one to two minutes (measured 64 s): it waits for n8n's own poll schedule.
 */
import axios from 'axios';

import type { N8nRestClient, WorkflowSummary } from '../../tooling/n8n/rest-client';
import { waitFor } from '../../tooling/n8n/wait-for';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { deployActive, PACKAGE_NAME, uniqueNumber, uniqueTag } from '../../tooling/n8n/workflows';
import { finishedExecution, finishedExecutions, nodeOutput } from '../../tooling/n8n/executions';

const TRIGGER = 'New SMS';

interface PolledGateway {
	gateway: 'africasTalking' | 'dhis2';
	simulatorGateway: 'africasTalking' | 'dhis2';
	credentialKey: 'africasTalking' | 'dhis2';
	credentialType: string;
	pollRequest: string;
	sender: string;
	/** Extra fields of the SMS as it arrives, and what the event must carry because of them. */
	extra: Record<string, string>;
	expected: Record<string, unknown>;
}

const GATEWAYS: PolledGateway[] = [
	{
		gateway: 'africasTalking',
		simulatorGateway: 'africasTalking',
		credentialKey: 'africasTalking',
		credentialType: 'africasTalkingApi',
		pollRequest: 'GET /version1/messaging',
		sender: uniqueNumber('+254711', 6),
		extra: {},
		expected: { gateway: 'africasTalking', to: '12345' },
	},
	{
		gateway: 'dhis2',
		simulatorGateway: 'dhis2',
		credentialKey: 'dhis2',
		credentialType: 'dhis2Api',
		pollRequest: 'GET /api/sms/inbound',
		// DHIS2 takes SMS only from its users' numbers; the simulator registers this one.
		sender: uniqueNumber('+47400', 5),
		extra: { gatewayId: `e2e-modem-${uniqueTag()}` },
		expected: { gateway: 'dhis2', smsEncoding: 'ENC7BIT' },
	},
];

interface Deployed {
	workflow: WorkflowSummary;
	after: string[];
}

describe('Inbound SMS (Polling) Trigger in a real n8n', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	const deployed = new Map<string, Deployed>();

	async function pollRequests(spec: PolledGateway): Promise<number> {
		const stats = (await axios.get(`${context.simulatorUrl}/sim/stats`, { timeout: 10000 }))
			.data as {
			requests: { byGateway: Record<string, { byEndpoint: Record<string, number> }> };
		};
		return stats.requests.byGateway[spec.simulatorGateway].byEndpoint[spec.pollRequest] ?? 0;
	}

	async function arrive(spec: PolledGateway, text: string): Promise<void> {
		await axios.post(
			`${context.simulatorUrl}/sim/inbound`,
			{ gateway: spec.simulatorGateway, from: spec.sender, text, ...spec.extra },
			{ timeout: 10000 },
		);
	}

	/** Stores and activates the workflow, waits for its first scheduled poll, then stores two SMS. */
	async function deployAndStartPolling(spec: PolledGateway): Promise<void> {
		await arrive(spec, `before ${uniqueTag()}`);
		const credential = context.credentials[spec.credentialKey];
		const workflow = await deployActive(client, {
			name: `e2e polling ${spec.gateway} ${uniqueTag()}`,
			nodes: [
				{
					id: `polling-trigger-${spec.gateway}`,
					name: TRIGGER,
					type: `${PACKAGE_NAME}.inboundSmsPollingTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { gateway: spec.gateway, pollTimes: { item: [{ mode: 'everyMinute' }] } },
					credentials: { [spec.credentialType]: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		const after = [`after ${uniqueTag()} 1`, `after ${uniqueTag()} 2`];
		deployed.set(spec.gateway, { workflow, after });
		// Wait for the first scheduled poll (it places the cursor), then let it finish.
		const atActivation = await pollRequests(spec);
		await waitFor(
			`the first scheduled poll (${spec.gateway})`,
			async () => ((await pollRequests(spec)) > atActivation ? true : undefined),
			{
				timeoutMs: 75000,
				intervalMs: 500,
			},
		);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		for (const text of after) await arrive(spec, text);
	}

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		// Side by side: both wait for the same minutes of n8n's poll schedule.
		await Promise.all(GATEWAYS.map((spec) => deployAndStartPolling(spec)));
	}, 100000);

	afterAll(async () => {
		for (const { workflow } of deployed.values()) await client.deactivateWorkflow(workflow.id);
	});

	it.each(GATEWAYS.map((g) => [g.gateway, g] as const))(
		'%s: emits the SMS stored after its first poll, once each, and not the one stored before',
		async (_name, spec) => {
			const { workflow, after } = deployed.get(spec.gateway)!;
			const [execution] = await finishedExecutions(client, workflow.id, 1, 75000);
			const finished = await finishedExecution(client, execution.id);
			expect(finished.status).toBe('success');
			const items = nodeOutput(finished, TRIGGER).filter((item) => item.from === spec.sender);
			expect(items.map((item) => item.text)).toEqual(after);
			for (const item of items) {
				expect(item).toMatchObject({
					eventType: 'inbound',
					from: spec.sender,
					...spec.expected,
					...spec.extra,
				});
				expect(String(item.eventId)).toMatch(new RegExp(`^${spec.gateway}:[0-9a-f]{64}$`));
			}
			expect(new Set(items.map((item) => item.eventId)).size).toBe(after.length);
		},
		90000,
	);
});

/**
 * examples/delivery-failures.json, activated with a secret and pointed at by the simulator's
 * Gupshup webhook (one URL for every event of the app, docs/gateways/gupshup.md#webhook-callback-url). Three SMS are sent through
 * Send SMS in n8n; two fail, one is delivered. Every Gupshup event is acknowledged with an empty
 * 2xx at the first attempt, only the two failures start executions, and both failed numbers end
 * up in the data table, even though their reports arrive at the same moment.
 */
import { waitFor } from '../../../tooling/n8n/wait-for';
import { finishedExecutions } from '../../../tooling/n8n/executions';
import { GATEWAY_SENDS } from '../support/send-sms';
import { deployActive, uniqueNumber, uniqueTag, webhookThen } from '../../../tooling/n8n/workflows';
import { N8nSession, type DataTableRow } from '../../../tooling/n8n/n8n-session';
import type { CallbackAttempt } from '../../../tooling/n8n/sim-control';
import { ActiveExample } from './support/active-example';
import { expectEveryCallRefused, type RefusalOutcome } from './support/webhook-calls';

const TABLE = 'SMS delivery failures';
const JSON_TYPE = 'application/json';
const gupshup = GATEWAY_SENDS.find((spec) => spec.gateway === 'gupshup')!;

describe('example: collect failed deliveries (Gupshup)', () => {
	let example: ActiveExample;
	let session: N8nSession;
	let senderId: string | undefined;
	let sent: Array<{ to: string; messageId: string }>;
	let failed: typeof sent;
	let delivered: typeof sent;
	let events: CallbackAttempt[];

	beforeAll(async () => {
		example = await ActiveExample.activate('delivery-failures.json', 'Delivery report', {
			gateway: 'gupshup',
			kind: 'events',
		});
		const { context, client, sim, workflow } = example;
		session = new N8nSession(context);

		// Three SMS through Send SMS in n8n, so the reports carry the IDs Send SMS returned.
		const path = `e2e-example-dlr-${uniqueTag()}`;
		const sender = await deployActive(
			client,
			webhookThen(path, {
				type: 'sendSms',
				name: 'Send SMS',
				parameters: {
					gateway: 'gupshup',
					to: '={{ $json.body.to }}',
					message: 'Your code is 1234',
					options: {},
				},
				credentials: {
					gupshupApi: {
						id: context.credentials.gupshup.id,
						name: context.credentials.gupshup.name,
					},
				},
			}),
		);
		senderId = sender.id;
		const numbers = [0, 1, 2].map(() => uniqueNumber(gupshup.numberPrefix, gupshup.numberDigits));
		const reply = await client.callWebhook(path, { body: { to: numbers.join(', ') } });
		expect(reply.status).toBe(200);
		sent = (JSON.parse(reply.body) as Array<{ to: string; messageId: string; status: string }>).map(
			(r) => {
				expect(r.status).toBe('accepted');
				return { to: r.to, messageId: r.messageId };
			},
		);
		[failed, delivered] = [sent.slice(0, 2), sent.slice(2)];

		await Promise.all([
			sim.deliver({
				ids: failed.map((s) => s.messageId),
				outcome: 'failed',
				failureReason: 'ABSENT_SUBSCRIBER',
			}),
			sim.deliver({ ids: delivered.map((s) => s.messageId), outcome: 'delivered' }),
		]);
		await finishedExecutions(client, workflow.id, failed.length);
		// enqueued (at submission), sent, then failed or delivered: three events per message.
		const ours = new Set(sent.map((s) => s.messageId));
		events = await waitFor(
			'every Gupshup event of the three messages',
			async () => {
				const attempts = (await sim.callbacks({ gateway: 'gupshup', kind: 'events' })).filter((a) =>
					ours.has(String(a.messageId)),
				);
				return attempts.length >= sent.length * 3 ? attempts : undefined;
			},
			{ timeoutMs: 15000, intervalMs: 250 },
		);
	});

	afterAll(async () => {
		await example?.deactivate();
		if (senderId) await example.client.deactivateWorkflow(senderId);
	});

	it('acknowledges every Gupshup event with a 2xx and an empty body, at the first attempt', () => {
		const statuses = events.map((e) => JSON.parse(e.body).status as string).sort();
		expect(statuses).toEqual([
			'delivered',
			'enqueued',
			'enqueued',
			'enqueued',
			'failed',
			'failed',
			'sent',
			'sent',
			'sent',
		]);
		for (const attempt of events) {
			expect({
				attempt: attempt.attempt,
				status: attempt.status,
				body: attempt.responseBody,
				acknowledged: attempt.acknowledged,
			}).toEqual({
				attempt: 1,
				status: 200,
				body: '',
				acknowledged: true,
			});
		}
	});

	it('starts one webhook execution per failure and none for the other events', async () => {
		await example.expectSuccessfulWebhookExecutions(failed.length);
	});

	it('collects both failed numbers in one data table, the delivered one not', async () => {
		const tables = await session.dataTablesNamed(TABLE);
		// Both first reports tried to create the table at once: still exactly one table.
		expect(tables).toHaveLength(1);
		const rows = await session.dataTableRows(tables[0]);
		const pick = (row: DataTableRow) => ({
			phoneNumber: row.phoneNumber,
			messageId: row.messageId,
			status: row.status,
			gateway: row.gateway,
		});
		expect(
			rows.map(pick).sort((a, b) => String(a.messageId).localeCompare(String(b.messageId))),
		).toEqual(
			failed
				.map((s) => ({
					phoneNumber: s.to,
					messageId: s.messageId,
					status: 'failed',
					gateway: 'gupshup',
				}))
				.sort((a, b) => a.messageId.localeCompare(b.messageId)),
		);
		for (const row of rows) expect(String(row.failureExplanation).length).toBeGreaterThan(10);
	});

	describe('calls that are not genuine Gupshup events', () => {
		let outcome: RefusalOutcome;
		const genuineId = `e2e-${uniqueTag()}`;

		beforeAll(async () => {
			const event = (status: string) =>
				JSON.stringify({
					destination: '5511987012345',
					messageId: genuineId,
					ts: String(Date.now()),
					status,
				});
			outcome = await example.refusalsThenGenuine(
				JSON_TYPE,
				[
					{ label: 'not JSON', contentType: JSON_TYPE, body: 'status=failed' },
					{ label: 'a JSON array', contentType: JSON_TYPE, body: '[]' },
					{
						label: 'an unknown event',
						contentType: JSON_TYPE,
						body: '{"type":"billing","payload":{}}',
					},
					{ label: 'truncated JSON', contentType: JSON_TYPE, body: event('failed').slice(0, 30) },
				],
				event('failed'),
				event('failed'),
			);
		});

		it('refuses each with a 4xx (401 without the right secret)', () => {
			expectEveryCallRefused(outcome);
		});

		it('starts no execution for them, and still serves the genuine report after them', async () => {
			expect({ status: outcome.genuine.status, body: outcome.genuine.body }).toEqual({
				status: 200,
				body: '',
			});
			expect(outcome.executionsAfter).toBe(outcome.executionsBefore + 1);
			const [table] = await session.dataTablesNamed(TABLE);
			const rows = await session.dataTableRows(table);
			expect(
				rows.filter((row) => row.messageId === genuineId).map((row) => row.phoneNumber),
			).toEqual(['+5511987012345']);
		});
	});
});

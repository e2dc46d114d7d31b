/**
 * examples/stop-suppression.json: its SMS Opt-Out Trigger (SMSBox, STOP-keyword detection) is
 * activated with a secret and receives the simulator's SMSBox two-way callbacks (docs/gateways/smsbox.md#two-way-callback). A
 * "Stop." reply puts the number into the suppression data table and is acknowledged with SMSBox's
 * exact `{"transaction_id":…,"successful":true}`; an ordinary reply is acknowledged the same way and
 * starts nothing. The campaign in the same workflow (its Manual Trigger) then reads the list once
 * and gives it to Send SMS's Exclude Numbers: every contact but the one who opted out is texted,
 * each exactly once; the opted-out one comes out with status suppressed.
 */
import { contactsOf, nodeNamed } from './support/examples';
import {
	finishedExecution,
	finishedExecutions,
	nodeOutput,
	type FinishedExecution,
} from '../../../tooling/n8n/executions';
import { N8nSession, type DataTableRow } from '../../../tooling/n8n/n8n-session';
import type { CallbackAttempt } from '../../../tooling/n8n/sim-control';
import { uniqueTag } from '../../../tooling/n8n/workflows';
import { expectRunByWorkers } from '../support/processes';
import { ActiveExample } from './support/active-example';
import { expectEveryCallRefused, type RefusalOutcome } from './support/webhook-calls';

const TABLE = 'SMS suppression list';
const JSON_TYPE = 'application/json';

/** SMSBox's acknowledgement, byte for byte (docs/gateways/smsbox.md#two-way-callback): the id as received, then true. */
const smsBoxAck = (transactionId: string) =>
	`{"transaction_id":${JSON.stringify(transactionId)},"successful":true}`;

describe('example: STOP replies build a suppression list the campaign skips (SMSBox)', () => {
	let example: ActiveExample;
	let session: N8nSession;
	let contacts: Array<{ name: string; phone: string }>;
	let optedOut: { name: string; phone: string };
	const replies: Array<{ text: string; attempts: CallbackAttempt[] }> = [];
	let campaign: FinishedExecution;
	let sentBefore: Set<string>;

	beforeAll(async () => {
		example = await ActiveExample.activate('stop-suppression.json', 'STOP reply', {
			gateway: 'smsBox',
			kind: 'inbound',
		});
		const { client, sim, workflow } = example;
		session = new N8nSession(example.context);
		contacts = contactsOf(nodeNamed(workflow, 'Contact list'));
		optedOut = contacts[1];

		// One contact replies something that merely contains "stop", then another replies "Stop.".
		// In that order, the STOP's execution finishing also means the first reply had its chance
		// to start one (it must not).
		for (const [from, text] of [
			[contacts[2].phone, "Please don't stop, I like these"],
			[optedOut.phone, 'Stop.'],
		]) {
			const { attempts } = await sim.inbound({ gateway: 'smsBox', from, text });
			replies.push({ text, attempts: attempts ?? [] });
		}
		await finishedExecutions(client, workflow.id, 1);

		sentBefore = new Set((await sim.messages({ gateway: 'smsBox' })).map((m) => `${m.seq}`));
		const executionId = await session.runFromTrigger(workflow.id, 'Start campaign');
		campaign = await finishedExecution(client, executionId);
	});

	afterAll(async () => {
		await example?.deactivate();
	});

	it('acknowledges both replies with SMSBox\'s exact {"transaction_id","successful":true}, at the first attempt', () => {
		for (const { attempts } of replies) {
			const transactionId = String(JSON.parse(attempts[0].body).transaction_id);
			expect(
				attempts.map((a) => ({
					status: a.status,
					body: a.responseBody,
					acknowledged: a.acknowledged,
				})),
			).toEqual([{ status: 200, body: smsBoxAck(transactionId), acknowledged: true }]);
		}
	});

	it('starts one webhook execution, for the STOP reply only', async () => {
		const executions = (
			await example.client.listExecutions({ workflowId: example.workflow.id })
		).filter((e) => e.mode === 'webhook');
		expect(executions.map((e) => e.status)).toEqual(['success']);
		await expectRunByWorkers(
			example.context,
			executions.map((e) => e.id),
			'webhook',
		);
	});

	it('puts the number that replied STOP into the suppression list', async () => {
		const rows = await suppressionRows();
		expect(
			rows.map((row) => ({
				phoneNumber: row.phoneNumber,
				keyword: row.keyword,
				gateway: row.gateway,
			})),
		).toEqual([{ phoneNumber: optedOut.phone, keyword: 'STOP', gateway: 'smsBox' }]);
	});

	it('runs the campaign to the end as a manual execution, skipping the opted-out contact', () => {
		expect({
			status: campaign.status,
			mode: campaign.mode,
			error: campaign.error?.message,
		}).toEqual({
			status: 'success',
			mode: 'manual',
			error: undefined,
		});
		const digits = (phone: string) => phone.replace(/\D/g, '');
		expect(
			nodeOutput(campaign, 'Send SMS').map((item) => ({
				to: digits(String(item.to)),
				status: item.status,
			})),
		).toEqual(
			contacts.map((c) => ({
				to: digits(c.phone),
				status: c === optedOut ? 'suppressed' : 'accepted',
			})),
		);
		// The list is read once for the run: one Data Table query, whatever the number of contacts.
		expect(campaign.runData['Suppression list']).toHaveLength(1);
	});

	it('texts every other contact exactly once, personalised, and the opted-out one not at all', async () => {
		const fresh = (await example.sim.messages({ gateway: 'smsBox' })).filter(
			(m) => !sentBefore.has(`${m.seq}`),
		);
		const template = String(nodeNamed(example.workflow, 'Send SMS').parameters.message);
		const digits = (phone: string) => phone.replace(/\D/g, '');
		expect(
			fresh
				.map((m) => ({ to: digits(m.to), text: m.text }))
				.sort((a, b) => a.to.localeCompare(b.to)),
		).toEqual(
			contacts
				.filter((c) => c !== optedOut)
				.map((c) => ({ to: digits(c.phone), text: template.replace('[{RECEIVERNAME}]', c.name) }))
				.sort((a, b) => a.to.localeCompare(b.to)),
		);
	});

	describe('calls that are not genuine SMSBox callbacks', () => {
		let outcome: RefusalOutcome;

		beforeAll(async () => {
			const inbound = (text: unknown) =>
				JSON.stringify({
					from: optedOut.phone.replace(/^\+/, ''),
					to: '255701000001',
					channel: 'sms',
					timeUTC: new Date().toUTCString(),
					transaction_id: `e2e${uniqueTag()}`,
					message: { text, media: { mediaUrl: '' }, custom: {} },
				});
			outcome = await example.refusalsThenGenuine(
				JSON_TYPE,
				[
					{ label: 'not JSON', contentType: JSON_TYPE, body: 'from=255700000202&text=STOP' },
					{ label: 'a JSON string', contentType: JSON_TYPE, body: '"STOP"' },
					{
						label: 'no message',
						contentType: JSON_TYPE,
						body: JSON.stringify({ from: '255700000202', transaction_id: 'x1' }),
					},
					{
						label: 'a text that is not a string',
						contentType: JSON_TYPE,
						body: inbound({ text: 'STOP' }),
					},
				],
				inbound('STOP'),
				// The same person sends STOP again.
				inbound('STOP'),
			);
		});

		it('refuses each with a 4xx (401 without the right secret)', () => {
			expectEveryCallRefused(outcome);
		});

		it('starts no execution for them, still serves the genuine STOP after them, and keeps one row per number', async () => {
			expect(outcome.genuine.status).toBe(200);
			expect(JSON.parse(outcome.genuine.body)).toEqual({
				transaction_id: expect.stringMatching(/^e2e/),
				successful: true,
			});
			expect(outcome.executionsAfter).toBe(outcome.executionsBefore + 1);
			expect((await suppressionRows()).map((row) => row.phoneNumber)).toEqual([optedOut.phone]);
		});
	});

	async function suppressionRows(): Promise<DataTableRow[]> {
		const tables = await session.dataTablesNamed(TABLE);
		expect(tables).toHaveLength(1);
		return await session.dataTableRows(tables[0]);
	}
});

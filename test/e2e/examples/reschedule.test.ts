/**
 * examples/reschedule.json, run with the editor's "Execute workflow" call: Send SMS schedules the
 * reminder on SMSBox for tomorrow 08:00 UTC, and Change Scheduled SMS moves it one hour later with
 * the message ID Send SMS returned. The simulator holds one scheduled message, at the new time.
 */
import type { N8nRestClient } from '../../../tooling/n8n/rest-client';
import { loadE2eContext, ownerClient, type E2eContext } from '../support/context';
import { importExample, nodeNamed, type ImportedExample } from './support/examples';
import {
	finishedExecution,
	nodeOutput,
	type FinishedExecution,
} from '../../../tooling/n8n/executions';
import { N8nSession } from '../../../tooling/n8n/n8n-session';
import { SimControl } from '../../../tooling/n8n/sim-control';

const HOUR_MS = 3600_000;

describe('example: schedule a reminder, then move it (SMSBox)', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	let workflow: ImportedExample;
	let execution: FinishedExecution;
	let startedAt: Date;
	let finishedAt: Date;

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
		workflow = await importExample(client, context, 'reschedule.json');
		startedAt = new Date();
		execution = await finishedExecution(
			client,
			await new N8nSession(context).runFromTrigger(workflow.id, 'Start'),
		);
		finishedAt = new Date();
	});

	it('runs to the end as a manual execution', () => {
		expect({
			status: execution.status,
			mode: execution.mode,
			error: execution.error?.message,
		}).toEqual({
			status: 'success',
			mode: 'manual',
			error: undefined,
		});
	});

	it('schedules the reminder for tomorrow 08:00 UTC and reschedules that same message ID one hour later', () => {
		const [scheduled] = nodeOutput(execution, 'Schedule reminder');
		// n8n evaluated $now between the two instants (a run across midnight UTC has two candidates).
		const candidates = [startedAt, finishedAt].map((instant) => {
			const at8 = new Date(instant);
			at8.setUTCDate(at8.getUTCDate() + 1);
			at8.setUTCHours(8, 0, 0, 0);
			return at8.toISOString();
		});
		expect(scheduled).toMatchObject({ gateway: 'smsBox', status: 'accepted' });
		expect(candidates).toContain(scheduled.scheduledAt);
		const tomorrowAt8 = new Date(String(scheduled.scheduledAt));

		const changed = nodeOutput(execution, 'Move it one hour later');
		const nineUtc = new Date(tomorrowAt8.getTime() + HOUR_MS);
		expect(changed).toEqual([
			expect.objectContaining({
				gateway: 'smsBox',
				operation: 'reschedule',
				messageId: String(scheduled.messageId).replace(/^message_id:/, ''),
				scheduledAt: nineUtc.toISOString(),
				scheduleTime: nineUtc.toISOString().slice(0, 16).replace('T', ' '),
			}),
		]);
	});

	it('leaves exactly one message in the simulator, still scheduled, at the new time', async () => {
		const to = String(nodeNamed(workflow, 'Schedule reminder').parameters.to);
		const [scheduled] = nodeOutput(execution, 'Schedule reminder');
		const records = (await sim.messages({ gateway: 'smsBox' })).filter(
			(m) => m.to.replace(/\D/g, '') === to.replace(/\D/g, ''),
		);
		expect(
			records.map((m) => ({
				id: m.id,
				status: m.status,
				scheduledAt: m.scheduledAt,
				sender: m.sender,
			})),
		).toEqual([
			{
				id: String(scheduled.messageId).replace(/^message_id:/, ''),
				status: 'scheduled',
				scheduledAt: new Date(Date.parse(String(scheduled.scheduledAt)) + HOUR_MS).toISOString(),
				sender: 'SMSBOX',
			},
		]);
	});
});

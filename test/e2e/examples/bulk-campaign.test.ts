/**
 * examples/bulk-campaign.json, imported as `npm run dev` imports it and run with the editor's
 * "Execute workflow" call: the dry run checks every contact and sends nothing, only the `valid`
 * recipients are then sent for real, each exactly once with its personalised text.
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
import { SimControl, type SimGateway } from '../../../tooling/n8n/sim-control';

const GATEWAY: SimGateway = 'africasTalking';

describe('example: bulk campaign with a dry run first', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	let workflow: ImportedExample;
	let execution: FinishedExecution;
	let sentBefore: Set<string>;

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
		workflow = await importExample(client, context, 'bulk-campaign.json');
		sentBefore = new Set((await sim.messages({ gateway: GATEWAY })).map((m) => `${m.seq}`));
		const executionId = await new N8nSession(context).runFromTrigger(workflow.id, 'Start campaign');
		execution = await finishedExecution(client, executionId);
	});

	it("binds both Send SMS nodes to the stored Africa's Talking credential on import", () => {
		for (const name of ['Dry run', 'Send SMS']) {
			expect(nodeNamed(workflow, name).credentials).toEqual({
				africasTalkingApi: {
					id: context.credentials.africasTalking.id,
					name: context.credentials.africasTalking.name,
				},
			});
		}
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

	it('dry-runs every contact: valid ones with their personalised text and cost, the mistyped one invalid', () => {
		const contacts = nodeOutput(execution, 'Contact list');
		const dryRun = nodeOutput(execution, 'Dry run');
		const template = String(nodeNamed(workflow, 'Dry run').parameters.message);
		expect(template).toContain('[{RECEIVERNAME}]');
		expect(dryRun).toHaveLength(contacts.length);
		const byName: Record<string, Record<string, unknown>> = Object.fromEntries(
			contacts.map((contact, i) => [String(contact.name), dryRun[i]]),
		);
		expect(
			Object.fromEntries(Object.entries(byName).map(([name, result]) => [name, result.status])),
		).toEqual({
			Amina: 'valid',
			Baraka: 'valid',
			Chiku: 'invalid',
			Daudi: 'valid',
		});
		for (const [name, result] of Object.entries(byName)) {
			if (result.status !== 'valid') continue;
			expect(result).toMatchObject({
				messageId: null,
				segments: 1,
				cost: 0.8,
				details: { dryRun: true, text: template.replace('[{RECEIVERNAME}]', name) },
			});
		}
		// "0733 000 102" is a local number: Default Country KE makes it international.
		expect(byName.Baraka.to).toBe('+254733000102');
	});

	it('sends only the valid recipients, each exactly once, with the text the dry run checked', async () => {
		const valid = nodeOutput(execution, 'Dry run').filter((r) => r.status === 'valid');
		const fresh = (await sim.messages({ gateway: GATEWAY })).filter(
			(m) => !sentBefore.has(`${m.seq}`),
		);
		expect(
			fresh.map((m) => ({ to: m.to, text: m.text })).sort((a, b) => a.to.localeCompare(b.to)),
		).toEqual(
			valid
				.map((r) => ({ to: String(r.to), text: String((r.details as { text: string }).text) }))
				.sort((a, b) => a.to.localeCompare(b.to)),
		);
		const sent = nodeOutput(execution, 'Send SMS');
		expect(sent.map((r) => r.status)).toEqual(valid.map(() => 'accepted'));
		expect(sent.map((r) => r.messageId).sort()).toEqual(fresh.map((m) => m.id).sort());
	});
});

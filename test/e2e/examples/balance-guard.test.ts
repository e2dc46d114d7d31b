/**
 * examples/balance-guard.json, run twice with the editor's "Execute workflow" call: with the
 * Africa's Talking balance below the threshold the run stops at Stop and Error and sends nothing;
 * with enough credit the campaign goes out, each contact exactly once.
 */
import type { N8nRestClient } from '../../../tooling/n8n/rest-client';
import { loadE2eContext, ownerClient, type E2eContext } from '../support/context';
import {
	contactsOf,
	importExample,
	nodeNamed,
	type Contact,
	type ImportedExample,
} from './support/examples';
import {
	finishedExecution,
	nodeOutput,
	ranNodes,
	type FinishedExecution,
} from '../../../tooling/n8n/executions';
import { N8nSession } from '../../../tooling/n8n/n8n-session';
import { SimControl } from '../../../tooling/n8n/sim-control';

describe('example: stop a campaign when the balance is low', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let session: N8nSession;
	let sim: SimControl;
	let workflow: ImportedExample;
	let contacts: Contact[];
	let threshold: number;
	let balanceBefore: number;

	const digits = (phone: string) => phone.replace(/\D/g, '');
	async function messagesToContacts() {
		const numbers = new Set(contacts.map((c) => digits(c.phone)));
		return (await sim.messages({ gateway: 'africasTalking' })).filter((m) =>
			numbers.has(digits(m.to)),
		);
	}
	async function runCampaign(): Promise<FinishedExecution> {
		return await finishedExecution(
			client,
			await session.runFromTrigger(workflow.id, 'Start campaign'),
		);
	}

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		session = new N8nSession(context);
		sim = new SimControl(context.simulatorUrl);
		workflow = await importExample(client, context, 'balance-guard.json');
		contacts = contactsOf(nodeNamed(workflow, 'Contact list'));
		threshold = Number(
			(nodeNamed(workflow, 'Check balance').parameters.options as { threshold: number }).threshold,
		);
		balanceBefore = (await sim.balances()).africasTalking;
	});

	afterAll(async () => {
		await sim.setBalances({ africasTalking: balanceBefore });
	});

	describe('with less credit than the threshold', () => {
		let execution: FinishedExecution;

		beforeAll(async () => {
			await sim.setBalances({ africasTalking: 12.5 });
			execution = await runCampaign();
		});

		it('fails the run at Stop and Error, saying the balance', () => {
			expect(execution.status).toBe('error');
			expect(execution.error?.message).toBe(
				`Campaign stopped: the balance is 12.5 KES, below ${threshold}. Top up the Africa's Talking account, then run it again.`,
			);
			expect(nodeOutput(execution, 'Check balance')).toEqual([
				expect.objectContaining({
					gateway: 'africasTalking',
					balance: 12.5,
					currency: 'KES',
					threshold,
					belowThreshold: true,
				}),
			]);
		});

		it('never reaches the contact list or Send SMS, and the simulator got nothing', async () => {
			expect(ranNodes(execution)).toEqual([
				'Balance too low?',
				'Check balance',
				'Start campaign',
				'Stop: balance too low',
			]);
			expect(await messagesToContacts()).toEqual([]);
		});
	});

	describe('with enough credit', () => {
		let execution: FinishedExecution;

		beforeAll(async () => {
			await sim.setBalances({ africasTalking: 100000 });
			execution = await runCampaign();
		});

		it('runs to the end without stopping', () => {
			expect({ status: execution.status, error: execution.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			expect(nodeOutput(execution, 'Check balance')).toEqual([
				expect.objectContaining({ balance: 100000, belowThreshold: false }),
			]);
			expect(ranNodes(execution)).not.toContain('Stop: balance too low');
		});

		it('texts every contact exactly once, personalised', async () => {
			const template = String(nodeNamed(workflow, 'Send SMS').parameters.message);
			const sent = await messagesToContacts();
			expect(
				sent
					.map((m) => ({ to: digits(m.to), text: m.text }))
					.sort((a, b) => a.to.localeCompare(b.to)),
			).toEqual(
				contacts
					.map((c) => ({ to: digits(c.phone), text: template.replace('[{RECEIVERNAME}]', c.name) }))
					.sort((a, b) => a.to.localeCompare(b.to)),
			);
			expect(nodeOutput(execution, 'Send SMS').map((r) => r.status)).toEqual(
				contacts.map(() => 'accepted'),
			);
		});
	});
});

/**
 * examples/crash-safe-campaign.json and examples/resume-campaign.json (Africa's Talking), with a
 * campaign interrupted for real in the suite's n8n: 12 contacts in chunks of 4; the simulator holds
 * chunk 2's send request (its `hold` setting) and the run is stopped through n8n's REST API (the
 * editor's Stop button) while it is held, so the gateway takes chunk 2 after the run is gone. The
 * record then holds chunk 1's results and chunk 2's "sending" rows only. Delivery reports reach the
 * campaign's trigger for half of chunk 2. The resume must exclude chunk 1 (record) and the reported
 * half (gateway records) through Send SMS's Exclude Numbers, list the other half of chunk 2 as
 * unknown with a reason, and send chunk 3 once; at the simulator every contact holds exactly one
 * message. Running the resume again sends nothing; once the late reports arrive, nothing is unknown.
 */
import type { N8nRestClient, WorkflowSummary } from '../../../tooling/n8n/rest-client';
import { loadE2eContext, ownerClient, type E2eContext } from '../support/context';
import { uniqueTag } from '../../../tooling/n8n/workflows';
import { credentialsByType } from './support/examples';
import {
	finishedExecution,
	finishedExecutions,
	nodeOutput,
	type FinishedExecution,
} from '../../../tooling/n8n/executions';
import { N8nSession, type DataTableRow } from '../../../tooling/n8n/n8n-session';
import { SimControl, type SimMessage } from '../../../tooling/n8n/sim-control';
import { waitFor } from '../../../tooling/n8n/wait-for';
import { triggerCallbackUrl } from './support/triggers';
import {
	CAMPAIGN_FILE,
	RECORD_TABLE,
	REPORTS_TABLE,
	RESUME_FILE,
	campaignVariant,
	nodeOf,
	type CampaignVariant,
} from '../../../tooling/n8n/crash-campaign';

const CHUNK = 4;
const HOLD_MS = 5000;
const digits = (phone: unknown) => String(phone).replace(/\D/g, '');

describe("example: a crash-safe campaign, interrupted, then resumed (Africa's Talking)", () => {
	const tag = uniqueTag();
	const secret = `e2e-Secret-${tag}`;
	const contacts = Array.from({ length: 12 }, (_, i) => ({
		name: `Contact ${i + 1}`,
		phone: `+2547114${tag.slice(-3).replace(/\D/g, '0').padStart(3, '0')}${String(i + 1).padStart(2, '0')}`,
	}));
	const chunks = [contacts.slice(0, 4), contacts.slice(4, 8), contacts.slice(8)];
	const reportedHalf = chunks[1].slice(0, 2);
	const unreportedHalf = chunks[1].slice(2);
	let context: E2eContext;
	let client: N8nRestClient;
	let session: N8nSession;
	let sim: SimControl;
	let campaignWorkflow: WorkflowSummary;
	let resumeWorkflow: WorkflowSummary;
	let stopped: { status: string };
	let interrupted: FinishedExecution;
	let recordAfterStop: DataTableRow[];
	let resume: FinishedExecution;
	let secondResume: FinishedExecution;
	let thirdResume: FinishedExecution;
	const messagesAfter: Record<string, SimMessage[]> = {};

	async function messagesToContacts(): Promise<SimMessage[]> {
		const wanted = new Set(contacts.map((c) => digits(c.phone)));
		return (await sim.messages({ gateway: 'africasTalking' })).filter((m) =>
			wanted.has(digits(m.to)),
		);
	}

	async function tableRows(name: string): Promise<DataTableRow[]> {
		const tables = await session.dataTablesNamed(name);
		return tables.length === 0 ? [] : await session.dataTableRows(tables[0], 1000);
	}

	async function campaignRows(): Promise<DataTableRow[]> {
		return (await tableRows(RECORD_TABLE)).filter((row) => row.campaign === `e2e-${tag}`);
	}

	async function runResume(): Promise<FinishedExecution> {
		return await finishedExecution(
			client,
			await session.runFromTrigger(resumeWorkflow.id, 'Resume campaign'),
			60000,
		);
	}

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		session = new N8nSession(context);
		sim = new SimControl(context.simulatorUrl);
		const byType = credentialsByType(context);
		const variant: CampaignVariant = {
			campaign: `e2e-${tag}`,
			message: `Clinic day moves to Thursday (${tag})`,
			chunkSize: CHUNK,
			contacts,
			gateway: 'africasTalking',
			credentials: Object.fromEntries(
				Object.entries(byType).map(([type, c]) => [type, { id: c.id, name: c.name }]),
			),
			secret,
		};
		campaignWorkflow = await client.createWorkflow({
			...campaignVariant(CAMPAIGN_FILE, variant),
			name: `crash-safe ${tag}`,
		});
		resumeWorkflow = await client.createWorkflow({
			...campaignVariant(RESUME_FILE, variant),
			name: `resume ${tag}`,
		});
		const stored = await client.getWorkflow(campaignWorkflow.id);
		await client.activateWorkflow(stored);
		await sim.setCallbacks({
			africasTalking: {
				delivery: triggerCallbackUrl(context.webhookUrl, nodeOf(stored, 'Delivery report'), secret),
			},
		});

		// The campaign; the gateway holds chunk 2's request (its second from now) and the run is
		// stopped while it is held.
		const chunk2Request = (await sim.stats()).requests.byGateway.africasTalking.total + 2;
		await sim.configure({
			hold: { gateway: 'africasTalking', fromRequest: chunk2Request, ms: HOLD_MS },
		});
		try {
			const executionId = await session.runFromTrigger(campaignWorkflow.id, 'Start campaign');
			await waitFor(
				"chunk 2's request held at the gateway",
				async () =>
					(await sim.stats()).requests.byGateway.africasTalking.total >= chunk2Request
						? true
						: undefined,
				{ timeoutMs: 60000, intervalMs: 100 },
			);
			stopped = await session.stopExecution(executionId);
			interrupted = await finishedExecution(client, executionId, 30000);
			// The held request is processed after the stop: the gateway takes chunk 2 anyway.
			await waitFor(
				'chunk 2 accepted by the gateway',
				async () => ((await messagesToContacts()).length >= 2 * CHUNK ? true : undefined),
				{ timeoutMs: HOLD_MS + 30000, intervalMs: 200 },
			);
		} finally {
			await sim.configure({ hold: null });
		}
		messagesAfter.stop = await messagesToContacts();
		recordAfterStop = await campaignRows();

		// Delivery reports arrive for half of chunk 2 only (the rest would come late, or be lost).
		const reportedIds = messagesAfter.stop
			.filter((m) => reportedHalf.some((c) => digits(c.phone) === digits(m.to)))
			.map((m) => m.id);
		await sim.deliver({ gateway: 'africasTalking', ids: reportedIds });
		await finishedExecutions(client, campaignWorkflow.id, 1 + reportedIds.length, 30000);

		resume = await runResume();
		messagesAfter.resume = await messagesToContacts();
		secondResume = await runResume();
		messagesAfter.secondResume = await messagesToContacts();

		// The late reports of the rest of chunk 2 arrive; a third resume has nothing in doubt.
		const lateIds = messagesAfter.stop
			.filter((m) => unreportedHalf.some((c) => digits(c.phone) === digits(m.to)))
			.map((m) => m.id);
		await sim.deliver({ gateway: 'africasTalking', ids: lateIds });
		await finishedExecutions(
			client,
			campaignWorkflow.id,
			1 + reportedIds.length + lateIds.length,
			30000,
		);
		thirdResume = await runResume();
		messagesAfter.thirdResume = await messagesToContacts();
	}, 300000);

	afterAll(async () => {
		await sim.setCallbacks({ africasTalking: { delivery: null } });
		await client.deactivateWorkflow(campaignWorkflow.id);
	});

	it('the interrupted run is canceled with chunk 1 recorded and chunk 2 recorded as sending only', () => {
		expect(stopped.status).toBe('canceled');
		expect(interrupted.status).toBe('canceled');
		const summary = (rows: DataTableRow[]) =>
			rows
				.map((row) => ({ phone: digits(row.phoneNumber), status: row.status }))
				.sort((a, b) => `${a.status}${a.phone}`.localeCompare(`${b.status}${b.phone}`));
		expect(summary(recordAfterStop)).toEqual(
			summary([
				...chunks[0].map(
					(c) => ({ phoneNumber: c.phone, status: 'accepted' }) as unknown as DataTableRow,
				),
				...[...chunks[0], ...chunks[1]].map(
					(c) => ({ phoneNumber: c.phone, status: 'sending' }) as unknown as DataTableRow,
				),
			]),
		);
		expect(
			new Set(recordAfterStop.filter((r) => r.status === 'accepted').map((r) => r.messageId)).size,
		).toBe(CHUNK);
	});

	it('the gateway took chunk 2 after the run was stopped: 8 messages, chunk 3 not sent', () => {
		expect(messagesAfter.stop.map((m) => digits(m.to)).sort()).toEqual(
			[...chunks[0], ...chunks[1]].map((c) => digits(c.phone)).sort(),
		);
	});

	it('the resume sorts every contact: reached by the record or a delivery report, unknown, or never sent', () => {
		const sorted = nodeOutput(resume, 'Who was reached').map((item) => ({
			phone: item.phone,
			resume: item.resume,
		}));
		const expected = [
			...chunks[0].map((c) => ({ phone: c.phone, resume: 'reached' })),
			...reportedHalf.map((c) => ({ phone: c.phone, resume: 'reached' })),
			...unreportedHalf.map((c) => ({ phone: c.phone, resume: 'unknown' })),
			...chunks[2].map((c) => ({ phone: c.phone, resume: 'send' })),
		];
		expect(sorted).toEqual(contacts.map((c) => expected.find((e) => e.phone === c.phone)));
	});

	it('lists the unreported half of chunk 2 as unknown, with the reason, and does not send to it', () => {
		expect(
			nodeOutput(resume, 'In doubt: decide yourself').map((item) => ({
				phone: item.phone,
				resume: item.resume,
				reason: item.reason,
			})),
		).toEqual(
			unreportedHalf.map((c) => ({
				phone: c.phone,
				resume: 'unknown',
				reason: expect.stringMatching(
					/^chunk \S+ was being sent when the run stopped, and no gateway record says whether it arrived$/,
				),
			})),
		);
	});

	it('excludes the reached contacts through Exclude Numbers (suppressed) and sends the never-sent once', () => {
		const sendRuns = resume.runData['Send SMS'] ?? [];
		const results = sendRuns.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
		const byPhone = Object.fromEntries(results.map((r) => [digits(r.input), r.status]));
		expect(byPhone).toEqual(
			Object.fromEntries([
				...[...chunks[0], ...reportedHalf].map((c) => [digits(c.phone), 'suppressed']),
				...chunks[2].map((c) => [digits(c.phone), 'accepted']),
			]),
		);
	});

	it('every contact holds exactly one message at the gateway: none twice, none never', () => {
		const counts = new Map<string, number>();
		for (const m of messagesAfter.resume)
			counts.set(digits(m.to), (counts.get(digits(m.to)) ?? 0) + 1);
		expect(
			Object.fromEntries(contacts.map((c) => [c.phone, counts.get(digits(c.phone)) ?? 0])),
		).toEqual(Object.fromEntries(contacts.map((c) => [c.phone, 1])));
	});

	it('a second resume sends nothing and lists the same unknown numbers', () => {
		expect(secondResume.status).toBe('success');
		expect(messagesAfter.secondResume.map((m) => m.seq)).toEqual(
			messagesAfter.resume.map((m) => m.seq),
		);
		expect(nodeOutput(secondResume, 'In doubt: decide yourself').map((item) => item.phone)).toEqual(
			unreportedHalf.map((c) => c.phone),
		);
	});

	it('once the late reports have arrived, nothing is unknown and still nothing is sent', () => {
		expect(thirdResume.status).toBe('success');
		expect(nodeOutput(thirdResume, 'In doubt: decide yourself')).toEqual([]);
		expect(nodeOutput(thirdResume, 'Who was reached').map((item) => item.resume)).toEqual(
			contacts.map(() => 'reached'),
		);
		expect(messagesAfter.thirdResume.map((m) => m.seq)).toEqual(
			messagesAfter.resume.map((m) => m.seq),
		);
	});

	it('the delivery reports table holds one row per report, with the number and message id', async () => {
		const rows = (await tableRows(REPORTS_TABLE)).filter((row) =>
			chunks[1].some((c) => digits(c.phone) === digits(row.phoneNumber)),
		);
		expect(
			rows
				.map((row) => ({ phone: digits(row.phoneNumber), messageId: row.messageId }))
				.sort((a, b) => a.phone.localeCompare(b.phone)),
		).toEqual(
			messagesAfter.stop
				.filter((m) => chunks[1].some((c) => digits(c.phone) === digits(m.to)))
				.map((m) => ({ phone: digits(m.to), messageId: m.id }))
				.sort((a, b) => a.phone.localeCompare(b.phone)),
		);
	});
});

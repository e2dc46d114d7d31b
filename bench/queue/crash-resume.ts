/**
 * `tsx bench/queue/crash-resume.ts [--modes queue,single] [--gateways africasTalking,gupshup,dhis2]
 *  [--points early,middle,last] [--recipients 2000] [--chunk 200] [--out-dir bench/results/tmp]`:
 * issue 17's table. For each mode, gateway and kill point: the crash-safe campaign example
 * (examples/crash-safe-campaign.json, started by a Webhook instead of by hand so that a queue
 * worker runs it) sends to `--recipients` numbers in chunks of `--chunk`; the simulator holds the
 * chosen chunk's first request (its `hold` knob: Gupshup's first wave of 25, one request per
 * recipient) and, while it is held, the process running the execution gets
 * SIGKILL: the queue worker that started it, or the single n8n process. While it is down, the
 * gateway posts the delivery reports of the chunk in doubt (Africa's Talking, Gupshup; earlier
 * chunks' reports change nothing, their numbers are in the record); then the process is started
 * again, the gateway records are left to settle (bounded), and the resume example runs twice.
 * Counted at the simulator: recipients never sent (and not listed unknown), sent twice, listed
 * unknown (and of those, how many the gateway did take), and what the second resume sent. Writes
 * bench/results/crash-resume.json and prints the markdown table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSimulator } from '../../simulator';
import {
	CAMPAIGN_FILE,
	RECORD_TABLE,
	REPORTS_TABLE,
	RESUME_FILE,
	campaignVariant,
	nodeOf,
	type CrashGateway,
} from '../../tooling/n8n/crash-campaign';
import { finishedExecution, nodeOutput } from '../../tooling/n8n/executions';
import { ensureN8nInstalled } from '../../tooling/n8n/install-n8n';
import type { DataTableSummary } from '../../tooling/n8n/n8n-session';
import { ensurePackedPackage } from '../../tooling/n8n/pack-package';
import { CREDENTIAL_TYPE_BY_GATEWAY } from '../../tooling/n8n/simulator-credentials';
import { SimControl } from '../../tooling/n8n/sim-control';
import { sleep, waitFor } from '../../tooling/n8n/wait-for';
import { uniqueTag } from '../../tooling/n8n/workflows';
import { listArg, numberArg, stringArg } from '../support/args';
import { describeMachine } from '../support/machine';
import { RESULTS_DIR, writeResult } from '../support/results';
import { countRecipients, digitsOf } from '../../tooling/n8n/sim-recipients';
import { startCrashStack, type CrashMode, type CrashStack } from './crash-stacks';

const log = (line: string) => process.stdout.write(`[crash-resume] ${line}\n`);

const MODES = ['queue', 'single'] as const;
const GATEWAYS = ['africasTalking', 'gupshup', 'dhis2'] as const;
const POINTS = ['early', 'middle', 'last'] as const;
type Point = (typeof POINTS)[number];

/** Each gateway answer's latency during the campaign (a gateway on the internet is not instant). */
const LATENCY_MS: Record<CrashGateway, number> = { africasTalking: 300, gupshup: 40, dhis2: 300 };

/** How long the chunk in doubt's request(s) are held: the kill lands in that window. */
const HOLD_MS = 15000;

/**
 * Requests per chunk: Africa's Talking takes up to 500 recipients per request and DHIS2 200, so a
 * chunk of up to 200 is one request; Gupshup takes one recipient per request.
 */
const REQUESTS_PER_CHUNK: Record<CrashGateway, (chunkSize: number) => number> = {
	africasTalking: (size) => Math.ceil(size / 500),
	gupshup: (size) => size,
	dhis2: (size) => Math.ceil(size / 200),
};

/** Numbers the gateway takes, distinct per run (`run` 0–9): Kenya, Brazil, Norway. */
function numbersFor(gateway: CrashGateway, run: number, count: number): string[] {
	const prefix = { africasTalking: `+25471${run}`, gupshup: `+55119${run}`, dhis2: `+474${run}` }[
		gateway
	];
	const width = { africasTalking: 6, gupshup: 7, dhis2: 6 }[gateway];
	return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(width, '0')}`);
}

interface RunResult {
	mode: CrashMode;
	gateway: CrashGateway;
	point: Point;
	chunkInDoubt: number;
	killed: string;
	downMs: number;
	atKill: { messages: number; heldRequests: number; recordRows: number };
	campaignExecution: { id: string; statusAfterResume: string };
	reportsStored: number;
	resume: {
		executionId: string;
		status: string;
		reached: number;
		send: number;
		unknown: number;
		ms: number;
	};
	counts: {
		neverSentNotListed: number;
		sentTwice: number;
		unknownListed: number;
		unknownTakenByGateway: number;
		exactlyOnce: number;
	};
	secondResume: { status: string; newMessages: number; unknown: number };
	unknownReasons: string[];
}

async function main(): Promise<void> {
	const modes = listArg('modes', MODES);
	const gateways = listArg('gateways', GATEWAYS);
	const points = listArg('points', POINTS);
	const recipients = numberArg('recipients', 2000);
	const chunkSize = numberArg('chunk', 200);
	const outDir = stringArg('out-dir') ?? RESULTS_DIR;
	const chunks = Math.ceil(recipients / chunkSize);
	const chunkAt: Record<Point, number> = {
		early: 0,
		middle: Math.floor(chunks / 2),
		last: chunks - 1,
	};
	const installed = await ensureN8nInstalled(log);
	const packed = ensurePackedPackage({ log });
	const simulator = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null });
	const sim = new SimControl(simulator.url);
	const results: RunResult[] = [];
	const started = Date.now();
	const resultFile = (runs: RunResult[], complete: boolean) => ({
		what: 'a chunked campaign (examples/crash-safe-campaign.json) killed with SIGKILL mid-send, then examples/resume-campaign.json run twice; counts at the simulator',
		complete,
		machine: describeMachine({ n8nVersion: installed.n8nVersion }),
		settings: {
			recipients,
			chunkSize,
			chunks,
			chunkAt,
			latencyMs: LATENCY_MS,
			holdMs: HOLD_MS,
			modes,
			gateways,
			points,
		},
		totalMs: Date.now() - started,
		runs,
	});
	let run = 0;
	try {
		for (const mode of modes) {
			const root = fs.mkdtempSync(path.join(os.tmpdir(), `sms-gateways-crash-${mode}-`));
			fs.chmodSync(root, 0o755);
			let stack: CrashStack | undefined;
			try {
				stack = await startCrashStack(mode, {
					rootDir: root,
					tarball: packed.tarball,
					simulator,
					log,
				});
				for (const gateway of gateways) {
					for (const point of points) {
						const numbers = numbersFor(gateway, run++ % 10, recipients);
						const result = await runOne(stack, sim, {
							mode,
							gateway,
							point,
							numbers,
							chunkSize,
							chunkInDoubt: chunkAt[point],
						});
						results.push(result);
						log(JSON.stringify({ ...result, unknownReasons: result.unknownReasons.slice(0, 2) }));
						// Written after every run, so an interrupted bench keeps what it measured.
						writeResult('crash-resume', resultFile(results, false), outDir);
					}
				}
			} finally {
				await stack?.stop();
				fs.rmSync(root, { recursive: true, force: true });
			}
		}
	} finally {
		await simulator.stop();
	}
	log(`wrote ${writeResult('crash-resume', resultFile(results, true), outDir)}`);
	process.stdout.write(`\n${markdownTable(results)}\n`);
}

async function runOne(
	stack: CrashStack,
	sim: SimControl,
	run: {
		mode: CrashMode;
		gateway: CrashGateway;
		point: Point;
		numbers: string[];
		chunkSize: number;
		chunkInDoubt: number;
	},
): Promise<RunResult> {
	const { gateway, numbers, chunkSize, chunkInDoubt } = run;
	const tag = uniqueTag();
	const secret = `bench-Secret-${tag}`;
	const hookPath = `crash-campaign-${tag}`;
	const credentials = Object.fromEntries(
		(['africasTalking', 'gupshup', 'dhis2'] as const).map((key) => [
			CREDENTIAL_TYPE_BY_GATEWAY[key],
			stack.credentials[key],
		]),
	);
	const variant = {
		campaign: `bench-${run.mode}-${gateway}-${run.point}-${tag}`,
		message: `Clinic day moves to Thursday (${tag})`,
		chunkSize,
		contacts: numbers.map((phone, i) => ({ name: `Recipient ${i + 1}`, phone })),
		gateway,
		credentials,
		secret,
	};
	// Started by a Webhook (answering at once) so that in queue mode a worker runs it, not main.
	const campaign = campaignVariant(CAMPAIGN_FILE, { ...variant, name: `crash campaign ${tag}` });
	campaign.nodes = campaign.nodes.map((node) =>
		node.name !== 'Start campaign'
			? node
			: {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					parameters: {
						httpMethod: 'POST',
						path: hookPath,
						responseMode: 'onReceived',
						options: {},
					},
					webhookId: undefined,
				},
	);
	const client = stack.client;
	const stored = await client.createWorkflow(campaign);
	await client.activateWorkflow(await client.getWorkflow(stored.id));
	const resume = await client.createWorkflow(
		campaignVariant(RESUME_FILE, { ...variant, name: `crash resume ${tag}` }),
	);
	const trigger = nodeOf(await client.getWorkflow(stored.id), 'Delivery report');
	const callbackUrl = `${stack.webhookUrl}/webhook/${trigger.webhookId}/delivery-report?token=${encodeURIComponent(secret)}`;
	if (gateway === 'africasTalking')
		await sim.setCallbacks({ africasTalking: { delivery: callbackUrl } });
	if (gateway === 'gupshup') await sim.setCallbacks({ gupshup: { events: callbackUrl } });
	const before = new Set((await sim.messages({ gateway: gateway })).map((m) => m.seq as number));
	const fresh = async () =>
		(await sim.messages({ gateway: gateway })).filter((m) => !before.has(m.seq as number));

	// The chunk in doubt's first request is the gateway's `fromRequest`-th: the simulator holds it
	// (and any later one) HOLD_MS before processing it, so the kill lands while it is held.
	const fromRequest =
		(await gatewayRequests(sim, gateway)) +
		chunkInDoubt * REQUESTS_PER_CHUNK[gateway](chunkSize) +
		1;
	await sim.configure({
		latency: { fixedMs: LATENCY_MS[gateway], jitterMs: 0 },
		hold: { gateway: gateway, fromRequest, ms: HOLD_MS },
	});
	let killed = '';
	let downMs = 0;
	let atKill = { messages: 0, heldRequests: 0, recordRows: 0 };
	let executionId = '';
	try {
		const reply = await client.callWebhook(hookPath, { body: {} });
		if (reply.status !== 200) throw new Error(`the campaign webhook answered ${reply.status}`);
		executionId = await waitFor(
			'the campaign execution',
			async () => {
				const executions = await client.listExecutions({ workflowId: stored.id });
				return executions.length > 0
					? executions.map((e) => e.id).sort((a, b) => Number(a) - Number(b))[0]
					: undefined;
			},
			{ timeoutMs: 60000, intervalMs: 200 },
		);
		await waitFor(
			`chunk ${chunkInDoubt}'s first request at the gateway`,
			async () => ((await gatewayRequests(sim, gateway)) >= fromRequest ? true : undefined),
			{ timeoutMs: 600000, intervalMs: 100 },
		);
		const heldAt = Date.now();
		// Gupshup: the rest of the wave (Send SMS keeps up to 25 requests in flight) arrives too.
		const requests = await settle('requests at the gateway', () => gatewayRequests(sim, gateway));
		atKill = {
			messages: (await fresh()).length,
			heldRequests: requests - fromRequest + 1,
			recordRows: 0,
		};
		const crash = await stack.crash(executionId, async () => {
			// The held requests are processed, and answered to nobody: the gateway has taken them.
			await sleep(Math.max(0, heldAt + HOLD_MS + 1000 - Date.now()));
			await settle('messages at the gateway', async () => (await fresh()).length);
			await sim.configure({ latency: { fixedMs: 0, jitterMs: 0 }, hold: null });
			if (gateway !== 'dhis2') {
				// The chunk in doubt's delivery reports, posted while the process is down.
				const ids = (await fresh()).slice(chunkInDoubt * chunkSize).map((m) => m.id);
				if (ids.length > 0) await sim.deliver({ gateway: gateway, ids }, 120000);
			}
		});
		killed = crash.killed;
		downMs = crash.downMs;
		log(
			`${run.mode} ${gateway} ${run.point}: SIGKILL to ${killed} with ${atKill.messages} messages at the gateway, ${atKill.heldRequests} request(s) held; back after ${downMs} ms`,
		);
	} finally {
		await sim.configure({ latency: { fixedMs: 0, jitterMs: 0 }, hold: null });
	}
	const session = stack.session();
	const record = (await session.dataTablesNamed(RECORD_TABLE))[0];
	atKill.recordRows = await session.dataTableRowCount(record, {
		campaign: variant.campaign,
		status: 'sending',
	});
	// Gateway records settle: the trigger executions of the posted reports have written their rows.
	const reports = await waitFor(
		'the reports table',
		async () => (await session.dataTablesNamed(REPORTS_TABLE))[0],
		{ timeoutMs: 60000 },
	).catch(() => undefined);
	const reportsStored = reports
		? await settle('stored delivery reports', () => rowCount(session, reports))
		: 0;

	log(
		`${run.mode} ${gateway} ${run.point}: ${reportsStored} delivery reports stored; running the resume`,
	);
	const resumeStarted = Date.now();
	const first = await finishedExecution(
		client,
		await session.runFromTrigger(resume.id, 'Resume campaign'),
		900000,
	);
	const resumeMs = Date.now() - resumeStarted;
	const sorted = nodeOutput(first, 'Who was reached');
	const unknownItems = nodeOutput(first, 'In doubt: decide yourself');
	const afterFirst = await fresh();
	const second = await finishedExecution(
		client,
		await session.runFromTrigger(resume.id, 'Resume campaign'),
		900000,
	);
	const afterSecond = await fresh();

	const counts = countRecipients(afterSecond, numbers);
	const unknownDigits = new Set(unknownItems.map((item) => digitsOf(item.phone)));
	const taken = new Set(afterFirst.map((m) => digitsOf(m.to)));
	await client.deactivateWorkflow(stored.id);
	return {
		mode: run.mode,
		gateway,
		point: run.point,
		chunkInDoubt,
		killed,
		downMs,
		atKill,
		campaignExecution: {
			id: executionId,
			statusAfterResume: (await client.getExecution(executionId)).status,
		},
		reportsStored,
		resume: {
			executionId: first.id,
			status: first.status,
			reached: sorted.filter((i) => i.resume === 'reached').length,
			send: sorted.filter((i) => i.resume === 'send').length,
			unknown: unknownItems.length,
			ms: resumeMs,
		},
		counts: {
			neverSentNotListed: counts.neverSentNumbers.filter((n) => !unknownDigits.has(n)).length,
			sentTwice: counts.sentTwiceOrMore,
			unknownListed: unknownItems.length,
			unknownTakenByGateway: [...unknownDigits].filter((n) => taken.has(n)).length,
			exactlyOnce: counts.once,
		},
		secondResume: {
			status: second.status,
			newMessages: afterSecond.length - afterFirst.length,
			unknown: nodeOutput(second, 'In doubt: decide yourself').length,
		},
		unknownReasons: [
			...new Set(
				unknownItems.map((item) => String(item.reason).replace(/chunk \S+/, 'chunk <id>')),
			),
		],
	};
}

async function gatewayRequests(sim: SimControl, gateway: CrashGateway): Promise<number> {
	return (await sim.stats()).requests.byGateway[gateway].total;
}

async function rowCount(
	session: ReturnType<CrashStack['session']>,
	table: DataTableSummary,
): Promise<number> {
	return await session.dataTableRowCount(table, {});
}

/** Polls `read` until it gives the same value three times in a row, one second apart (bounded: 180 s). */
async function settle(what: string, read: () => Promise<number>): Promise<number> {
	let last = -1;
	let same = 0;
	return await waitFor(
		`${what} to settle`,
		async () => {
			const value = await read();
			same = value === last ? same + 1 : 0;
			last = value;
			return same >= 2 ? value : undefined;
		},
		{ timeoutMs: 180000, intervalMs: 1000 },
	);
}

const GATEWAY_NAMES: Record<CrashGateway, string> = {
	africasTalking: "Africa's Talking",
	gupshup: 'Gupshup',
	dhis2: 'DHIS2',
};

/** One row per mode and gateway: the three kill points summed, and the unknown per point. */
export function markdownTable(results: RunResult[]): string {
	const lines = [
		'| mode | gateway | kill points | never sent | sent twice | unknown, listed (of them taken by the gateway) | second resume sent |',
		'|---|---|---|---|---|---|---|',
	];
	for (const mode of MODES) {
		for (const gateway of GATEWAYS) {
			const rows = results.filter((r) => r.mode === mode && r.gateway === gateway);
			if (rows.length === 0) continue;
			const sum = (pick: (r: RunResult) => number) => rows.reduce((total, r) => total + pick(r), 0);
			const unknown = rows
				.map((r) => `${r.point} ${r.counts.unknownListed} (${r.counts.unknownTakenByGateway})`)
				.join(', ');
			lines.push(
				`| ${mode === 'queue' ? 'queue (worker killed)' : 'single (n8n killed)'} | ${GATEWAY_NAMES[gateway]} | ${rows.map((r) => r.point).join(', ')} | ${sum((r) => r.counts.neverSentNotListed)} | ${sum((r) => r.counts.sentTwice)} | ${unknown} | ${sum((r) => r.secondResume.newMessages)} |`,
			);
		}
	}
	return lines.join('\n');
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`crash-resume failed: ${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}

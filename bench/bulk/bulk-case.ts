/**
 * One bulk run in the real n8n: deploy the workflow, warm it up, reset the simulator, post the
 * recipient list to the workflow's webhook, then read what happened from three sides: the
 * client (time until n8n answered), n8n (the execution's start/stop times and the sending node's
 * own run time) and the simulator (requests made, messages accepted per number).
 */
import { executionCounts, newestFinishedExecution } from '../../tooling/n8n/executions';
import {
	digitsOf,
	DISPLAY_NAME,
	recipientList,
	type BenchGateway,
	type Recipient,
	type SendMode,
} from '../support/gateways';
import type { BenchStack } from '../support/n8n-stack';
import type { FaultKind } from '../../tooling/n8n/sim-control';
import { processCpuMs } from '../support/process-cpu';
import { postWebhook } from '../../tooling/n8n/webhook-call';
import {
	bulkWorkflow,
	deploy,
	SENDER_NODE_NAME,
	uniqueTag,
	type SenderNodeSpec,
} from '../support/workflows';
import type { SenderVariant } from './senders';

export interface BulkCase {
	gateway: BenchGateway;
	mode: SendMode;
	variant: SenderVariant;
	recipients: number;
	latencyMs: number;
	/** The simulator's `faults` config for the measured run (not for the warm-up). */
	faults?: Record<string, unknown>;
	sender: SenderNodeSpec;
}

export interface BulkMeasurement {
	gateway: BenchGateway;
	mode: SendMode;
	variant: SenderVariant;
	recipients: number;
	latencyMs: number;
	/** HTTP status of n8n's webhook reply (200 when the workflow finished). */
	replyStatus: number;
	executionStatus: string;
	/** Client side: POST sent → n8n's reply received. */
	clientMs: number;
	/** n8n's execution: stoppedAt − startedAt. */
	runMs: number;
	/** The sending node's own `executionTime` in the run data. */
	nodeMs: number;
	/** CPU time n8n's process used from the POST until its reply (user + system). */
	n8nCpuMs?: number;
	requests: number;
	faults: Record<FaultKind, number>;
	rateLimited: number;
	/** Messages the simulator accepted, and how the recipients map onto them. */
	simMessages: number;
	recipientsOnce: number;
	recipientsMissing: number;
	recipientsDuplicated: number;
	error?: string;
}

export interface BulkRun {
	measurement: BulkMeasurement;
	/** The posted list and the sending node's output items (from n8n's reply). */
	input: Recipient[];
	output: Array<Record<string, unknown>>;
	/** Accepted messages per recipient digits, from `/sim/messages`. */
	simCountByDigits: Map<string, number>;
	simIdsByDigits: Map<string, string[]>;
}

const WARM_UP_RECIPIENTS = 50;
const BIG_BALANCES = { africasTalking: 1e9, gupshup: 1e9, smsBox: 1e9 };

export async function runBulkCase(
	stack: BenchStack,
	spec: BulkCase,
	log: (line: string) => void,
): Promise<BulkRun> {
	const path = `bench-${spec.variant.toLowerCase()}-${spec.gateway.toLowerCase()}-${spec.mode}-${uniqueTag()}`;
	const title = `bench ${spec.variant} ${DISPLAY_NAME[spec.gateway]} ${spec.mode}`;
	const workflow = await deploy(stack.client, bulkWorkflow(title, path, spec.sender));
	try {
		// Warm-up: n8n loads and compiles the nodes on their first run; a long-running n8n is past that.
		await stack.sim.reset();
		await stack.sim.configure({
			latency: { fixedMs: spec.latencyMs, jitterMs: 0 },
			balances: BIG_BALANCES,
		});
		const warmUp = await postWebhook(stack.n8n.url, path, {
			recipients: recipientList(spec.gateway, WARM_UP_RECIPIENTS),
		});
		if (warmUp.status !== 200) log(`  warm-up of ${title} answered ${warmUp.status}`);
		await newestFinishedExecution(stack.client, workflow.id);

		await stack.sim.reset();
		await stack.sim.configure({
			latency: { fixedMs: spec.latencyMs, jitterMs: 0 },
			balances: BIG_BALANCES,
			...(spec.faults ? { faults: spec.faults } : {}),
		});
		const input = recipientList(spec.gateway, spec.recipients);
		const cpuBefore = processCpuMs(stack.n8n.pid);
		const reply = await postWebhook<unknown>(stack.n8n.url, path, { recipients: input });
		const cpuAfter = processCpuMs(stack.n8n.pid);
		const execution = await newestFinishedExecution(stack.client, workflow.id, 15 * 60 * 1000);
		const counts = await executionCounts(stack.client, workflow.id);
		if (counts.total !== 2)
			log(`  ${title}: expected 2 executions (warm-up + run), n8n has ${counts.total}`);

		const simGateway = spec.gateway;
		const stats = await stack.sim.stats();
		const messages = await stack.sim.messages({ gateway: simGateway });
		const simCountByDigits = new Map<string, number>();
		const simIdsByDigits = new Map<string, string[]>();
		for (const message of messages) {
			const digits = digitsOf(message.to);
			simCountByDigits.set(digits, (simCountByDigits.get(digits) ?? 0) + 1);
			simIdsByDigits.set(digits, [...(simIdsByDigits.get(digits) ?? []), message.id]);
		}
		let once = 0;
		let missing = 0;
		let duplicated = 0;
		for (const recipient of input) {
			const count = simCountByDigits.get(digitsOf(recipient.phone)) ?? 0;
			if (count === 1) once++;
			else if (count === 0) missing++;
			else duplicated++;
		}
		const output = Array.isArray(reply.body) ? (reply.body as Array<Record<string, unknown>>) : [];
		const measurement: BulkMeasurement = {
			gateway: spec.gateway,
			mode: spec.mode,
			variant: spec.variant,
			recipients: spec.recipients,
			latencyMs: spec.latencyMs,
			replyStatus: reply.status,
			executionStatus: execution.status,
			clientMs: Math.round(reply.clientMs),
			runMs: execution.runMs,
			nodeMs: execution.nodeMs[SENDER_NODE_NAME] ?? Number.NaN,
			...(cpuBefore !== undefined && cpuAfter !== undefined
				? { n8nCpuMs: Math.round(cpuAfter - cpuBefore) }
				: {}),
			requests: stats.requests.byGateway[simGateway].total,
			faults: pickFaults(stats.faults.byGateway[simGateway]),
			rateLimited: stats.rateLimited[simGateway],
			simMessages: messages.length,
			recipientsOnce: once,
			recipientsMissing: missing,
			recipientsDuplicated: duplicated,
			...(reply.status !== 200 ? { error: JSON.stringify(reply.body).slice(0, 300) } : {}),
		};
		return { measurement, input, output, simCountByDigits, simIdsByDigits };
	} finally {
		await stack.client.deactivateWorkflow(workflow.id);
	}
}

function pickFaults(byKind: Record<FaultKind, number>): Record<FaultKind, number> {
	return {
		rateLimit: byKind.rateLimit,
		serverError: byKind.serverError,
		resetBefore: byKind.resetBefore,
		resetAfter: byKind.resetAfter,
	};
}

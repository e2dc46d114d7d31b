/**
 * `tsx bench/queue/redis-restart.ts [--cases <list>] [--recipients 5000] [--restart-after 1500]
 * [--latency-ms 40] [--down-ms 3000] [--outage-calls 3]`: issue 12's fault "Redis restarted during
 * a campaign", measured in a real n8n queue-mode cluster. For each case, in turn on one cluster: one
 * Send SMS execution sends a Gupshup campaign (one recipient per request, the simulator answering
 * each after --latency-ms, so the run lasts long enough); once the simulator holds --restart-after
 * of its messages, Redis gets the case's signal, stays down --down-ms, and is started again on the
 * same port, password and data folder. While Redis is down, --outage-calls production webhook calls
 * start a one-recipient Send SMS each. Then, from the simulator and from n8n's records: recipients
 * sent twice or never, what became of the campaign execution (and whether a worker ran it again)
 * and of the outage calls, whether every process reconnected (n8n's log lines), and whether a new
 * execution runs afterwards. Writes bench/results/queue-redis-restart.json.
 *
 * A case is `[stale-]<persistence>:<signal>[:<down ms>]`; the default list is
 * none:SIGTERM,none:SIGKILL,rdb:SIGTERM,stale-rdb:SIGKILL,stale-aof:SIGKILL,none:SIGKILL:15000.
 *  - persistence `none`: nothing saved (the cluster's Redis), so Redis comes back empty; `rdb`:
 *    Redis's default snapshots, as the redis Docker image runs (a SIGTERM saves on the way down and
 *    the restart loads it); `aof`: an append-only file fsynced on every write.
 *  - `stale-`: the restart loads a snapshot saved while the campaign's job still waited in the
 *    queue, before a worker took it: what a periodic snapshot taken during a backlog holds.
 *  - the down time overrides --down-ms: the last default case keeps Redis down longer than n8n's
 *    QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD (10 s), after which n8n's processes exit. Nothing restarts
 *    them, so the cases after such a case are left out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { RedisServer } from '../../tooling/n8n/queue/redis-server';
import { countRecipients, waitForSent } from '../../tooling/n8n/sim-recipients';
import { sleep, waitFor } from '../../tooling/n8n/wait-for';
import { numberArg, stringArg } from '../support/args';
import { describeMachine } from '../support/machine';
import { writeResult } from '../support/results';
import {
	campaignNumbers,
	deployCampaign,
	isRunning,
	markClusterLogs,
	startCampaign,
	startQueueBench,
	startsPerWorker,
	waitForEveryRunToFinish,
	workerThatStarted,
	type Campaign,
	type QueueBench,
} from './queue-bench';

const log = (line: string) => process.stdout.write(`[redis-restart] ${line}\n`);

type Persistence = 'none' | 'rdb' | 'aof';
type Signal = 'SIGTERM' | 'SIGKILL';
interface Case {
	persistence: Persistence;
	signal: Signal;
	/**
	 * Stage the snapshot Redis restarts from while the campaign's job still waited: both workers
	 * stopped, the campaign enqueued, SAVE, the workers started again (one takes the job). What a
	 * periodic snapshot taken during a backlog holds when Redis then dies uncleanly.
	 */
	stale: boolean;
	/** Overrides --down-ms. */
	downMs?: number;
}

/** Redis 7's own default save points (what a Redis started without a config file, or the redis Docker image, uses). */
const REDIS_DEFAULT_SAVE = '3600 1 300 100 60 10000';
const UNFINISHED = ['new', 'running', 'waiting', 'unknown'];
/** n8n's words about Redis, the queue and its processes, collected from every process's log during a case. */
// Case-sensitive n8n phrases: workflow names such as "redis-restart-0" must not match.
const FAULT_LINES =
	/Redis connection|Resubscribed|Queue errored|Exiting|Unable to connect|crashed|stalled|Missing key|Missing lock|queue recovery|dangling/;
/** Redis's own words about saving and loading its data (is the queue kept across the restart?). */
const REDIS_LINES = /DB saved|DB loaded|Saving|signal|Loading|Ready to accept|keys/i;

function parseCases(raw: string): Case[] {
	return raw.split(',').map((spec) => {
		const [kind, signal, down] = spec.trim().split(':');
		const stale = kind.startsWith('stale-');
		const persistence = stale ? kind.slice('stale-'.length) : kind;
		const downMs = down === undefined ? undefined : Number(down);
		if (
			(persistence !== 'none' && persistence !== 'rdb' && persistence !== 'aof') ||
			(signal !== 'SIGTERM' && signal !== 'SIGKILL') ||
			(downMs !== undefined && !(Number.isInteger(downMs) && downMs >= 0 && downMs <= 120000))
		) {
			throw new Error(
				`--cases: "${spec}" is not [stale-]<none|rdb|aof>:<SIGTERM|SIGKILL>[:<down ms, at most 120000>]`,
			);
		}
		return { persistence, signal, downMs, stale };
	});
}

/**
 * none: nothing saved (the cluster's Redis). rdb: Redis's default snapshots. aof: an append-only
 * file written and fsynced on every write (appendfsync always), which Redis loads in preference to
 * a snapshot. CONFIG REWRITE writes the setting into redis.conf, so the restart starts with it.
 */
async function setPersistence(redis: RedisServer, persistence: Persistence): Promise<void> {
	await redis.command('CONFIG', 'SET', 'save', persistence === 'none' ? '' : REDIS_DEFAULT_SAVE);
	await redis.command('CONFIG', 'SET', 'appendfsync', 'always');
	await redis.command('CONFIG', 'SET', 'appendonly', persistence === 'aof' ? 'yes' : 'no');
	await redis.command('CONFIG', 'REWRITE');
	// A snapshot left by an earlier case would be loaded by the restart: "none" starts without one.
	if (persistence === 'none') fs.rmSync(path.join(redis.workDir, 'dump.rdb'), { force: true });
}

/** The stale-snapshot staging of `Case.stale`; resolves like startCampaign. */
async function startWithStaleSnapshot(bench: QueueBench, campaign: Campaign, numbers: string[]) {
	const { cluster, client } = bench;
	for (const worker of cluster.workers) await worker.instance.stop();
	const reply = await client.callWebhook(campaign.hookPath, { body: { to: numbers.join(', ') } });
	if (reply.status !== 200)
		throw new Error(`the campaign call answered ${reply.status}: ${reply.body.slice(0, 200)}`);
	const execution = await waitFor(
		'the campaign execution',
		async () => (await client.listExecutions({ workflowId: campaign.workflow.id }))[0],
		{
			timeoutMs: 60000,
		},
	);
	const waiting = await client.getExecution(execution.id);
	await cluster.redis.command('SAVE');
	log(
		`snapshot saved with execution ${execution.id} ${waiting.status} and no worker running; starting the workers again`,
	);
	await Promise.all(cluster.workers.map((worker) => cluster.restartWorker(worker.name)));
	const ranOn = await waitFor(
		`the worker that started execution ${execution.id}`,
		async () => workerThatStarted(cluster, execution.id),
		{
			timeoutMs: 60000,
		},
	);
	return { executionId: execution.id, ranOn, answeredAt: Date.now() };
}

interface OutageCall {
	number: string;
	sentAfterSignalMs: number;
	status?: number;
	error?: string;
	answeredAfterSignalMs: number;
	answeredBeforeRedisWasBack: boolean;
}

/** One production webhook call that starts a one-recipient Send SMS; never throws. */
async function outageCall(
	bench: QueueBench,
	probe: Campaign,
	number: string,
	signalledAt: number,
	redisBack: () => number | undefined,
): Promise<OutageCall> {
	const sentAfterSignalMs = Date.now() - signalledAt;
	const outcome: Pick<OutageCall, 'status' | 'error'> = {};
	try {
		outcome.status = (
			await bench.client.callWebhook(probe.hookPath, {
				body: { to: number },
				registrationTimeoutMs: 0,
			})
		).status;
	} catch (error) {
		outcome.error = (error as Error).message;
	}
	const answered = Date.now();
	const back = redisBack();
	return {
		number,
		sentAfterSignalMs,
		...outcome,
		answeredAfterSignalMs: answered - signalledAt,
		answeredBeforeRedisWasBack: back === undefined || answered < back,
	};
}

async function runCase(
	bench: QueueBench,
	fault: Case,
	index: number,
	defaults: { recipients: number; restartAfter: number; downMs: number; outageCalls: number },
) {
	const { cluster, client, sim } = bench;
	const settings = { ...defaults, downMs: fault.downMs ?? defaults.downMs };
	const label = `${fault.stale ? 'stale-' : ''}${fault.persistence}:${fault.signal}:${settings.downMs}`;
	await setPersistence(cluster.redis, fault.persistence);
	const campaign = await deployCampaign(bench, `redis-restart-${index}`);
	const probe = await deployCampaign(bench, `redis-probe-${index}`);
	const numbers = campaignNumbers(settings.recipients, `8${index}`);
	const outageNumbers = campaignNumbers(settings.outageCalls, `7${index}`);
	const afterNumber = campaignNumbers(1, `6${index}`);
	const logs = markClusterLogs(cluster);
	const redisLogStart = fs.statSync(cluster.redis.logFile).size;

	const {
		executionId,
		ranOn,
		answeredAt: started,
	} = fault.stale
		? await startWithStaleSnapshot(bench, campaign, numbers)
		: await startCampaign(bench, campaign, numbers);
	const sentAtRestart = await waitForSent(sim, numbers, settings.restartAfter);
	const redisPid = cluster.redis.pid;
	log(
		`${label}: ${fault.signal} to Redis (pid ${redisPid}) with ${sentAtRestart} of ${numbers.length} sent, ${Date.now() - started} ms into the run`,
	);
	const signalledAt = Date.now();
	let redisBackAt: number | undefined;
	const restarting = cluster.redis
		.restart({ signal: fault.signal, downMs: settings.downMs })
		.then((timing) => {
			redisBackAt = Date.now();
			return timing;
		});
	await waitFor('Redis to exit', async () => (isRunning(redisPid) ? undefined : true), {
		timeoutMs: 30000,
		intervalMs: 50,
	});
	// Webhook calls while Redis is down, spread over the first half of the outage.
	const calls = outageNumbers.map(async (number, i) => {
		await sleep((i * settings.downMs) / 2 / Math.max(1, settings.outageCalls));
		return await outageCall(bench, probe, number, signalledAt, () => redisBackAt);
	});
	const timing = await restarting;
	log(
		`${label}: Redis answered again ${timing.downMs} ms after the signal (exited after ${timing.exitedMs} ms)`,
	);
	const outage = await Promise.all(calls);
	const redisLines = () =>
		[
			...new Set(
				fs
					.readFileSync(cluster.redis.logFile)
					.subarray(redisLogStart)
					.toString('utf8')
					.split('\n')
					.filter((l) => REDIS_LINES.test(l))
					.map((l) => l.trim()),
			),
		].slice(0, 20);

	// n8n exits when Redis stays unreachable longer than QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD: then nothing below can run.
	await sleep(2000);
	const exited = cluster
		.processes()
		.filter(({ instance }) => !isRunning(instance.pid))
		.map(({ name }) => name);
	if (exited.length > 0) {
		log(`${label}: n8n processes exited: ${exited.join(', ')}`);
		await sleep(20000);
		const messages = await sim.messages({ gateway: 'gupshup' });
		const result = {
			case: label,
			redis: {
				signal: fault.signal,
				persistence: fault.persistence,
				staleSnapshot: fault.stale,
				unreachableMs: timing.downMs,
				exitedAfterMs: timing.exitedMs,
			},
			campaign: {
				executionId,
				ranOn,
				sentAtRestart,
				finalStatus: `not read: ${exited.includes('main') ? 'main' : 'a process'} exited`,
				simulator: countRecipients(messages, numbers),
			},
			callsDuringOutage: { calls: outage, simulator: countRecipients(messages, outageNumbers) },
			processesAfterwards: Object.fromEntries(
				cluster
					.processes()
					.map(({ name, instance }) => [name, isRunning(instance.pid) ? 'running' : 'exited']),
			),
			n8nLogLines: logs.read(FAULT_LINES),
			redisLogLines: redisLines(),
		};
		log(`${label}: ${JSON.stringify(result, null, 2)}`);
		return result;
	}

	const campaignStatus = await waitFor(
		`execution ${executionId} to leave running`,
		async () => {
			const { status } = await client.getExecution(executionId);
			return UNFINISHED.includes(status) ? undefined : status;
		},
		{ timeoutMs: 300000, intervalMs: 2000 },
	).catch((error: Error) => `still unfinished after 300 s (${error.message})`);

	// Anything n8n re-runs would have started by now; wait a little longer anyway, then for every run to end.
	await sleep(20000);
	const runs = await waitForEveryRunToFinish(cluster, executionId).catch((error: Error) => ({
		error: error.message,
	}));

	// A new execution after the restart: does the cluster still take and run work?
	let after: { status?: number; error?: string; execution?: string } = {};
	try {
		const reply = await client.callWebhook(probe.hookPath, {
			body: { to: afterNumber[0] },
			registrationTimeoutMs: 0,
		});
		after = { status: reply.status };
		const sent = await waitForSent(sim, afterNumber, 1, 120000);
		after.execution = sent === 1 ? 'sent' : `sent ${sent} times`;
	} catch (error) {
		after.error = (error as Error).message;
	}
	const probeExecutions = (await client.listAllExecutions({ workflowId: probe.workflow.id })).map(
		(e) => ({ id: e.id, status: e.status }),
	);
	const messages = await sim.messages({ gateway: 'gupshup' });
	const processes = Object.fromEntries(
		cluster
			.processes()
			.map(({ name, instance }) => [name, isRunning(instance.pid) ? 'running' : 'exited']),
	);
	const result = {
		case: label,
		redis: {
			signal: fault.signal,
			persistence: fault.persistence,
			staleSnapshot: fault.stale,
			unreachableMs: timing.downMs,
			exitedAfterMs: timing.exitedMs,
		},
		campaign: {
			executionId,
			ranOn,
			sentAtRestart,
			finalStatus: campaignStatus,
			startsPerWorker: startsPerWorker(cluster, executionId),
			runs,
			executionsOfWorkflow: (await client.listExecutions({ workflowId: campaign.workflow.id })).map(
				(e) => ({ id: e.id, status: e.status }),
			),
			simulator: countRecipients(messages, numbers),
		},
		callsDuringOutage: {
			calls: outage,
			executions: probeExecutions,
			simulator: countRecipients(messages, outageNumbers),
		},
		newExecutionAfterRestart: { ...after, simulator: countRecipients(messages, afterNumber) },
		processesAfterwards: processes,
		n8nLogLines: logs.read(FAULT_LINES),
		redisLogLines: redisLines(),
	};
	log(`${label}: ${JSON.stringify(result, null, 2)}`);
	return result;
}

async function main(): Promise<void> {
	const cases = parseCases(
		stringArg('cases') ??
			'none:SIGTERM,none:SIGKILL,rdb:SIGTERM,stale-rdb:SIGKILL,stale-aof:SIGKILL,none:SIGKILL:15000',
	);
	const settings = {
		recipients: numberArg('recipients', 5000),
		restartAfter: numberArg('restart-after', 1500),
		latencyMs: numberArg('latency-ms', 40),
		downMs: numberArg('down-ms', 3000),
		outageCalls: numberArg('outage-calls', 3),
	};
	const bench = await startQueueBench('redis-restart', log);
	try {
		await bench.sim.configure({ latency: { fixedMs: settings.latencyMs, jitterMs: 0 } });
		const results = [];
		for (const [index, fault] of cases.entries()) {
			const result = await runCase(bench, fault, index, settings);
			results.push(result);
			if (
				Object.values(result.processesAfterwards).includes('exited') &&
				index < cases.length - 1
			) {
				log(`n8n processes exited in case ${result.case}: the cases after it are left out`);
				break;
			}
		}
		const result = {
			what: 'Redis stopped with a signal in the middle of a Send SMS campaign and started again on the same port and data folder',
			machine: describeMachine({ n8nVersion: bench.n8nVersion }),
			settings: {
				...settings,
				gateway: 'gupshup',
				workers: bench.cluster.workers.length,
				redisVersion: bench.cluster.versions.redis,
			},
			cases: results,
		};
		log(`wrote ${writeResult('queue-redis-restart', result)}`);
	} finally {
		await bench.stop();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`redis-restart failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

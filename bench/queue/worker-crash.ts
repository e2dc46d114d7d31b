/**
 * `tsx bench/queue/worker-crash.ts [--recipients 5000] [--kill-after 1500] [--latency-ms 40]`:
 * issue 12's fault "kill -9 a worker in the middle of a campaign", measured in a real n8n queue
 * mode cluster (tooling/n8n/queue/cluster.ts). One Send SMS execution sends a Gupshup campaign
 * (one recipient per request, the simulator answering each after --latency-ms, so the run lasts
 * long enough to be interrupted); once the simulator holds --kill-after of its messages, the
 * worker running the execution gets SIGKILL and is started again. Then, from the simulator and
 * from n8n's own records: how many recipients got the SMS twice, how many never, what n8n did
 * with the execution (its status, and whether any worker started it again). Writes
 * bench/results/queue-worker-crash.json.
 */
import type { QueueProcessName } from '../../tooling/n8n/queue/cluster';
import { sleep, waitFor } from '../../tooling/n8n/wait-for';
import { numberArg } from '../support/args';
import { describeMachine } from '../support/machine';
import { writeResult } from '../support/results';
import { countRecipients, waitForSent } from '../../tooling/n8n/sim-recipients';
import {
	campaignNumbers,
	deployCampaign,
	startCampaign,
	startQueueBench,
	startsPerWorker,
} from './queue-bench';

const log = (line: string) => process.stdout.write(`[worker-crash] ${line}\n`);

async function main(): Promise<void> {
	const recipients = numberArg('recipients', 5000);
	const killAfter = numberArg('kill-after', 1500);
	const latencyMs = numberArg('latency-ms', 40);
	const bench = await startQueueBench('worker-crash', log);
	const { cluster, client, sim } = bench;
	try {
		await sim.configure({ latency: { fixedMs: latencyMs, jitterMs: 0 } });
		// Webhook (answering at once) → Send SMS to every number in the posted list.
		const campaign = await deployCampaign(bench, 'worker-crash');
		const numbers = campaignNumbers(recipients);
		const {
			executionId,
			ranOn: runningOn,
			answeredAt: started,
		} = await startCampaign(bench, campaign, numbers);
		const sentAtKill = await waitForSent(sim, numbers, killAfter);
		const victim = cluster.workers.find((w) => w.name === runningOn)!;
		log(
			`SIGKILL to ${runningOn} (pid ${victim.instance.pid}) with ${sentAtKill} of ${recipients} sent, ${Date.now() - started} ms into the run`,
		);
		process.kill(victim.instance.pid, 'SIGKILL');
		await victim.instance.exited;
		const restartedAt = Date.now();
		await cluster.restartWorker(runningOn as QueueProcessName);
		log(`${runningOn} started again in ${Date.now() - restartedAt} ms`);

		// n8n marks a job whose worker died once its lock expires (QUEUE_WORKER_LOCK_DURATION, 60 s)
		// and the stalled check runs (every 30 s): wait for the execution to leave "running".
		const finalStatus = await waitFor(
			`execution ${executionId} to leave running`,
			async () => {
				const { status } = await client.getExecution(executionId);
				return ['new', 'running', 'waiting', 'unknown'].includes(status) ? undefined : status;
			},
			{ timeoutMs: 300000, intervalMs: 2000 },
		).catch((error: Error) => `still running after 300 s (${error.message})`);
		// Anything n8n would re-run would have started by now; wait a little longer anyway.
		await sleep(30000);

		const messages = await sim.messages({ gateway: 'gupshup' });
		const executionsOfWorkflow = (
			await client.listExecutions({ workflowId: campaign.workflow.id })
		).map((e) => ({ id: e.id, status: e.status }));
		const result = {
			what: 'kill -9 of the worker running a Send SMS campaign, then the worker restarted',
			machine: describeMachine({ n8nVersion: bench.n8nVersion }),
			settings: {
				recipients,
				killAfter,
				latencyMs,
				gateway: 'gupshup',
				workers: cluster.workers.length,
			},
			execution: {
				id: executionId,
				ranOn: runningOn,
				finalStatus,
				startsPerWorker: startsPerWorker(cluster, executionId),
				executionsOfWorkflow,
			},
			simulator: { sentAtKill, ...countRecipients(messages, numbers) },
		};
		log(JSON.stringify(result, null, 2));
		log(`wrote ${writeResult('queue-worker-crash', result)}`);
	} finally {
		await bench.stop();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`worker-crash failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

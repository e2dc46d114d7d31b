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
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSimulator } from '../../simulator';
import { ensureN8nInstalled } from '../../tooling/n8n/install-n8n';
import { ensurePackedPackage } from '../../tooling/n8n/pack-package';
import { provisionSimulatorCredentials } from '../../tooling/n8n/provision-credentials';
import { startQueueCluster } from '../../tooling/n8n/queue/cluster';
import { N8nRestClient } from '../../tooling/n8n/rest-client';
import { SimControl } from '../../tooling/n8n/sim-control';
import { sleep, waitFor } from '../../tooling/n8n/wait-for';
import { deployActive, uniqueTag, webhookThen } from '../../tooling/n8n/workflows';
import { numberArg } from '../support/args';
import { describeMachine } from '../support/machine';
import { writeResult } from '../support/results';
import { countRecipients, killHard, startsPerWorker, workerThatStarted } from './crash-support';

const OWNER = { email: 'bench@example.com', firstName: 'Bench', lastName: 'Mark', password: 'Bench-password-1' };
const log = (line: string) => process.stdout.write(`[worker-crash] ${line}\n`);

async function main(): Promise<void> {
	const recipients = numberArg('recipients', 5000);
	const killAfter = numberArg('kill-after', 1500);
	const latencyMs = numberArg('latency-ms', 40);
	const installed = await ensureN8nInstalled(log);
	const packed = ensurePackedPackage({ log });
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-worker-crash-'));
	fs.chmodSync(root, 0o755);
	const simulator = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null });
	let cluster: Awaited<ReturnType<typeof startQueueCluster>> | undefined;
	try {
		cluster = await startQueueCluster({
			rootDir: root,
			postgresDataDir: path.join(root, 'postgres'),
			tarball: packed.tarball,
			logLevel: 'info',
			log,
		});
		const sim = new SimControl(simulator.url);
		await sim.configure({ latency: { fixedMs: latencyMs, jitterMs: 0 } });
		const client = new N8nRestClient(cluster.main.url, undefined, cluster.webhookUrl);
		await client.ensureOwnerAndLogin(OWNER);
		const { credentials } = await provisionSimulatorCredentials(client, simulator.url, simulator.accounts);

		// Webhook (answering at once) → Send SMS to every number in the posted list.
		const hookPath = `worker-crash-${uniqueTag()}`;
		const definition = webhookThen(hookPath, {
			type: 'sendSms',
			name: 'Send SMS',
			parameters: { gateway: 'gupshup', to: '={{ $json.body.to }}', message: 'Clinic day is Thursday', options: {} },
			credentials: { gupshupApi: { id: credentials.gupshup.id, name: credentials.gupshup.name } },
		});
		definition.nodes[0].parameters = { ...definition.nodes[0].parameters, responseMode: 'onReceived' };
		const workflow = await deployActive(client, definition);
		const numbers = Array.from({ length: recipients }, (_, i) => `+5511987${String(i + 1).padStart(6, '0')}`);
		const reply = await client.callWebhook(hookPath, { body: { to: numbers.join(', ') } });
		if (reply.status !== 200) throw new Error(`the campaign call answered ${reply.status}: ${reply.body.slice(0, 200)}`);
		const started = Date.now();

		const execution = await waitFor('the campaign execution', async () => (await client.listExecutions({ workflowId: workflow.id }))[0], {
			timeoutMs: 60000,
		});
		const runningOn = await workerThatStarted(cluster, execution.id);
		const sentAtKill = await waitFor(
			`${killAfter} messages at the simulator`,
			async () => {
				const count = (await sim.messages({ gateway: 'gupshup' })).length;
				return count >= killAfter ? count : undefined;
			},
			{ timeoutMs: 600000, intervalMs: 200 },
		);
		const victim = cluster.workers.find((w) => w.name === runningOn)!;
		log(`SIGKILL to ${runningOn} (pid ${victim.instance.pid}) with ${sentAtKill} of ${recipients} sent, ${Date.now() - started} ms into the run`);
		await killHard(victim.instance);
		const restartedAt = Date.now();
		await cluster.restartWorker(runningOn);
		log(`${runningOn} started again in ${Date.now() - restartedAt} ms`);

		// n8n marks a job whose worker died once its lock expires (QUEUE_WORKER_LOCK_DURATION, 60 s)
		// and the stalled check runs (every 30 s): wait for the execution to leave "running".
		const finalStatus = await waitFor(
			`execution ${execution.id} to leave running`,
			async () => {
				const { status } = await client.getExecution(execution.id);
				return ['new', 'running', 'waiting', 'unknown'].includes(status) ? undefined : status;
			},
			{ timeoutMs: 300000, intervalMs: 2000 },
		).catch((error: Error) => `still running after 300 s (${error.message})`);
		// Anything n8n would re-run would have started by now; wait a little longer anyway.
		await sleep(30000);

		const messages = await sim.messages({ gateway: 'gupshup' });
		const counts = countRecipients(messages, numbers);
		const startsPerWorkerOfExecution = startsPerWorker(cluster, execution.id);
		const executionsOfWorkflow = (await client.listExecutions({ workflowId: workflow.id })).map((e) => ({ id: e.id, status: e.status }));
		const result = {
			what: 'kill -9 of the worker running a Send SMS campaign, then the worker restarted',
			machine: describeMachine({ n8nVersion: installed.n8nVersion }),
			settings: { recipients, killAfter, latencyMs, gateway: 'gupshup', workers: cluster.workers.length },
			execution: { id: execution.id, ranOn: runningOn, finalStatus, startsPerWorker: startsPerWorkerOfExecution, executionsOfWorkflow },
			simulator: {
				sentAtKill,
				messagesStored: messages.length,
				distinctRecipients: numbers.length - counts.neverSent,
				sentTwiceOrMore: counts.sentTwiceOrMore,
				neverSent: counts.neverSent,
			},
		};
		log(JSON.stringify(result, null, 2));
		log(`wrote ${writeResult('queue-worker-crash', result)}`);
	} finally {
		await cluster?.stop();
		await simulator.stop();
		fs.rmSync(root, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	process.stderr.write(`worker-crash failed: ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

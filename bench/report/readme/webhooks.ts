/** bench/README.md section 2: webhook acknowledgement table, goals, and the measured reasons. */
import { TARGET_LABEL, type WebhookResult } from '../webhook-result';
import type { ResultEnvelope } from '../envelope';
import { fmt, machineLine, met, x } from './format';

export function webhookSection(envelope: ResultEnvelope<WebhookResult>): string {
	const { rows, settings, highestSustainedRate, p99Comparisons } = envelope.result;
	const lines: string[] = [];
	lines.push('## 2. Webhook acknowledgement under load', '');
	lines.push('```bash', envelope.command, '```', '');
	lines.push(machineLine(envelope), '');
	lines.push(
		`Open-loop load generator in its own process (keep-alive, a send on schedule whatever the answers), latency from each ` +
			`callback's scheduled time to the end of n8n's answer; lost = non-2xx, connection error or no answer in 10 s. Receivers: ` +
			`${TARGET_LABEL.trigger} (activated, production URL, secret token) and, in the same n8n, ${TARGET_LABEL.webhookNode} ` +
			`(responseMode onReceived). Each is alone in its workflow; every callback should start one execution. Fixed rate ` +
			`${settings.fixedRate}/s × ${fmt(settings.fixedCount)} callbacks, then steps of ${settings.stepSeconds} s (at least ${settings.minStepCallbacks ?? 100} callbacks) at ` +
			`${settings.stepRates.join(', ')}/s (a receiver stops at its first step that misses the goal).` +
			(settings.fixedCount < 10000
				? ` The fixed-rate runs send ${fmt(settings.fixedCount)} callbacks, not the issue's 10,000, to keep \`npm run bench\` ` +
					'under 30 minutes: n8n falls behind within seconds at that rate and every extra callback adds to the drain; ' +
					'`--webhook-count 10000` runs the full count.'
				: ''),
		'',
	);
	lines.push(
		'| receiver | payload | rate /s (sent) | callbacks | p50 ms | p99 ms | max ms | lost | executions started | n8n CPU ms / callback | drain ms | goal |',
	);
	lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		lines.push(
			`| ${TARGET_LABEL[r.target]} | ${r.payload === 'africasTalking' ? "Africa's Talking form" : 'Gupshup JSON'} | ${fmt(r.targetRate)} (${fmt(r.sentRate, 1)}) | ` +
				`${fmt(r.count)} | ${fmt(r.latencyMs.p50, 1)} | ${fmt(r.latencyMs.p99, 1)} | ${fmt(r.latencyMs.max)} | ${fmt(r.lost)} | ` +
				`${fmt(r.executionsStarted)} | ${fmt(r.n8nCpuMsPerCallback, 1)} | ${fmt(r.drainMs)} | ${r.meetsGoal ? 'yes' : 'no'} |`,
		);
	}
	lines.push('');
	const fixed = rows.filter((r) => r.phase === 'fixed');
	const triggerFixed = fixed.filter((r) => r.target === 'trigger');
	lines.push('**Goals**', '');
	for (const r of triggerFixed) {
		lines.push(
			`- p99 under ${settings.p99GoalMs} ms at ${settings.fixedRate}/s (${r.payload}): ${met(r.latencyMs.p99 < settings.p99GoalMs)} ` +
				`(p99 ${fmt(r.latencyMs.p99, 1)} ms${r.latencyMs.p99 >= settings.p99GoalMs ? `, ${x(r.latencyMs.p99 / settings.p99GoalMs)} the goal` : ''}).`,
		);
		lines.push(
			`- 0 lost at ${settings.fixedRate}/s (${r.payload}): ${met(r.lost === 0)} (${fmt(r.lost)} of ${fmt(r.count)} lost).`,
		);
	}
	const comparable = (p99Comparisons ?? []).filter((c) => c.comparable);
	const censored = (p99Comparisons ?? []).filter((c) => !c.comparable);
	if (comparable.length > 0) {
		const within = comparable.filter((c) => c.ratio <= 1.1);
		lines.push(
			`- p99 within 1.1× of n8n's Webhook node: ${met(within.length === comparable.length)} at ` +
				`${within.length} of ${comparable.length} rates where neither lost a callback (` +
				comparable
					.map(
						(c) =>
							`${c.rate}/s ${c.payload}: ${fmt(c.triggerP99, 1)} vs ${fmt(c.webhookNodeP99, 1)} ms, ${x(c.ratio)}`,
					)
					.join('; ') +
				').',
		);
	}
	if (censored.length > 0) {
		lines.push(
			`- Not comparable: ${censored.map((c) => `${c.rate}/s ${c.payload}`).join(', ')}, where callbacks were lost and both p99s ` +
				'are capped by the 10 s client timeout.',
		);
	}
	lines.push(
		`- Highest rate sustained (0 lost, every callback an execution, p99 < ${settings.p99GoalMs} ms): ` +
			`${TARGET_LABEL.trigger} ${highestSustainedRate.trigger ?? 'none of the rates tried'}${highestSustainedRate.trigger ? '/s' : ''}, ` +
			`${TARGET_LABEL.webhookNode} ${highestSustainedRate.webhookNode ?? 'none of the rates tried'}${highestSustainedRate.webhookNode ? '/s' : ''}.`,
		'',
	);
	// CPU per callback only where every callback was answered: a run that lost callbacks did
	// not do the same work for each of them.
	const clean = rows.filter((r) => r.lost === 0);
	const cpu = clean.map((r) => r.n8nCpuMsPerCallback).filter((v): v is number => v !== undefined);
	const locks = rows.reduce((sum, r) => sum + r.n8nLog.sqliteLockTimeouts, 0);
	const notReady = rows.reduce((sum, r) => sum + r.n8nLog.databaseNotReady, 0);
	const struggles = [
		locks > 0 ? `${fmt(locks)} SQLite write-lock timeouts (\`SqliteWriteConnectionMutex\`)` : '',
		notReady > 0 ? `${fmt(notReady)} answers "503 Database is not ready"` : '',
	].filter(Boolean);
	if (cpu.length > 0) {
		lines.push(
			`**Why.** In the runs that lost nothing, each callback cost n8n ${fmt(Math.min(...cpu), 1)}–${fmt(Math.max(...cpu), 1)} ms of ` +
				"CPU (its process's user + system time from the first send until every execution had finished, divided by the " +
				"callbacks): n8n's handling of a production webhook call, which loads the workflow and creates, runs and saves an " +
				`execution (SQLite, every execution saved: n8n's defaults). At that price ${envelope.machine.cores} cores give n8n at most ` +
				`${fmt((1000 * envelope.machine.cores) / Math.max(...cpu))}–${fmt((1000 * envelope.machine.cores) / Math.min(...cpu))} callbacks/s, ` +
				'shared with the load generator; above that, answers queue behind executions until the client gives up.' +
				(struggles.length > 0 ? ` n8n's log during these runs: ${struggles.join(', ')}.` : ''),
			'',
		);
	}
	const fixedRows = rows.filter((r) => r.phase === 'fixed');
	const partial = fixedRows.filter((r) => r.executionsStarted < r.count);
	if (partial.length > 0) {
		lines.push(
			`At ${settings.fixedRate}/s n8n started executions for ` +
				fixedRows
					.map(
						(r) =>
							`${fmt(r.executionsStarted)} of ${fmt(r.count)} callbacks (${TARGET_LABEL[r.target]}, ${r.payload})`,
					)
					.join(', ') +
				': a lost callback may still have reached a workflow after its sender gave up, so a gateway that retries it would then deliver it twice.',
			'',
		);
	}
	const mean = (target: string) => {
		const values = clean
			.filter((r) => r.target === target)
			.map((r) => r.n8nCpuMsPerCallback)
			.filter((v): v is number => v !== undefined);
		return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
	};
	const triggerCpu = mean('trigger');
	const peerCpu = mean('webhookNode');
	if (triggerCpu !== undefined && peerCpu !== undefined) {
		lines.push(
			`**Why the trigger costs more than the Webhook node.** In the same runs, n8n's CPU per callback averaged ${fmt(triggerCpu, 1)} ms with the ` +
				`trigger and ${fmt(peerCpu, 1)} ms with its own Webhook node. n8n 2.41 acquires an expression isolate for the webhook phase of ` +
				"every production call unless the workflow starts with n8n's own Webhook node (version 2 or later, static parameters): " +
				"`webhookPhaseNeedsIsolate` in `n8n/dist/webhooks/live-webhooks.js`. A community trigger cannot skip it. The trigger's own " +
				`\`webhook()\` is not the cost: run through n8n-core's WebhookContext in the engine it used ` +
				`${(envelope.result.triggerEngineCost ?? []).map((c) => `${fmt(c.cpuMsPerCall, 3)} ms CPU per call (${c.payload}, ${fmt(c.calls)} calls)`).join(', ')}.`,
			'',
		);
	}
	return lines.join('\n');
}

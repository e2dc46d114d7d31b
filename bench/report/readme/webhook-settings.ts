/**
 * bench/README.md section 2 when bench/results/webhooks.json holds the settings matrix (shape 2):
 * per n8n setting, the three receivers at each rate; the highest rate each sustained; the CPU per
 * callback of each; the goals of issue 16 marked met or missed by how much; the pool size the
 * figures recommend. Everything is computed from the result file.
 */
import {
	RECEIVER_LABEL,
	RECEIVERS,
	type ReceiverKind,
} from '../../webhooks/settings/callback-targets';
import type {
	SettingResult,
	SettingsRun,
	WebhookSettingsResult,
} from '../../webhooks/settings/measure-settings';
import type { ResultEnvelope } from '../envelope';
import { fmt, machineLine, met, x } from './format';

export function isSettingsResult(result: unknown): result is WebhookSettingsResult {
	return (
		typeof result === 'object' && result !== null && (result as { shape?: unknown }).shape === 2
	);
}

/**
 * CPU per callback of one receiver under one setting: the mean over the rates at which it lost
 * nothing (a run that lost callbacks did not do the same work for each). Undefined when none.
 */
export function cleanCpu(setting: SettingResult, receiver: ReceiverKind): number | undefined {
	const values = setting.runs
		.filter((r) => r.receiver === receiver && r.lost === 0)
		.map((r) => r.cpuMsPerCallbackTotal);
	return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

/** The same, over only the rates at which both receivers lost nothing, so they are comparable. */
function pairedCpu(
	setting: SettingResult,
	a: ReceiverKind,
	b: ReceiverKind,
): { a: number; b: number; rates: number[] } | undefined {
	const rates = [...new Set(setting.runs.map((r) => r.targetRate))].filter((rate) =>
		[a, b].every((kind) =>
			setting.runs.some((r) => r.receiver === kind && r.targetRate === rate && r.lost === 0),
		),
	);
	if (rates.length === 0) return undefined;
	const mean = (kind: ReceiverKind) =>
		rates
			.map(
				(rate) =>
					setting.runs.find((r) => r.receiver === kind && r.targetRate === rate)!
						.cpuMsPerCallbackTotal,
			)
			.reduce((s, v) => s + v, 0) / rates.length;
	return { a: mean(a), b: mean(b), rates };
}

const rateText = (rate: number | null) => (rate === null ? 'none' : `${fmt(rate)}/s`);

/** Among the lazy-acquisition settings of one process: the highest v2 sustained rate, then the lowest v2 CPU. */
export function recommendedSetting(result: WebhookSettingsResult): SettingResult | undefined {
	const candidates = result.settings.filter(
		(s) => !s.queue && !s.error && s.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE === 'true',
	);
	return [...candidates].sort((p, q) => {
		const byRate =
			(q.highestSustainedRate.triggerV2 ?? 0) - (p.highestSustainedRate.triggerV2 ?? 0);
		if (byRate !== 0) return byRate;
		return (cleanCpu(p, 'triggerV2') ?? Infinity) - (cleanCpu(q, 'triggerV2') ?? Infinity);
	})[0];
}

function runRow(run: SettingsRun, processes: string[]): string {
	return (
		`| ${RECEIVER_LABEL[run.receiver]} | ${fmt(run.targetRate)} (${fmt(run.sentRate, 1)}) | ${fmt(run.count)} | ${fmt(run.latencyMs.p50, 1)} | ` +
		`${fmt(run.latencyMs.p99, 1)} | ${fmt(run.lost)} | ${fmt(run.executionsStarted)} | ` +
		`${processes.map((p) => fmt(run.cpuMsPerCallback[p], 1)).join(' | ')} | ${run.meetsGoal ? 'yes' : 'no'} |`
	);
}

export function webhookSettingsSection(envelope: ResultEnvelope<WebhookSettingsResult>): string {
	const result = envelope.result;
	const { options } = result;
	const lines: string[] = ['## 2. Webhook acknowledgement under load, per n8n setting', ''];
	lines.push('```bash', envelope.command, '```', '');
	lines.push(machineLine(envelope), '');
	lines.push(
		`Receivers, deployed side by side in the same n8n, each followed by a No-Op: ${RECEIVERS.map((r) => RECEIVER_LABEL[r]).join(', ')} ` +
			`(answering at once). Callbacks: Africa's Talking delivery reports, each with its own id. Per setting one n8n (or one queue ` +
			`cluster) is started, warmed up with ${fmt(options.warmUpCallbacks)} callbacks per receiver, then sent ` +
			`${fmt(options.callbacksPerRun)} callbacks per rate at ${options.rates.map((r) => `${r}/s`).join(', ')} by an open-loop ` +
			`generator in its own process (latency from each callback's scheduled time to the end of its answer). Lost = non-2xx, ` +
			`connection error or no answer in ${fmt(options.clientTimeoutMs / 1000)} s. The goal at a rate: p99 < ${options.p99GoalMs} ms, ` +
			'nothing lost, one execution per callback; a receiver stops climbing at its first rate that misses it. CPU is each n8n ' +
			"process's user + system time (`/proc/<pid>/stat`) from the first send until every execution had finished, divided by all the callbacks of the run (with two webhook " +
			'processors, each received half of them).',
		'',
	);

	lines.push(
		'**Highest rate sustained** (p99 < ' +
			`${options.p99GoalMs} ms, nothing lost) and **n8n CPU per callback** (ms, all processes, mean over the rates that lost nothing):`,
		'',
	);
	lines.push(
		`| setting | ${RECEIVERS.map((r) => `${RECEIVER_LABEL[r]}: rate | CPU`).join(' | ')} |`,
	);
	lines.push(`|---|${RECEIVERS.map(() => '---|---').join('|')}|`);
	for (const setting of result.settings) {
		if (setting.error) {
			const empty = Array.from({ length: RECEIVERS.length * 2 - 1 }, () => ' |').join('');
			lines.push(
				`| ${setting.label} | not measured: ${setting.error.replace(/\|/g, '/')} |${empty}`,
			);
			continue;
		}
		lines.push(
			`| ${setting.label} | ${RECEIVERS.map((r) => `${rateText(setting.highestSustainedRate[r])} | ${fmt(cleanCpu(setting, r), 1)}`).join(' | ')} |`,
		);
	}
	lines.push('');

	lines.push(...goalLines(result), '');

	for (const setting of result.settings) {
		lines.push(`### ${setting.label}`, '');
		const env = Object.entries(setting.env).map(([k, v]) => `\`${k}=${v}\``);
		lines.push(
			`Environment on top of n8n's defaults: ${env.length > 0 ? env.join(', ') : 'none'}.` +
				(setting.receiving ? ` Callbacks reach ${setting.receiving}.` : ''),
			'',
		);
		if (setting.error) {
			lines.push(`Not measured: ${setting.error}`, '');
			continue;
		}
		lines.push(
			`| receiver | rate /s (sent) | callbacks | p50 ms | p99 ms | lost | executions started | ${setting.processes.map((p) => `CPU ms/callback ${p}`).join(' | ')} | goal |`,
		);
		lines.push(`|---|---|---|---|---|---|---|${setting.processes.map(() => '---|').join('')}---|`);
		for (const run of setting.runs) lines.push(runRow(run, setting.processes));
		lines.push('');
	}
	return lines.join('\n');
}

export interface SettingsGoal {
	goal: string;
	measured: string;
	/** Undefined when the run holds nothing to judge it by. */
	met: boolean | undefined;
}

/** Issue 16's goals, judged from the run (also listed in the report's goals at a glance). */
export function settingsGoals(result: WebhookSettingsResult): SettingsGoal[] {
	const goals: SettingsGoal[] = [];
	const limit = result.options.p99GoalMs;
	const byId = (id: string) => result.settings.find((s) => s.id === id && !s.error);
	const lazy = byId('lazy');
	const cpuGoal = "Lazy acquisition: trigger v2's n8n CPU per callback ≤ 1.1× the Webhook node's";
	const rateGoal = `Lazy acquisition: trigger v2 sustains 100/s (p99 < ${limit} ms, nothing lost)`;
	if (lazy) {
		const paired = pairedCpu(lazy, 'triggerV2', 'webhookNode');
		if (paired) {
			const ratio = paired.a / paired.b;
			goals.push({
				goal: cpuGoal,
				met: ratio <= 1.1,
				measured:
					`${fmt(paired.a, 1)} vs ${fmt(paired.b, 1)} ms, ${x(ratio)}${ratio > 1.1 ? `, ${fmt((ratio / 1.1 - 1) * 100, 0)}% over the limit` : ''}; ` +
					`rates ${paired.rates.join(', ')}/s where both lost nothing`,
			});
		} else
			goals.push({
				goal: cpuGoal,
				met: undefined,
				measured: 'not comparable: no rate at which both lost nothing',
			});
		const v2 = lazy.highestSustainedRate.triggerV2;
		const at100 = lazy.runs.find((r) => r.receiver === 'triggerV2' && r.targetRate === 100);
		goals.push({
			goal: rateGoal,
			met: result.options.rates.includes(100) || (v2 ?? 0) >= 100 ? (v2 ?? 0) >= 100 : undefined,
			measured: at100
				? `at 100/s: p99 ${fmt(at100.latencyMs.p99, 1)} ms${at100.latencyMs.p99 >= limit ? ` (${x(at100.latencyMs.p99 / limit)} the limit)` : ''}, ${fmt(at100.lost)} lost; highest ${rateText(v2)}`
				: `highest ${rateText(v2)}; 100/s ${result.options.rates.includes(100) ? 'not reached' : 'not among the rates run'}`,
		});
	} else {
		goals.push({
			goal: cpuGoal,
			met: undefined,
			measured: 'lazy acquisition not measured in this run',
		});
		goals.push({
			goal: rateGoal,
			met: undefined,
			measured: 'lazy acquisition not measured in this run',
		});
	}
	const defaults = byId('defaults');
	const v1Goal = "n8n's defaults: trigger v2 no slower than v1 (CPU per callback and highest rate)";
	if (defaults) {
		const paired = pairedCpu(defaults, 'triggerV2', 'triggerV1');
		const r1 = defaults.highestSustainedRate.triggerV1;
		const r2 = defaults.highestSustainedRate.triggerV2;
		const rates = `highest rate ${rateText(r2)} vs ${rateText(r1)}`;
		if (paired) {
			const ratio = paired.a / paired.b;
			goals.push({
				goal: v1Goal,
				met: ratio <= 1 && (r2 ?? 0) >= (r1 ?? 0),
				measured: `${fmt(paired.a, 1)} vs ${fmt(paired.b, 1)} ms, ${x(ratio)}${ratio > 1 ? ` (${fmt((ratio - 1) * 100, 0)}% slower)` : ''}; ${rates}`,
			});
		} else
			goals.push({
				goal: v1Goal,
				met: undefined,
				measured: `CPU not comparable (no rate at which both lost nothing); ${rates}`,
			});
	} else
		goals.push({
			goal: v1Goal,
			met: undefined,
			measured: "n8n's defaults not measured in this run",
		});
	return goals;
}

const verdict = (ok: boolean | undefined) => (ok === undefined ? '**not judged**' : met(ok));

function goalLines(result: WebhookSettingsResult): string[] {
	const lines = ['**Goals (callbacks at volume)**', ''];
	for (const goal of settingsGoals(result))
		lines.push(`- ${goal.goal}: ${verdict(goal.met)} (${goal.measured}).`);
	const recommended = recommendedSetting(result);
	if (recommended) {
		const others = result.settings.filter(
			(s) =>
				s !== recommended &&
				!s.queue &&
				!s.error &&
				s.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE === 'true',
		);
		lines.push(
			`- Recommended for one process: **${recommended.label}** — the highest rate trigger v2 sustained (${rateText(recommended.highestSustainedRate.triggerV2)}), ` +
				`then the lowest CPU per callback (${fmt(cleanCpu(recommended, 'triggerV2'), 1)} ms)` +
				(others.length > 0
					? `; against ${others.map((s) => `${s.label}: ${rateText(s.highestSustainedRate.triggerV2)}, ${fmt(cleanCpu(s, 'triggerV2'), 1)} ms`).join('; ')}.`
					: '.'),
		);
	}
	return lines;
}

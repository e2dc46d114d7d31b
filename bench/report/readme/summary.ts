/** The table at the top of bench/README.md (the project README copies it): every goal of the benchmark (bench/README.md#goals-at-a-glance), its figure and whether it was met. */
import type { BulkResult } from '../../bulk/measure-bulk';
import type { FaultResult } from '../../faults/measure-faults';
import type { ScaleResult } from '../../scale/measure-scale';
import { DISPLAY_NAME } from '../../support/gateways';
import type { WebhookResult } from '../webhook-result';
import type { WebhookSettingsResult } from '../../webhooks/settings/measure-settings';
import type { ResultEnvelope } from '../envelope';
import { settingsGoals } from './webhook-settings';
import { fmt, x } from './format';

interface GoalRow {
	goal: string;
	measured: string;
	met: boolean;
}

export function summarySection(envelopes: {
	bulk?: ResultEnvelope<BulkResult>;
	webhooks?: ResultEnvelope<WebhookResult>;
	faults?: ResultEnvelope<FaultResult>;
	scale?: ResultEnvelope<ScaleResult>;
	webhooksLegacy?: ResultEnvelope<WebhookResult>;
	/** The webhook phase's settings matrix (result shape 2), when webhooks.json holds one. */
	webhookSettings?: ResultEnvelope<WebhookSettingsResult>;
}): string {
	const rows: GoalRow[] = [];
	const bulk = envelopes.bulk?.result;
	if (bulk?.goals) {
		// Issue 11's table, as bench/bulk/goals.ts judged it from this run's rows (the worst gateway decides).
		for (const line of bulk.goals) {
			const measured = Object.entries(line.measured)
				.map(
					([gateway, value]) =>
						`${DISPLAY_NAME[gateway as keyof typeof DISPLAY_NAME]} ${fmt(value, 2)}`,
				)
				.join(', ');
			if (line.met !== null)
				rows.push({ goal: `${capitalise(line.row)}: ${line.goal}`, measured, met: line.met });
		}
	} else if (bulk) {
		const broadcast = bulk.comparisons.filter((c) => c.mode === 'broadcast');
		const personalised = bulk.comparisons.filter((c) => c.mode === 'personalised');
		const list = (
			items: typeof broadcast,
			value: (c: (typeof broadcast)[number]) => number | undefined,
		) =>
			items
				.filter((c) => value(c) !== undefined)
				.map((c) => `${DISPLAY_NAME[c.gateway]} ${x(value(c))}`)
				.join(', ');
		const values = (
			items: typeof broadcast,
			value: (c: (typeof broadcast)[number]) => number | undefined,
		) => items.map(value).filter((v): v is number => v !== undefined);
		if (broadcast.length > 0) {
			rows.push({
				goal: 'Bulk broadcast within 1.3× of the floor',
				measured: list(broadcast, (c) => c.ratioToFloor),
				met: Math.max(...values(broadcast, (c) => c.ratioToFloor)) <= 1.3,
			});
			const speed = values(broadcast, (c) => c.speedupVsHttpDefaults);
			if (speed.length > 0) {
				rows.push({
					goal: 'Bulk broadcast ≥ 50× faster than HTTP Request (defaults)',
					measured: list(broadcast, (c) => c.speedupVsHttpDefaults),
					met: Math.min(...speed) >= 50,
				});
			}
		}
		const pSpeed = values(personalised, (c) => c.speedupVsHttpDefaults);
		if (pSpeed.length > 0) {
			rows.push({
				goal: 'Bulk personalised ≥ 8× faster than HTTP Request (defaults)',
				measured: list(personalised, (c) => c.speedupVsHttpDefaults),
				met: Math.min(...pSpeed) >= 8,
			});
		}
	}
	const webhooks = envelopes.webhooks?.result;
	if (webhooks) {
		const rate = webhooks.settings.fixedRate;
		const fixed = webhooks.rows.filter((r) => r.phase === 'fixed' && r.target === 'trigger');
		if (fixed.length > 0) {
			rows.push({
				goal: `Delivery-report trigger p99 < ${webhooks.settings.p99GoalMs} ms at ${rate}/s`,
				measured: fixed.map((r) => `${r.payload} ${fmt(r.latencyMs.p99)} ms`).join(', '),
				met: fixed.every((r) => r.latencyMs.p99 < webhooks.settings.p99GoalMs),
			});
			rows.push({
				goal: `0 callbacks lost at ${rate}/s`,
				measured: fixed.map((r) => `${r.payload} ${fmt(r.lost)} of ${fmt(r.count)}`).join(', '),
				met: fixed.every((r) => r.lost === 0),
			});
		}
		const comparable = (webhooks.p99Comparisons ?? []).filter((c) => c.comparable);
		if (comparable.length > 0) {
			rows.push({
				goal: "Trigger p99 within 1.1× of n8n's Webhook node",
				measured: `${comparable.map((c) => `${c.rate}/s ${x(c.ratio)}`).join(', ')} (rates where neither lost a callback)`,
				met: comparable.every((c) => c.ratio <= 1.1),
			});
		}
		const h = webhooks.highestSustainedRate;
		rows.push({
			goal: 'Highest rate sustained (0 lost, p99 < 100 ms)',
			measured: `trigger ${h.trigger ?? 'none of the rates tried'}${h.trigger ? '/s' : ''}, Webhook node ${h.webhookNode ?? 'none of the rates tried'}${h.webhookNode ? '/s' : ''}`,
			met: (h.trigger ?? 0) >= rate,
		});
	}
	if (envelopes.webhookSettings) {
		for (const goal of settingsGoals(envelopes.webhookSettings.result)) {
			if (goal.met !== undefined)
				rows.push({ goal: goal.goal, measured: goal.measured, met: goal.met });
		}
	}
	const scaleRows =
		envelopes.scale?.result.rows.filter((r) => r.workload === 'engine' && r.size >= 100000) ?? [];
	for (const row of scaleRows) {
		rows.push({
			goal: `One run of ${fmt(row.size)} recipients in the engine: ≤ 2 s CPU, ≤ 100 MiB`,
			measured: `${fmt(row.cpuMs)} ms CPU, ${fmt(row.extraMiB)} MiB`,
			met: row.cpuMs <= 2000 && row.extraMiB <= 100,
		});
	}
	const faults = envelopes.faults?.result;
	if (faults) {
		const t = faults.totals;
		rows.push({
			goal: 'Faults: 0 duplicates',
			measured: fmt(t.duplicates),
			met: t.duplicates === 0,
		});
		rows.push({
			goal: 'Faults: 0 silent losses',
			measured: fmt(t.silentLosses),
			met: t.silentLosses === 0,
		});
		rows.push({
			goal: 'Faults: 100% of ambiguous cases reported `unknown`',
			measured: `${fmt(t.ambiguousReportedUnknown)} of ${fmt(t.ambiguous)}`,
			met: t.ambiguousReportedUnknown === t.ambiguous,
		});
	}
	if (rows.length === 0) return '';
	const header = envelopes.webhookSettings
		? 'measured (n8n defaults unless the goal names a setting)'
		: 'measured (n8n defaults)';
	const lines = [`| goal | ${header} | |`, '|---|---|---|'];
	for (const row of rows)
		lines.push(`| ${row.goal} | ${row.measured} | ${row.met ? 'met' : '**missed**'} |`);
	const legacy = envelopes.webhooksLegacy?.result;
	const legacyFixed =
		legacy?.rows.filter((r) => r.phase === 'fixed' && r.target === 'trigger') ?? [];
	const note =
		legacyFixed.length > 0
			? `\nWith n8n started with \`N8N_EXPRESSION_ENGINE=legacy\` (diagnostic below), the trigger at ${legacy!.settings.fixedRate}/s: ` +
				`${legacyFixed.map((r) => `${r.payload} p99 ${fmt(r.latencyMs.p99)} ms, ${fmt(r.lost)} lost`).join('; ')}.\n`
			: '';
	const scale = envelopes.scale?.result;
	const biggest = scale?.rows
		.filter((r) => r.workload === 'engine')
		.sort((a, b) => b.size - a.size)[0];
	const scaleNote = biggest
		? `\nScale: one Send SMS run of ${fmt(biggest.size)} recipients in the engine took ${fmt(biggest.cpuMs)} ms CPU and ` +
			`${fmt(biggest.extraMiB)} MiB of memory above the process's start (section 4).\n`
		: '';
	return ['## Goals at a glance', '', ...lines, note + scaleNote].join('\n');
}

/** The goal's first letter in capitals, except where it is n8n's name. */
function capitalise(text: string): string {
	return text.startsWith('n8n') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

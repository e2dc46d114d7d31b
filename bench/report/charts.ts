/** One PNG per measurement in `docs/bench/`, drawn from the result files. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { BulkResult } from '../bulk/measure-bulk';
import { VARIANT_LABEL } from '../bulk/senders';
import type { FaultResult } from '../faults/measure-faults';
import type { ScaleResult } from '../scale/measure-scale';
import { DISPLAY_NAME } from '../support/gateways';
import type { WebhookSettingsResult } from '../webhooks/settings/measure-settings';
import { TARGET_LABEL, type WebhookResult } from './webhook-result';
import type { ResultEnvelope } from './envelope';
import { renderSvgFiles } from './render-png';
import { isSettingsResult } from './readme/webhook-settings';
import { barPanel, figure, linePanel } from './svg';
import { webhookSettingsChart } from './webhook-settings-chart';

export const DOCS_DIR = path.join(__dirname, '..', '..', 'docs', 'bench');

const COLORS = ['#2b6cb0', '#dd6b20', '#718096', '#38a169', '#805ad5', '#e53e3e', '#d69e2e'];

export function footnote(envelope: ResultEnvelope<unknown>): string {
	const m = envelope.machine;
	const n8n = envelope.n8n ? `n8n ${envelope.n8n.version} (Node ${envelope.n8n.node}), ` : '';
	return (
		`${envelope.command}   ·   ${envelope.when.slice(0, 16).replace('T', ' ')} UTC\n` +
		`${n8n}${m.cpuModel}, ${m.cores} cores, ${m.memGiB} GiB, Node ${m.node}; load average before ${m.loadAverageBefore.join('/')}`
	);
}

export function bulkChart(envelope: ResultEnvelope<BulkResult>): string {
	const { rows, settings } = envelope.result;
	const groups = rows.filter((r) => r.variant === 'sendSms');
	const valueOf = (gateway: string, mode: string, variant: string) =>
		rows.find(
			(r) =>
				r.gateway === gateway && r.mode === mode && r.variant === variant && r.replyStatus === 200,
		)?.runMs ?? null;
	const series = (['sendSms', 'httpDefaults', 'httpBatched'] as const).map((variant, i) => ({
		name: VARIANT_LABEL[variant],
		color: COLORS[i],
		values: groups.map((g) => valueOf(g.gateway, g.mode, variant)),
	}));
	const panel = barPanel({
		title: `Run time in n8n (ms, log scale), ${settings.recipients.toLocaleString('en')} recipients, latency ${settings.latencyMs} ms`,
		groups: groups.map((g) => `${DISPLAY_NAME[g.gateway]}\n${g.mode}`),
		series,
		groupMarks: {
			name: 'floor (network only)',
			color: '#c53030',
			values: groups.map((g) => g.floorMs),
		},
		yLabel: 'ms (execution start → stop)',
		yLog: true,
		width: 1100,
		height: 460,
	});
	return figure(
		'Bulk send: Send SMS vs n8n HTTP Request node, same n8n, same simulator',
		[panel],
		footnote(envelope),
	);
}

/** One bar group per rate and payload, e.g. "200/s\nAT form". */
function groupKey(row: { targetRate: number; payload: string }): string {
	return `${row.targetRate}/s\n${row.payload === 'africasTalking' ? 'AT form' : 'Gupshup JSON'}`;
}

export function webhookChart(envelope: ResultEnvelope<WebhookResult>): string {
	const { rows, settings } = envelope.result;
	const keys: string[] = [];
	for (const row of rows) {
		const key = groupKey(row);
		if (!keys.includes(key)) keys.push(key);
	}
	const pick = (target: string, key: string, value: (r: (typeof rows)[number]) => number) => {
		const row = rows.find((r) => r.target === target && groupKey(r) === key);
		return row ? value(row) : null;
	};
	const latency = barPanel({
		title: 'Acknowledgement latency (ms, log scale)',
		groups: keys,
		series: [
			{
				name: `${TARGET_LABEL.trigger} p50`,
				color: '#90cdf4',
				values: keys.map((k) => pick('trigger', k, (r) => r.latencyMs.p50)),
			},
			{
				name: `${TARGET_LABEL.trigger} p99`,
				color: '#2b6cb0',
				values: keys.map((k) => pick('trigger', k, (r) => r.latencyMs.p99)),
			},
			{
				name: `${TARGET_LABEL.webhookNode} p50`,
				color: '#fbd38d',
				values: keys.map((k) => pick('webhookNode', k, (r) => r.latencyMs.p50)),
			},
			{
				name: `${TARGET_LABEL.webhookNode} p99`,
				color: '#dd6b20',
				values: keys.map((k) => pick('webhookNode', k, (r) => r.latencyMs.p99)),
			},
		],
		refLines: [
			{
				value: settings.p99GoalMs,
				label: `goal: p99 < ${settings.p99GoalMs} ms`,
				color: '#c53030',
			},
		],
		yLabel: 'ms from scheduled send to answer',
		yLog: true,
		width: 760,
		height: 460,
	});
	const lost = barPanel({
		title: 'Callbacks lost (% of sent)',
		groups: keys,
		series: [
			{
				name: TARGET_LABEL.trigger,
				color: '#2b6cb0',
				values: keys.map((k) => pick('trigger', k, (r) => (100 * r.lost) / r.count)),
			},
			{
				name: TARGET_LABEL.webhookNode,
				color: '#dd6b20',
				values: keys.map((k) => pick('webhookNode', k, (r) => (100 * r.lost) / r.count)),
			},
		],
		yLabel: '% lost (non-2xx, error or no answer in 10 s)',
		barLabel: (v) => `${v.toFixed(v > 0 && v < 1 ? 2 : 0)}%`,
		width: 560,
		height: 460,
	});
	return figure(
		'Webhook acknowledgement: delivery reports into the same n8n, open-loop load',
		[latency, lost],
		footnote(envelope),
	);
}

export function faultChart(envelope: ResultEnvelope<FaultResult>): string {
	const { rows, settings } = envelope.result;
	const panel = barPanel({
		title: `Send SMS with ${Math.round(settings.rate * 100)}% injected faults: per-recipient outcomes (count, log scale)`,
		groups: rows.map((r) => `${DISPLAY_NAME[r.gateway]}\n${r.mode}`),
		series: [
			{
				name: 'faulty requests',
				color: '#718096',
				values: rows.map((r) => Object.values(r.faults).reduce((a, b) => a + b, 0)),
			},
			{ name: 'ambiguous recipients', color: '#d69e2e', values: rows.map((r) => r.ambiguous) },
			{
				name: 'of those reported unknown',
				color: '#38a169',
				values: rows.map((r) => r.ambiguousReportedUnknown),
			},
			{
				name: 'unknown, not stored',
				color: '#805ad5',
				values: rows.map((r) => r.unknownNotStored),
			},
			{ name: 'duplicates', color: '#e53e3e', values: rows.map((r) => r.duplicates) },
			{ name: 'silent losses', color: '#9b2c2c', values: rows.map((r) => r.silentLosses) },
		],
		yLabel: 'recipients (requests for the first bar)',
		yLog: true,
		width: 1100,
		height: 460,
	});
	return figure(
		'Faults: every recipient checked against what the simulator accepted',
		[panel],
		footnote(envelope),
	);
}

export function scaleChart(envelope: ResultEnvelope<ScaleResult>): string {
	const { rows, settings } = envelope.result;
	const label: Record<string, string> = {
		helpers: 'helpers (normalise, dedupe, segments)',
		plan: 'Send SMS plan',
		engine: 'Send SMS run in the engine',
	};
	const series = (value: (r: (typeof rows)[number]) => number) =>
		settings.workloads.map((workload, i) => ({
			name: label[workload],
			color: COLORS[i],
			values: settings.sizes.map((size) => {
				const row = rows.find((r) => r.workload === workload && r.size === size);
				return row ? value(row) : null;
			}),
		}));
	const cpu = linePanel({
		title: 'CPU time (ms, log-log)',
		x: settings.sizes,
		series: series((r) => r.cpuMs),
		xLabel: 'recipients',
		yLabel: 'CPU ms (user + system)',
		xLog: true,
		yLog: true,
		width: 560,
	});
	const memory = linePanel({
		title: 'Peak memory above the start (MiB)',
		x: settings.sizes,
		series: series((r) => Math.max(0.1, r.extraMiB)),
		xLabel: 'recipients',
		yLabel: 'MiB (maxRSS − RSS before the work)',
		xLog: true,
		width: 560,
	});
	return figure(
		'Scale of the work, 1,000 → 100,000 recipients, one process per size',
		[cpu, memory],
		footnote(envelope),
	);
}

/** `dir`: where the PNGs go (docs/bench, or a smoke run's own folder). */
export async function renderCharts(
	envelopes: {
		bulk?: ResultEnvelope<BulkResult>;
		webhooks?: ResultEnvelope<WebhookResult | WebhookSettingsResult>;
		faults?: ResultEnvelope<FaultResult>;
		scale?: ResultEnvelope<ScaleResult>;
	},
	dir = DOCS_DIR,
): Promise<string[]> {
	const jobs: Array<{ svg: string; png: string }> = [];
	if (envelopes.bulk)
		jobs.push({ svg: bulkChart(envelopes.bulk), png: path.join(dir, 'bulk.png') });
	const webhooks = envelopes.webhooks;
	if (webhooks) {
		const svg = isSettingsResult(webhooks.result)
			? webhookSettingsChart(webhooks as ResultEnvelope<WebhookSettingsResult>, footnote(webhooks))
			: webhookChart(webhooks as ResultEnvelope<WebhookResult>);
		jobs.push({ svg, png: path.join(dir, 'webhooks.png') });
	}
	if (envelopes.faults)
		jobs.push({ svg: faultChart(envelopes.faults), png: path.join(dir, 'faults.png') });
	if (envelopes.scale)
		jobs.push({ svg: scaleChart(envelopes.scale), png: path.join(dir, 'scale.png') });
	fs.mkdirSync(dir, { recursive: true });
	await renderSvgFiles(jobs);
	return jobs.map((j) => j.png);
}

/**
 * docs/bench/webhooks.png when the webhook phase measured the settings matrix (shape 2): per n8n
 * setting, the highest rate each receiver sustained and its n8n CPU per callback.
 */
import { RECEIVER_LABEL, RECEIVERS } from '../webhooks/settings/callback-targets';
import type { WebhookSettingsResult } from '../webhooks/settings/measure-settings';
import type { ResultEnvelope } from './envelope';
import { cleanCpu } from './readme/webhook-settings';
import { barPanel, figure } from './svg';

const COLORS = ['#90cdf4', '#2b6cb0', '#dd6b20'];

export function webhookSettingsChart(
	envelope: ResultEnvelope<WebhookSettingsResult>,
	footnote: string,
): string {
	const settings = envelope.result.settings.filter((s) => !s.error);
	const groups = settings.map((s) => s.label.replace(/, /g, ',\n').replace(/ \(/g, '\n('));
	const rate = barPanel({
		title: `Highest rate sustained (p99 < ${envelope.result.options.p99GoalMs} ms, nothing lost; 0 = none of ${envelope.result.options.rates.join('/')}/s)`,
		groups,
		series: RECEIVERS.map((r, i) => ({
			name: RECEIVER_LABEL[r],
			color: COLORS[i],
			values: settings.map((s) => s.highestSustainedRate[r] ?? 0),
		})),
		yLabel: 'callbacks per second',
		width: 760,
		height: 460,
	});
	const cpu = barPanel({
		title: 'n8n CPU per callback (ms, all n8n processes, rates that lost nothing)',
		groups,
		series: RECEIVERS.map((r, i) => ({
			name: RECEIVER_LABEL[r],
			color: COLORS[i],
			values: settings.map((s) => cleanCpu(s, r) ?? null),
		})),
		yLabel: 'ms of CPU per callback',
		barLabel: (v) => v.toFixed(0),
		width: 760,
		height: 460,
	});
	return figure(
		'Webhook acknowledgement per n8n setting: delivery reports, open-loop load',
		[rate, cpu],
		footnote,
	);
}

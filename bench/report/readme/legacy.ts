import type { BulkResult } from '../../bulk/measure-bulk';
import { VARIANT_LABEL } from '../../bulk/senders';
import { DISPLAY_NAME } from '../../support/gateways';
import { TARGET_LABEL, type WebhookResult } from '../webhook-result';
import type { ResultEnvelope } from '../envelope';
import { fmt, x } from './format';

/**
 * The same n8n steps with N8N_EXPRESSION_ENGINE=legacy (`--expression-engine legacy`), next to
 * the default engine's figures: how much of each gap is n8n's expression isolate.
 */
export function legacySection(
	bulk: ResultEnvelope<BulkResult> | undefined,
	bulkLegacy: ResultEnvelope<BulkResult> | undefined,
	webhooks: ResultEnvelope<WebhookResult> | undefined,
	webhooksLegacy: ResultEnvelope<WebhookResult> | undefined,
): string {
	if (!bulkLegacy && !webhooksLegacy) return '';
	const lines: string[] = [
		'## Diagnostic: the same in n8n with `N8N_EXPRESSION_ENGINE=legacy`',
		'',
	];
	const commands = [bulkLegacy?.command, webhooksLegacy?.command].filter((c): c is string => !!c);
	lines.push('```bash', ...commands, '```', '');
	lines.push(
		'n8n 2.41 evaluates expressions in an isolate by default (`vm`, `@n8n/config` ExpressionEngineConfig). Not a setting ' +
			'this package asks for: it shows how much of each gap above is that engine. A separate n8n start, same machine.',
		'',
	);
	if (bulkLegacy) {
		lines.push(
			'| gateway | mode | sender | run ms (vm) | run ms (legacy) | run ÷ floor (legacy) |',
		);
		lines.push('|---|---|---|---|---|---|');
		for (const r of bulkLegacy.result.rows) {
			const vm = bulk?.result.rows.find(
				(b) => b.gateway === r.gateway && b.mode === r.mode && b.variant === r.variant,
			);
			lines.push(
				`| ${DISPLAY_NAME[r.gateway]} | ${r.mode} | ${VARIANT_LABEL[r.variant]} | ${fmt(vm?.runMs)} | ${fmt(r.runMs)} | ${x(r.ratioToFloor)} |`,
			);
		}
		const speedups = bulkLegacy.result.comparisons
			.filter((c) => c.speedupVsHttpDefaults !== undefined)
			.map((c) => `${DISPLAY_NAME[c.gateway]} ${c.mode} ${x(c.speedupVsHttpDefaults)}`);
		if (speedups.length > 0)
			lines.push(
				'',
				`Send SMS faster than HTTP Request at its defaults, legacy engine: ${speedups.join(', ')}.`,
			);
		const probe = bulkLegacy.result.expressionProbe;
		lines.push(
			'',
			`Edit Fields, one expression per item: ${fmt(probe.perItemMs, 3)} ms per item with the legacy engine` +
				(bulk ? `, ${fmt(bulk.result.expressionProbe.perItemMs, 3)} ms with vm.` : '.'),
			'',
		);
	}
	if (webhooksLegacy) {
		lines.push(
			'| receiver | payload | rate /s | callbacks | p50 ms | p99 ms | lost | n8n CPU ms / callback (legacy) | n8n CPU ms / callback (vm, same rate) |',
		);
		lines.push('|---|---|---|---|---|---|---|---|---|');
		for (const r of webhooksLegacy.result.rows) {
			const vm = webhooks?.result.rows.find(
				(w) =>
					w.target === r.target &&
					w.payload === r.payload &&
					w.targetRate === r.targetRate &&
					w.phase === r.phase,
			);
			lines.push(
				`| ${TARGET_LABEL[r.target]} | ${r.payload} | ${fmt(r.targetRate)} | ${fmt(r.count)} | ${fmt(r.latencyMs.p50, 1)} | ${fmt(r.latencyMs.p99, 1)} | ` +
					`${fmt(r.lost)} | ${fmt(r.n8nCpuMsPerCallback, 1)} | ${fmt(vm?.n8nCpuMsPerCallback, 1)} |`,
			);
		}
		const rate = webhooksLegacy.result.settings.fixedRate;
		for (const payload of webhooksLegacy.result.settings.payloads) {
			const at = (target: string) =>
				webhooksLegacy.result.rows.find(
					(r) => r.phase === 'fixed' && r.payload === payload && r.target === target,
				);
			const trigger = at('trigger');
			const peer = at('webhookNode');
			if (!trigger || !peer) continue;
			lines.push(
				'',
				`At ${rate}/s (${payload}) the trigger answered with p99 ${fmt(trigger.latencyMs.p99, 1)} ms and n8n finished its executions ` +
					`${fmt(trigger.drainMs)} ms after the last answer; the Webhook node answered with p99 ${fmt(peer.latencyMs.p99, 1)} ms and ` +
					`its executions were done ${fmt(peer.drainMs)} ms after its last answer. The trigger writes its answer inside \`webhook()\`, ` +
					"before n8n runs the execution; the Webhook node's answers waited in line with the executions.",
			);
		}
		const h = webhooksLegacy.result.highestSustainedRate;
		lines.push(
			'',
			`Highest rate sustained with the legacy engine: ${TARGET_LABEL.trigger} ${h.trigger ?? 'none of the rates tried'}${h.trigger ? '/s' : ''}, ` +
				`${TARGET_LABEL.webhookNode} ${h.webhookNode ?? 'none of the rates tried'}${h.webhookNode ? '/s' : ''}.`,
			'',
		);
	}
	return lines.join('\n');
}

/** bench/README.md section 1: bulk send tables, goals with how far they were missed, and the measured reasons. */
import type { BulkResult, BulkRow } from '../../bulk/measure-bulk';
import { VARIANT_LABEL } from '../../bulk/senders';
import { DISPLAY_NAME } from '../../support/gateways';
import type { ResultEnvelope } from '../envelope';
import { fmt, machineLine, met, x } from './format';

export function bulkSection(envelope: ResultEnvelope<BulkResult>): string {
	const { rows, comparisons, settings, expressionProbe } = envelope.result;
	const lines: string[] = [];
	lines.push('## 1. Bulk send in n8n: Send SMS vs the HTTP Request node', '');
	lines.push('```bash', envelope.command, '```', '');
	lines.push(machineLine(envelope), '');
	lines.push(
		`Webhook (responseMode lastNode) → Split Out → the sending node, ${fmt(settings.recipients)} recipients posted in one call; ` +
			`simulator latency ${settings.latencyMs} ms. *Run* is n8n's execution start → stop, *node* the sending node's own ` +
			`executionTime, *client* the POST until n8n's reply. Floor = ceil(minimum requests / ${settings.sendSmsConcurrency}) × ` +
			`${settings.latencyMs} ms (Send SMS's default concurrency). HTTP Request ${settings.httpRequestVersion} with one request per ` +
			`item, at its defaults (n8n 2.41's HttpRequestV3 starts each item's request without waiting for the previous answer) and with Batching ${settings.httpBatch.batchSize} items / ` +
			`${settings.httpBatch.batchInterval} ms (its fastest setting that keeps ${settings.sendSmsConcurrency} requests in flight; ` +
			`Batching can only add waits). Baselines ran on: ${settings.httpGateways.map((g) => DISPLAY_NAME[g]).join(', ')}.`,
		'',
	);
	lines.push(
		'| gateway | mode | sender | requests (min) | run ms | node ms | client ms | n8n CPU ms | floor ms | run ÷ floor | recipients stored once |',
	);
	lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		lines.push(
			`| ${DISPLAY_NAME[r.gateway]} | ${r.mode} | ${VARIANT_LABEL[r.variant]} | ${fmt(r.requests)} (${fmt(r.minRequests)}) | ` +
				`${fmt(r.runMs)} | ${fmt(r.nodeMs)} | ${fmt(r.clientMs)} | ${fmt(r.n8nCpuMs)} | ${fmt(r.floorMs)} | ${x(r.ratioToFloor)} | ` +
				`${fmt(r.recipientsOnce)}/${fmt(r.recipients)}${r.replyStatus !== 200 ? ` (reply ${r.replyStatus})` : ''} |`,
		);
	}
	lines.push('');
	lines.push(
		'| gateway | mode | Send SMS run ms | ÷ floor | HTTP Request defaults | Send SMS faster by | HTTP Request batched | Send SMS faster by |',
	);
	lines.push('|---|---|---|---|---|---|---|---|');
	for (const c of comparisons) {
		lines.push(
			`| ${DISPLAY_NAME[c.gateway]} | ${c.mode} | ${fmt(c.sendSmsRunMs)} | ${x(c.ratioToFloor)} | ${fmt(c.httpDefaultsRunMs)} | ` +
				`${x(c.speedupVsHttpDefaults)} | ${fmt(c.httpBatchedRunMs)} | ${x(c.speedupVsHttpBatched)} |`,
		);
	}
	lines.push('');
	const sendRows = rows.filter((r) => r.variant === 'sendSms');
	const nodeShare = (r: BulkRow) => fmt((100 * r.nodeMs) / Math.max(1, r.runMs));
	const perItemMs = (r: BulkRow) => (r.nodeMs - r.floorMs) / r.recipients;
	lines.push('**Goals**', '');
	if (envelope.result.goals) {
		for (const goal of envelope.result.goals) {
			if (goal.met === null) continue;
			const measured = Object.entries(goal.measured)
				.map(
					([gateway, value]) =>
						`${DISPLAY_NAME[gateway as keyof typeof DISPLAY_NAME]} ${fmt(value, 2)}`,
				)
				.join(', ');
			lines.push(`- ${goal.row}, ${goal.goal}: ${met(goal.met)} (${measured}).`);
		}
	}
	const allowance: string[] = [];
	for (const c of comparisons) {
		if (c.httpDefaultsRunMs === undefined || c.speedupVsHttpDefaults === undefined) continue;
		const goal = c.mode === 'broadcast' ? 50 : 1.5;
		if (c.speedupVsHttpDefaults >= goal) continue;
		const allowed = c.httpDefaultsRunMs / goal;
		const row = sendRows.find((r) => r.gateway === c.gateway && r.mode === c.mode);
		if (!row) continue;
		const reasons: string[] = [];
		if (row.floorMs >= allowed)
			reasons.push(
				`below Send SMS's own floor of ${fmt(row.floorMs)} ms at ${settings.sendSmsConcurrency} requests at a time`,
			);
		allowance.push(
			`${DISPLAY_NAME[c.gateway]} ${c.mode}: ${goal}× means a run under ${fmt(allowed)} ms` +
				(reasons.length > 0 ? `, ${reasons.join(' and ')}` : '') +
				'.',
		);
	}
	if (allowance.length > 0) {
		lines.push(
			'',
			'What the speed goals would take: HTTP Request at its defaults does not wait for one answer before the next ' +
				"request, so its run time is n8n's per-item work, not the network. " +
				allowance.join(' '),
		);
	}
	lines.push('');
	lines.push(
		`**Why the floor is out of reach in n8n.** The floor counts network time only. A broadcast needs ${sendRows
			.filter((r) => r.mode === 'broadcast')
			.map((r) => `${fmt(r.minRequests)} (${DISPLAY_NAME[r.gateway]})`)
			.join(
				', ',
			)} requests, a floor of tens of milliseconds, while n8n itself spends time per item: in the same n8n, Edit Fields ` +
			`doing nothing but set one field from one expression took ${fmt(expressionProbe.nodeMs)} ms for ${fmt(expressionProbe.items)} items ` +
			`(${fmt(expressionProbe.perItemMs, 3)} ms per item, expression engine ${expressionProbe.expressionEngine}). Send SMS reads ` +
			`plain \`$json\` fields such as the bench's \`to\` and \`recipientName\` from the item itself, without the isolate (docs/performance.md); its node ` +
			`time beyond the floor is ` +
			`${sendRows.map((r) => `${fmt(perItemMs(r), 3)} ms/item (${DISPLAY_NAME[r.gateway]} ${r.mode})`).join(', ')}. The sending node's ` +
			`share of the run is ${sendRows.map((r) => `${nodeShare(r)}%`).join(', ')}; the rest is the webhook, Split Out and saving the execution.`,
		'',
	);
	const cpuBound = sendRows.filter(
		(r) => r.n8nCpuMs !== undefined && r.n8nCpuMs >= 0.8 * r.clientMs,
	);
	if (cpuBound.length > 0) {
		lines.push(
			`**CPU-bound, not network-bound.** In ${cpuBound
				.map(
					(r) =>
						`${DISPLAY_NAME[r.gateway]} ${r.mode} (${fmt(r.n8nCpuMs)} ms CPU in ${fmt(r.clientMs)} ms, ${fmt((r.n8nCpuMs ?? 0) / r.recipients, 2)} ms per recipient, ${fmt(r.requests)} requests)`,
				)
				.join(
					', ',
				)} n8n's process was busy for (nearly) the whole run: its one main thread, not the ${settings.latencyMs} ms of latency ` +
				"or the concurrency, sets the pace. Where every recipient is a request, each one goes through n8n's request helper, which builds " +
				'a new agent and TCP connection per request (docs/performance.md).',
			'',
		);
	}
	return lines.join('\n');
}

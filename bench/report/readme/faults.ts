/** bench/README.md section 3: per-recipient truthfulness under injected faults. */
import type { FaultResult } from '../../faults/measure-faults';
import { DISPLAY_NAME } from '../../support/gateways';
import type { ResultEnvelope } from '../envelope';
import { fmt, machineLine, met } from './format';

export function faultSection(envelope: ResultEnvelope<FaultResult>): string {
	const { rows, settings, totals } = envelope.result;
	const lines: string[] = [];
	lines.push('## 3. Faults: at most once, reported truthfully', '');
	lines.push('```bash', envelope.command, '```', '');
	lines.push(machineLine(envelope), '');
	lines.push(
		`The bulk send through Send SMS in the same n8n with ${Math.round(settings.rate * 100)}% of gateway requests failing ` +
			`(429 with Retry-After ${settings.retryAfterSeconds} s, 503, reset before processing, reset after processing, equally likely; ` +
			`fault seeds ${settings.seed}, ${settings.seed + 1}, … one per run), latency ${settings.latencyMs} ms, ${fmt(settings.recipients)} recipients. Each recipient's output ` +
			`item is compared with \`/sim/messages\`. *Ambiguous* = stored by the simulator without the node getting its answer ` +
			`(a reset after processing): it must be reported \`unknown\`. *Unknown, not stored* = the node could not tell ` +
			`(a reset before processing looks the same to a client), and the simulator indeed has nothing.`,
		'',
	);
	lines.push(
		'| gateway | mode | requests (min) | 429 / 503 / reset before / reset after | accepted | unknown | rejected | ambiguous → unknown | expected ambiguous | unknown, not stored | duplicates | silent losses | goal |',
	);
	lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		const f = r.faults;
		lines.push(
			`| ${DISPLAY_NAME[r.gateway]} | ${r.mode} | ${fmt(r.requests)} (${fmt(r.minRequests)}) | ${f.rateLimit} / ${f.serverError} / ${f.resetBefore} / ${f.resetAfter} | ` +
				`${fmt(r.byStatus.accepted ?? 0)} | ${fmt(r.byStatus.unknown ?? 0)} | ${fmt((r.byStatus.rejected ?? 0) + (r.byStatus.invalid ?? 0))} | ` +
				`${fmt(r.ambiguous)} → ${fmt(r.ambiguousReportedUnknown)} | ${r.expectedAmbiguous === undefined ? '–' : fmt(r.expectedAmbiguous)} | ${fmt(r.unknownNotStored)} | ` +
				`${fmt(r.duplicates)} | ${fmt(r.silentLosses)} | ${r.meetsGoal ? 'yes' : 'no'} |`,
		);
	}
	lines.push('');
	const pct =
		totals.ambiguous > 0 ? (100 * totals.ambiguousReportedUnknown) / totals.ambiguous : 100;
	lines.push('**Goals**', '');
	lines.push(`- 0 duplicates: ${met(totals.duplicates === 0)} (${fmt(totals.duplicates)}).`);
	lines.push(`- 0 silent losses: ${met(totals.silentLosses === 0)} (${fmt(totals.silentLosses)}).`);
	lines.push(
		`- 100% of ambiguous cases reported \`unknown\`: ${met(pct === 100)} (${fmt(totals.ambiguousReportedUnknown)} of ${fmt(totals.ambiguous)}, ${fmt(pct, 1)}%).`,
		'',
	);
	lines.push(
		"*Expected ambiguous* is the simulator's count of resets after processing, shown where each request carries one recipient " +
			'(then each such reset leaves exactly one ambiguous recipient). A whole batch is ambiguous when its request is reset after processing.',
		'',
	);
	return lines.join('\n');
}

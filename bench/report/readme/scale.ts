/** bench/README.md section 4: CPU time and peak memory from 1,000 to 100,000 recipients. */
import type { ScaleResult } from '../../scale/measure-scale';
import type { ResultEnvelope } from '../envelope';
import { fmt, machineLine } from './format';

export function scaleSection(envelope: ResultEnvelope<ScaleResult>): string {
	const { rows } = envelope.result;
	const lines: string[] = [];
	lines.push('## 4. Scale of the work, 1,000 → 100,000 recipients', '');
	lines.push('```bash', envelope.command, '```', '');
	lines.push(machineLine(envelope), '');
	lines.push(
		"Each size in a fresh Node process (peak memory is that process's `maxRSS`), after a 200-recipient warm-up. *helpers*: " +
			'normalise every number (local, `+` and `00` spellings, default country KE), drop repeats (every 20th recipient), count the ' +
			'segments of every personalised text (every 10th with an emoji, UCS-2); *plan*: `planSend` on the same inputs; *engine*: one ' +
			"Send SMS broadcast run through Africa's Talking in n8n's engine (`runNode`), simulator in its own process at zero latency.",
		'',
	);
	lines.push(
		'| workload | recipients | CPU ms | µs per recipient | wall ms | RSS before MiB | peak RSS MiB | peak above start MiB | produced |',
	);
	lines.push('|---|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		lines.push(
			`| ${r.workload} | ${fmt(r.size)} | ${fmt(r.cpuMs)} | ${fmt(r.cpuUsPerRecipient)} | ${fmt(r.wallMs)} | ${fmt(r.rssBeforeMiB, 1)} | ` +
				`${fmt(r.maxRssMiB, 1)} | ${fmt(r.extraMiB, 1)} | ${Object.entries(r.produced)
					.map(([k, v]) => `${k} ${fmt(v)}`)
					.join(', ')} |`,
		);
	}
	lines.push('');
	return lines.join('\n');
}

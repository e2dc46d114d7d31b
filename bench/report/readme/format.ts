/** Number formats and the machine line every bench/README.md section starts with. */
import type { ResultEnvelope } from '../envelope';

export const fmt = (n: number | undefined | null, digits = 0) =>
	n === undefined || n === null || Number.isNaN(n)
		? '–'
		: n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
export const x = (n: number | undefined) =>
	n === undefined || Number.isNaN(n) ? '–' : `${fmt(n, n < 10 ? 2 : 1)}×`;
export const met = (ok: boolean) => (ok ? '**met**' : '**missed**');

export function machineLine(envelope: ResultEnvelope<unknown>): string {
	const m = envelope.machine;
	const n8n = envelope.n8n ? ` n8n ${envelope.n8n.version} under Node ${envelope.n8n.node};` : '';
	return (
		`Run ${envelope.when.slice(0, 16).replace('T', ' ')} UTC in ${fmt(envelope.durationMs / 60000, 1)} min on ${m.cpuModel}, ` +
		`${m.cores} cores, ${m.memGiB} GiB, Node ${m.node};${n8n} load average before/after ` +
		`${m.loadAverageBefore[0]} / ${m.loadAverageAfter[0]}.`
	);
}

/**
 * n8n's own expression-engine metrics, read from its Prometheus endpoint (`N8N_METRICS=true`;
 * n8n 2.41 registers them when `N8N_EXPRESSION_ENGINE_OBSERVABILITY_ENABLED` is on, the default):
 * how many expressions its engine evaluated and how many isolates it took from its pool
 * (@n8n/expression-runtime `EXPRESSION_METRICS`, counted inside the evaluator itself).
 */
import axios from 'axios';

export interface ExpressionCounts {
	/** Expressions evaluated (`n8n_expression_evaluation_duration_seconds_count`, all labels). */
	evaluations: number;
	/** Isolates taken from the pool, eagerly or on a lazy scope's first evaluation. */
	isolatesAcquired: number;
	/** Of those, isolates built on the request path because the pool was empty. */
	coldStarts: number;
}

const EVALUATIONS = 'n8n_expression_evaluation_duration_seconds_count';
const ACQUIRED = 'n8n_expression_pool_acquired_total';
const COLD_STARTS = 'n8n_expression_pool_cold_start_sync_total';

export async function readExpressionCounts(n8nUrl: string): Promise<ExpressionCounts> {
	const response = await axios.get<string>(`${n8nUrl}/metrics`, {
		responseType: 'text',
		timeout: 10_000,
		validateStatus: () => true,
	});
	if (response.status !== 200)
		throw new Error(`GET /metrics answered ${response.status}: is N8N_METRICS=true?`);
	const text = String(response.data);
	if (!text.includes(ACQUIRED))
		throw new Error(`n8n's metrics have no ${ACQUIRED}: expression observability is off`);
	return {
		evaluations: sum(text, EVALUATIONS),
		isolatesAcquired: sum(text, ACQUIRED),
		coldStarts: sum(text, COLD_STARTS),
	};
}

export function countsBetween(before: ExpressionCounts, after: ExpressionCounts): ExpressionCounts {
	return {
		evaluations: after.evaluations - before.evaluations,
		isolatesAcquired: after.isolatesAcquired - before.isolatesAcquired,
		coldStarts: after.coldStarts - before.coldStarts,
	};
}

/** The sum of a metric over all its label sets (`name 3` or `name{a="b"} 3` lines). */
function sum(text: string, name: string): number {
	let total = 0;
	for (const line of text.split('\n')) {
		if (!line.startsWith(name)) continue;
		const rest = line.slice(name.length);
		if (rest[0] !== ' ' && rest[0] !== '{') continue;
		total += Number(line.slice(line.lastIndexOf(' ') + 1));
	}
	return total;
}

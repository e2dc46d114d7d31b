/**
 * The n8n settings the webhook phase compares (callbacks at volume, and queue mode's callback settings): one n8n process
 * each, started in turn. `queue` settings start the queue cluster (PostgreSQL, Redis, main,
 * workers, N webhook processors) instead of one process.
 */
export interface N8nSetting {
	id: string;
	label: string;
	/** Environment on top of the bench's own (bench/support/n8n-stack.ts N8N_BENCH_ENV). */
	env: Record<string, string>;
	queue?: { webhookProcessors: number; workers: number };
}

const LAZY = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };

export const N8N_SETTINGS: N8nSetting[] = [
	{ id: 'defaults', label: "n8n's defaults", env: {} },
	{ id: 'lazy', label: 'lazy acquisition', env: LAZY },
	{
		id: 'lazy-pool2',
		label: 'lazy acquisition, pool size 2',
		env: { ...LAZY, N8N_EXPRESSION_ENGINE_POOL_SIZE: '2' },
	},
	{
		id: 'lazy-pool4',
		label: 'lazy acquisition, pool size 4',
		env: { ...LAZY, N8N_EXPRESSION_ENGINE_POOL_SIZE: '4' },
	},
	{
		id: 'queue-1',
		label: 'queue mode, 1 webhook processor (lazy acquisition)',
		env: LAZY,
		queue: { webhookProcessors: 1, workers: 1 },
	},
	{
		id: 'queue-2',
		label: 'queue mode, 2 webhook processors (lazy acquisition)',
		env: LAZY,
		queue: { webhookProcessors: 2, workers: 1 },
	},
];

export const N8N_SETTING_IDS = N8N_SETTINGS.map((s) => s.id);

export function settingById(id: string): N8nSetting {
	const setting = N8N_SETTINGS.find((s) => s.id === id);
	if (!setting)
		throw new Error(`unknown n8n setting "${id}" (known: ${N8N_SETTING_IDS.join(', ')})`);
	return setting;
}

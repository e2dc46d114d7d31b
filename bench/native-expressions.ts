/**
 * What reading Send SMS's two per-item expressions costs, side by side in one process and one
 * node run: `to` (`={{ $json.phone }}`) and a personalised `message`
 * (`=Hello {{ $json.name }}, see you at {{ $json.time }}`) for every one of 5,000 items, through
 * n8n's `getNodeParameter` and through the package's item parameter reader (native path). The two
 * loops alternate over several rounds (the machine may be shared) and every value is compared.
 *
 *   npx tsx bench/native-expressions.ts [--items 5000] [--rounds 5]
 *     n8n-workflow in this process (on Node 20: its legacy engine)
 *   <node24> --import tsx bench/native-expressions.ts --engine vm [--items 5000] [--rounds 5]
 *     the pinned n8n's own modules and default `vm` engine (see tooling/n8n/paths.ts)
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { itemParameterReader } from '../nodes/shared/n8n/item-parameters';
import { N8N_DIR } from '../tooling/n8n/paths';
import type { N8nModules } from '../test/unit/n8n/expression-differential';
import { probeNodeType, runProbe, sameValue } from '../test/unit/n8n/expression-differential';
import { numberArg, stringArg } from './support/args';
import { writeResult } from './support/results';

const PARAMETERS = {
	to: '={{ $json.phone }}',
	message: '=Hello {{ $json.name }}, see you at {{ $json.time }}',
};

async function loadN8n(engine: string): Promise<N8nModules> {
	if (engine !== 'vm') {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return {
			core: require('n8n-core') as N8nModules['core'],
			workflow: require('n8n-workflow') as N8nModules['workflow'],
		};
	}
	const n8nRequire = createRequire(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'));
	const workflow = n8nRequire('n8n-workflow') as N8nModules['workflow'];
	// n8n's defaults (@n8n/config ExpressionEngineConfig), as in native-expressions-vm-child.ts.
	await workflow.Expression.initExpressionEngine({
		engine: 'vm',
		poolSize: 1,
		maxCodeCacheSize: 1024,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
		lazyAcquire: false,
		compileCache: false,
	} as Parameters<typeof workflow.Expression.initExpressionEngine>[0]);
	return { core: n8nRequire('n8n-core') as N8nModules['core'], workflow };
}

interface Round {
	n8nMs: number;
	nativeMs: number;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const itemCount = numberArg('items', 5000);
	const rounds = numberArg('rounds', 5);
	const requested = stringArg('engine') ?? 'in-process';
	const n8n = await loadN8n(requested);
	const items = Array.from({ length: itemCount }, (_, i) => ({
		phone: `+2547110${String(i).padStart(5, '0')}`,
		name: `Recipient ${i}`,
		time: `${9 + (i % 8)}:00`,
	}));
	const measured: Round[] = [];
	let mismatches = 0;
	const probe = probeNodeType(Object.keys(PARAMETERS), (context) => {
		const viaN8n = () => {
			const started = process.hrtime.bigint();
			const values: unknown[] = [];
			for (let i = 0; i < itemCount; i++) {
				values.push(context.getNodeParameter('to', i), context.getNodeParameter('message', i));
			}
			return { ms: Number(process.hrtime.bigint() - started) / 1e6, values };
		};
		const viaReader = () => {
			const started = process.hrtime.bigint();
			const read = itemParameterReader(context);
			const values: unknown[] = [];
			for (let i = 0; i < itemCount; i++) values.push(read('to', i), read('message', i));
			return { ms: Number(process.hrtime.bigint() - started) / 1e6, values };
		};
		for (let round = 0; round < rounds; round++) {
			const [a, b] = round % 2 === 0 ? [viaN8n(), viaReader()] : [viaReader(), viaN8n()].reverse();
			mismatches += a.values.filter((value, i) => !sameValue(value, b.values[i])).length;
			measured.push({ n8nMs: a.ms, nativeMs: b.ms });
		}
	});
	const run = await runProbe(n8n, probe, PARAMETERS, items);
	if (measured.length === 0)
		throw new Error(`the probe did not run: ${String(run.data.resultData.error?.message)}`);
	const engine = n8n.workflow.Expression.getActiveImplementation();
	await n8n.workflow.Expression.disposeExpressionEngine();

	const n8nMs = median(measured.map((r) => r.n8nMs));
	const nativeMs = median(measured.map((r) => r.nativeMs));
	const result = {
		benchmark: 'native-expressions',
		engine,
		node: process.version,
		items: itemCount,
		parametersPerItem: 2,
		rounds,
		mismatches,
		getNodeParameter: {
			medianMs: Math.round(n8nMs),
			perItemUs: Number(((n8nMs / itemCount) * 1000).toFixed(1)),
		},
		native: {
			medianMs: Number(nativeMs.toFixed(1)),
			perItemUs: Number(((nativeMs / itemCount) * 1000).toFixed(2)),
		},
		speedup: Math.round(n8nMs / nativeMs),
		roundsMs: measured.map((r) => ({
			n8n: Math.round(r.n8nMs),
			native: Number(r.nativeMs.toFixed(1)),
		})),
		when: new Date().toISOString(),
	};
	console.log(JSON.stringify(result));
	writeResult(`native-expressions-${engine}`, result);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);

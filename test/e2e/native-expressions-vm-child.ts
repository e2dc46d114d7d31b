/**
 * The native-expression differential inside the real n8n's own modules, with its default `vm`
 * expression engine (isolated-vm), started the way n8n's commands start it (`BaseCommand.init`:
 * `Expression.initExpressionEngine` with `GlobalConfig.expressionEngine`).
 *
 * Run with the Node 24 binary and tsx's loader from the repository root (the e2e test
 * 50-native-expressions-vm.test.ts does); prints one JSON line: the differential report.
 *   <node24> --import tsx test/e2e/native-expressions-vm-child.ts [--seed N] [--items N] [--expressions N]
 *
 * n8n-core and n8n-workflow are required from the n8n install (tooling/n8n/paths.ts), never from
 * this repository's node_modules, so the probe runs against exactly what n8n runs.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { N8N_DIR } from '../../tooling/n8n/paths';
import { CORPUS, generateCorpus } from '../unit/n8n/expression-corpus';
import type { N8nModules } from '../unit/n8n/expression-differential';
import { runDifferential } from '../unit/n8n/expression-differential';

function numberArg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

async function main() {
	const n8nRequire = createRequire(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'));
	n8nRequire('reflect-metadata');
	const core = n8nRequire('n8n-core') as N8nModules['core'];
	const workflow = n8nRequire('n8n-workflow') as N8nModules['workflow'];
	const { Container } = n8nRequire('@n8n/di') as { Container: { get<T>(type: new () => T): T } };
	const { GlobalConfig } = n8nRequire('@n8n/config') as {
		GlobalConfig: new () => {
			expressionEngine: Record<string, unknown> & { engine: string; idleTimeout?: number };
		};
	};

	const config = Container.get(GlobalConfig).expressionEngine;
	const {
		engine,
		poolSize,
		maxCodeCacheSize,
		bridgeTimeout,
		bridgeMemoryLimit,
		idleTimeout,
		lazyAcquire,
		compileCache,
	} = config;
	await workflow.Expression.initExpressionEngine({
		engine,
		poolSize,
		maxCodeCacheSize,
		bridgeTimeout,
		bridgeMemoryLimit,
		idleTimeoutMs: idleTimeout === undefined ? undefined : idleTimeout * 1000,
		lazyAcquire,
		compileCache,
	} as Parameters<typeof workflow.Expression.initExpressionEngine>[0]);
	try {
		const corpus = generateCorpus(
			numberArg('seed', CORPUS.seed),
			numberArg('items', CORPUS.items),
			numberArg('expressions', CORPUS.expressions),
		);
		const report = await runDifferential({ core, workflow }, corpus);
		process.stdout.write(
			`${JSON.stringify({ configuredEngine: engine, node: process.version, ...report })}\n`,
		);
	} finally {
		await workflow.Expression.disposeExpressionEngine();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);

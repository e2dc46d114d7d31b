/**
 * The native-expression differential against the n8n-workflow this test run loads in-process
 * (jest runs on Node 20, where n8n's `vm` engine, isolated-vm, cannot be built, so n8n-workflow
 * evaluates with its `legacy` engine: Tournament through `new Function`). The same corpus runs
 * against the real n8n's default `vm` engine in test/e2e/50-native-expressions-vm.test.ts.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Expression, NodeHelpers, Workflow } from 'n8n-workflow';

import { CORPUS, generateCorpus } from './expression-corpus';
import { runDifferential } from './expression-differential';

const modules = {
	core: { WorkflowExecute, ExecutionLifecycleHooks },
	workflow: { Workflow, createRunExecutionData, NodeHelpers, Expression },
};

describe('native expressions vs n8n (in-process engine)', () => {
	it('gives what getNodeParameter gives on more than 10,000 generated cases', async () => {
		const corpus = generateCorpus(CORPUS.seed, CORPUS.items, CORPUS.expressions);
		const report = await runDifferential(modules, corpus);
		console.log(JSON.stringify({ ...report, mismatches: report.mismatches.slice(0, 5) }, null, 1));
		expect(report.engine).toBe('legacy');
		expect(report.cases).toBe(corpus.items.length * (corpus.expressions.length + 15));
		expect(report.cases).toBeGreaterThanOrEqual(10000);
		expect(report.mismatches).toEqual([]);
		// The native path must really be exercised, on every kind of result.
		expect(report.nativeAnswered).toBeGreaterThan(4000);
		for (const type of ['string', 'number', 'boolean', 'null', 'undefined']) {
			expect(report.answeredByType[type]).toBeGreaterThan(0);
		}
		expect(report.collectionNativeAnswered).toBeGreaterThan(0);
		expect(report.declined).toBeGreaterThan(0);
		expect(report.n8nThrew).toBeGreaterThan(0);
	});
});

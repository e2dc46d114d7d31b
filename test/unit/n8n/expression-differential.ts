/**
 * The native-expression differential: one n8n workflow run (WorkflowExecute) of a probe node whose
 * parameters are the corpus's expressions and whose input items are the corpus's item shapes. For
 * every (item, parameter) the probe asks n8n (`getNodeParameter`, as every node does), the native
 * evaluator, and the package's item parameter reader, and compares value and type (`Object.is`:
 * -0, NaN) and whether n8n threw.
 *
 * n8n's modules are passed in, not imported: the jest run passes the n8n-workflow and n8n-core it
 * loads in-process, the e2e child passes the real n8n's own copies with the `vm` engine started,
 * so the same probe measures both engines.
 */
import type * as N8nCore from 'n8n-core';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import type * as N8nWorkflow from 'n8n-workflow';

import { itemParameterReader } from '../../../nodes/shared/n8n/item-parameters';
import {
	DECLINED,
	evaluateNativeExpression,
	parseNativeExpression,
} from '../../../nodes/shared/n8n/native-expression';
import {
	compileParameter,
	evaluateCompiledParameter,
} from '../../../nodes/shared/n8n/native-parameter';
import type { Corpus } from './expression-corpus';
import { instanceUrls } from '../../fixtures/instance-urls';

export interface N8nModules {
	core: Pick<typeof N8nCore, 'WorkflowExecute' | 'ExecutionLifecycleHooks'>;
	workflow: Pick<
		typeof N8nWorkflow,
		'Workflow' | 'createRunExecutionData' | 'NodeHelpers' | 'Expression'
	>;
}

export interface Mismatch {
	expression: string;
	item: number;
	/** What differed: `native` (native vs n8n) or `reader` (the reader vs n8n). */
	which: 'native' | 'reader';
	n8n: string;
	ours: string;
}

export interface DifferentialReport {
	/** The engine n8n-workflow reports it evaluated with (`legacy`, `vm`, `quickjs`). */
	engine: string;
	cases: number;
	/** Cases the native evaluator answered (the rest it declined, and n8n answered). */
	nativeAnswered: number;
	declined: number;
	/** Cases where n8n threw (the native evaluator must have declined each). */
	n8nThrew: number;
	/** Native answers by n8n's result type. */
	answeredByType: Record<string, number>;
	mismatches: Mismatch[];
	mismatchCount: number;
	/** Expressions the parser accepted. */
	nativeExpressions: number;
	/** Collection parameters read per item through the reader and compared with n8n's (part of `cases`). */
	collectionCases: number;
	/** Of those, answered natively (every expression in the collection computed natively). */
	collectionNativeAnswered: number;
	ms: number;
}

/** How a value prints in a report: type and value, -0 and NaN kept apart. */
export function describe(value: unknown): string {
	if (value === DECLINED) return 'declined';
	if (Object.is(value, -0)) return 'number -0';
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return `${typeof value} ${String(value)}`;
	}
	if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
	if (value === undefined || value === null) return String(value);
	if (value instanceof Error) return `threw ${value.message}`;
	try {
		return `${Object.prototype.toString.call(value)} ${JSON.stringify(value)}`;
	} catch {
		return Object.prototype.toString.call(value);
	}
}

/** Value and type equality: Object.is on leaves, same prototype and keys in the same order. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
	if (a instanceof Date) return a.getTime() === (b as Date).getTime();
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	if (keysA.length !== keysB.length || keysA.some((key, i) => key !== keysB[i])) return false;
	return keysA.every((key) => sameValue((a as IDataObject)[key], (b as IDataObject)[key]));
}

type Outcome = { threw: false; value: unknown } | { threw: true; error: Error };

function attempt(read: () => unknown): Outcome {
	try {
		return { threw: false, value: read() };
	} catch (error) {
		return { threw: true, error: error as Error };
	}
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
	if (a.threw || b.threw) return a.threw && b.threw && a.error.message === b.error.message;
	return sameValue(a.value, b.value);
}

const PROBE_TYPE = 'differential.probe';
/** Collection parameters per run (each costs n8n three evaluations per item). */
const MAX_COLLECTIONS = 15;

/** The keys of the probe's collection parameters (`Options`-like: strings, some expressions). */
const COLLECTION_KEYS = ['first', 'fixed', 'second', 'third'];

/**
 * A node with the given string parameters, and collection parameters (keys COLLECTION_KEYS), that
 * hands its execution context to `onRun`.
 */
export function probeNodeType(
	parameterNames: string[],
	onRun: (context: IExecuteFunctions) => void,
	collectionNames: string[] = [],
): INodeType {
	return {
		description: {
			displayName: 'Expression Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: 'Reads its string parameters for every item',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				...parameterNames.map((name) => ({
					displayName: name,
					name,
					type: 'string' as const,
					default: '',
				})),
				...collectionNames.map((name) => ({
					displayName: name,
					name,
					type: 'collection' as const,
					default: {},
					options: COLLECTION_KEYS.map((key) => ({
						displayName: key,
						name: key,
						type: 'string' as const,
						default: '',
					})),
				})),
			],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			onRun(this);
			return [[]];
		},
	};
}

/** Runs the corpus through one probe execution and compares every case. */
export async function runDifferential(
	n8n: N8nModules,
	corpus: Corpus,
	maxListed = 25,
): Promise<DifferentialReport> {
	const started = Date.now();
	const report: DifferentialReport = {
		engine: n8n.workflow.Expression.getActiveImplementation(),
		cases: 0,
		nativeAnswered: 0,
		declined: 0,
		n8nThrew: 0,
		answeredByType: {},
		mismatches: [],
		mismatchCount: 0,
		nativeExpressions: corpus.expressions.filter((e) => parseNativeExpression(e)).length,
		collectionCases: 0,
		collectionNativeAnswered: 0,
		ms: 0,
	};
	const mismatch = (m: Mismatch) => {
		report.mismatchCount++;
		if (report.mismatches.length < maxListed) report.mismatches.push(m);
	};
	let probeRan = false;
	// Collections: three expressions of the corpus in a row and a fixed text, as an Options parameter holds them.
	const collections: Array<[string, Record<string, string>]> = [];
	for (
		let j = 0;
		j + 2 < corpus.expressions.length && collections.length < MAX_COLLECTIONS;
		j += 3
	) {
		const [first, second, third] = corpus.expressions.slice(j, j + 3);
		collections.push([`c${j / 3}`, { first, fixed: 'fixed text', second, third }]);
	}

	const probe = probeNodeType(
		corpus.expressions.map((_, i) => `e${i}`),
		(context) => {
			probeRan = true;
			const read = itemParameterReader(context);
			const items = context.getInputData();
			corpus.expressions.forEach((raw, p) => {
				const name = `e${p}`;
				const parsed = parseNativeExpression(raw);
				for (let i = 0; i < items.length; i++) {
					report.cases++;
					const fromN8n = attempt(() => context.getNodeParameter(name, i));
					const native = parsed ? evaluateNativeExpression(parsed, items[i].json) : DECLINED;
					if (fromN8n.threw) report.n8nThrew++;
					if (native === DECLINED) report.declined++;
					else {
						report.nativeAnswered++;
						const type = fromN8n.threw ? 'threw' : describe(fromN8n.value).split(' ')[0];
						report.answeredByType[type] = (report.answeredByType[type] ?? 0) + 1;
						if (fromN8n.threw || !sameValue(fromN8n.value, native)) {
							mismatch({
								expression: raw,
								item: i,
								which: 'native',
								n8n: fromN8n.threw ? `threw ${fromN8n.error.message}` : describe(fromN8n.value),
								ours: describe(native),
							});
						}
					}
					const fromReader = attempt(() => read(name, i));
					if (!sameOutcome(fromN8n, fromReader)) {
						mismatch({
							expression: raw,
							item: i,
							which: 'reader',
							n8n: fromN8n.threw ? `threw ${fromN8n.error.message}` : describe(fromN8n.value),
							ours: fromReader.threw
								? `threw ${fromReader.error.message}`
								: describe(fromReader.value),
						});
					}
				}
			});
			for (const [name, raw] of collections) {
				const compiled = compileParameter(raw);
				for (let i = 0; i < items.length; i++) {
					report.cases++;
					report.collectionCases++;
					if (compiled && evaluateCompiledParameter(compiled, items[i].json) !== DECLINED) {
						report.collectionNativeAnswered++;
					}
					const fromN8n = attempt(() => context.getNodeParameter(name, i));
					const fromReader = attempt(() => read(name, i));
					if (!sameOutcome(fromN8n, fromReader)) {
						mismatch({
							expression: JSON.stringify(raw),
							item: i,
							which: 'reader',
							n8n: fromN8n.threw ? `threw ${fromN8n.error.message}` : describe(fromN8n.value),
							ours: fromReader.threw
								? `threw ${fromReader.error.message}`
								: describe(fromReader.value),
						});
					}
				}
			}
		},
		collections.map(([name]) => name),
	);

	const parameters: INodeParameters = Object.fromEntries(
		corpus.expressions.map((raw, i) => [`e${i}`, raw]),
	);
	for (const [name, value] of collections) parameters[name] = value;
	const run = await runProbe(n8n, probe, parameters, corpus.items);
	if (!probeRan) {
		throw new Error(`the probe node did not run: ${describe(run.data.resultData.error)}`);
	}
	report.ms = Date.now() - started;
	return report;
}

/** One WorkflowExecute run of a probe node (no credentials) over the given items. */
export async function runProbe(
	n8n: N8nModules,
	probe: INodeType,
	parameters: INodeParameters,
	items: Array<Record<string, unknown>>,
): Promise<IRun> {
	const nodeTypes: INodeTypes = {
		getByName: () => probe,
		getByNameAndVersion: () => probe,
		getKnownTypes: () => ({}),
	};
	const node = {
		id: 'probe',
		name: 'Probe',
		type: PROBE_TYPE,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
	};
	const workflow = new n8n.workflow.Workflow({
		id: 'differential',
		name: 'native expression differential',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new n8n.core.ExecutionLifecycleHooks('manual', 'differential', {
		id: 'differential',
		name: 'native expression differential',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
	});
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	// What n8n-core reads while running a node without credentials (as test/harness/engine.ts sets it).
	const additionalData = {
		hooks,
		currentNodeExecutionIndex: 0,
		variables: {},
		...instanceUrls(),
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const runExecutionData = n8n.workflow.createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node,
					data: {
						main: [items.map((json) => ({ json: json as IDataObject }))],
					},
					source: null,
				},
			],
		},
	});
	const execute = new n8n.core.WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	return await finished;
}

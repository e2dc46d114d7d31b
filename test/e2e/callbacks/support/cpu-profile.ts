/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and says where the sampled time of a
 * window went, by category: this package, n8n's webhook handling, its execution engine, the
 * expression engine, the database, HTTP, and so on. Sample times are on the machine's monotonic
 * clock (V8 TimeTicks, microseconds), the same clock as `process.hrtime`, so a window measured by
 * the process that sent the callbacks selects exactly the samples of that burst.
 */
import * as fs from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

/**
 * Matched against a frame's module path: what follows the last `node_modules/` of its URL (the
 * n8n install and this package both live under folders named after the package), or the URL of
 * Node's own modules. First match wins, from the sampled frame outwards (a builtin such as
 * JSON.parse has no URL).
 */
const CATEGORIES: Array<[string, RegExp]> = [
	['this package (webhook(): settings, auth, body, parse, event)', /^n8n-nodes-sms-gateways\//],
	[
		'expression engine (isolates, evaluation)',
		/^(@n8n\/expression-runtime|isolated-vm|@n8n\/tournament)\/|^n8n-workflow\/dist\/cjs\/(expression|workflow-data-proxy|workflow-expression|expression-sandboxing|extensions)/,
	],
	['database (SQLite, TypeORM)', /^(sqlite3|typeorm|@n8n\/typeorm|@n8n\/db)\//],
	['n8n webhook handling (live-webhooks, webhook-helpers)', /^n8n\/dist\/webhooks\//],
	[
		'n8n execution engine (runner, WorkflowExecute, hooks)',
		/^n8n-core\/dist\/execution-engine\/|^n8n\/dist\/(workflow-runner|active-executions|execution-lifecycle|executions|scaling)\b/,
	],
	['n8n-workflow (Workflow, NodeHelpers, parameters)', /^n8n-workflow\//],
	['other n8n code', /^(n8n|n8n-core|@n8n\/[^/]+)\//],
	[
		'HTTP (express, body reading)',
		/^(express|body-parser|raw-body|router|on-finished|finalhandler|send|compression)\/|^node:(_http|http|net|stream|zlib)/,
	],
];

function modulePath(url: string): string {
	const at = url.lastIndexOf('node_modules/');
	return at === -1 ? url : url.slice(at + 'node_modules/'.length);
}

export interface WindowBreakdown {
	/** Milliseconds of samples in the window that were not idle. */
	busyMs: number;
	idleMs: number;
	/** Busy milliseconds by category (self time, as above); `(garbage collector)` and `(program)` too. */
	byCategory: Record<string, number>;
	/** Busy milliseconds with a frame of this package anywhere on the stack. */
	packageInclusiveMs: number;
	/** Busy milliseconds with an expression-engine frame anywhere on the stack. */
	expressionInclusiveMs: number;
}

export function loadProfile(file: string): CpuProfile {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}

export function breakdown(profile: CpuProfile, fromUs: number, toUs: number): WindowBreakdown {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const memo = new Map<number, { category: string; inPackage: boolean; inExpression: boolean }>();
	const classify = (id: number) => {
		const cached = memo.get(id);
		if (cached) return cached;
		let category: string | undefined;
		let inPackage = false;
		let inExpression = false;
		const leafName = byId.get(id)!.callFrame.functionName;
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const url = modulePath(byId.get(at)!.callFrame.url);
			if (!url) continue;
			const match = CATEGORIES.find(([, pattern]) => pattern.test(url));
			if (match && category === undefined) category = match[0];
			if (CATEGORIES[0][1].test(url)) inPackage = true;
			if (CATEGORIES[1][1].test(url)) inExpression = true;
		}
		if (leafName === '(garbage collector)' || leafName === '(program)' || leafName === '(idle)')
			category = leafName;
		const result = { category: category ?? 'other (Node.js internals)', inPackage, inExpression };
		memo.set(id, result);
		return result;
	};

	const result: WindowBreakdown = {
		busyMs: 0,
		idleMs: 0,
		byCategory: {},
		packageInclusiveMs: 0,
		expressionInclusiveMs: 0,
	};
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		if (time < fromUs || time > toUs) continue;
		// A sample stands for the time until the next one.
		const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		const { category, inPackage, inExpression } = classify(profile.samples[i]);
		if (category === '(idle)') {
			result.idleMs += ms;
			continue;
		}
		result.busyMs += ms;
		result.byCategory[category] = (result.byCategory[category] ?? 0) + ms;
		if (inPackage) result.packageInclusiveMs += ms;
		if (inExpression) result.expressionInclusiveMs += ms;
	}
	return result;
}

/** The monotonic clock in microseconds, as V8 stamps profile samples. */
export function monotonicUs(): number {
	return Number(process.hrtime.bigint() / 1000n);
}

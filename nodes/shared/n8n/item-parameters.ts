/**
 * Per-item parameter reading that evaluates only what can differ between items, and computes plain
 * item-field expressions itself. Every action node reads its per-item parameters through it.
 *
 * n8n resolves a parameter for every item even when it holds no expression, and each resolution
 * builds an expression context (dates, proxies); a parameter without expressions is therefore read
 * once and reused. A parameter holding an expression is still resolved per item, and since n8n 2.x
 * its default engine does that in an isolate at about half a millisecond per item and parameter.
 * When every expression in the parameter is a plain `$json` path (native-expression.ts), the value
 * is computed here from the item's json instead, identical to n8n's (proved by the differential
 * tests, test/unit/n8n and test/e2e); for any item where that is not certain, and for every other
 * expression, n8n resolves it exactly as before, errors included.
 *
 * `$json` is, in n8n, the json of the item at that index of the node's connection input, which for
 * a node with one main input (all of this package's action nodes) is `getInputData()`. Not when the
 * node runs as an AI agent's tool: there `getInputData()` holds the tool's arguments while `$json`
 * stays the agent's input item, so a tool execution (or an n8n too old to say) reads through n8n.
 *
 * What n8n does after resolving (n8n-core `_getNodeParameter`) changes nothing here: the package's
 * parameters declare no `validateType`, resource mapper or resource locator (checked by a test), so
 * schema validation returns the value as it is, and the DateTime clean-up only touches objects
 * (native results are primitives inside rebuilt collections).
 */
import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

import { DECLINED } from './native-expression';
import type { CompiledParameter } from './native-parameter';
import { compileParameter, evaluateCompiledParameter } from './native-parameter';

/**
 * Turns the native path off (n8n resolves every expression), for the tests and benchmarks that
 * compare both paths. Always on in n8n.
 */
export const nativeItemExpressions = { enabled: true };

export type ItemParameterReader = <T = unknown>(name: string, itemIndex: number, fallback?: T) => T;

export function itemParameterReader(context: IExecuteFunctions): ItemParameterReader {
	const raw = context.getNode().parameters;
	const items = context.getInputData();
	const native = nativeItemExpressions.enabled && isPlainExecution(context);
	const fixed = new Map<string, unknown>();
	const compiled = new Map<string, CompiledParameter | null>();

	function compiledFor(name: string): CompiledParameter | null {
		let plan = compiled.get(name);
		if (plan === undefined) {
			const value = rawAt(raw, name);
			plan =
				native && value !== undefined && holdsExpression(value)
					? (compileParameter(value) ?? null)
					: null;
			compiled.set(name, plan);
		}
		return plan;
	}

	return function read<T = unknown>(name: string, itemIndex: number, fallback?: T): T {
		if (fixed.has(name)) return fixed.get(name) as T;
		const plan = compiledFor(name);
		if (plan) {
			const value = evaluateCompiledParameter(plan, items[itemIndex]?.json);
			if (value !== DECLINED) return value as T;
		}
		const value = context.getNodeParameter(
			name,
			itemIndex,
			fallback as NodeParameterValueType,
		) as T;
		if (!holdsExpression(rawAt(raw, name))) fixed.set(name, value);
		return value;
	};
}

/**
 * The stored value of a parameter, or of one field of a collection (`options.keyword`, as n8n's
 * getNodeParameter reads a dotted name): a node can then read per item only the fields that may
 * differ, and a run-wide field (Send SMS's Exclude Numbers) is not resolved again for every item.
 */
function rawAt(raw: object, name: string): unknown {
	let value: unknown = raw;
	for (const key of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** A run on the node's main input, where `$json` is `getInputData()[itemIndex].json`. */
function isPlainExecution(context: IExecuteFunctions): boolean {
	return typeof context.isToolExecution === 'function' && context.isToolExecution() === false;
}

function holdsExpression(value: unknown, depth = 0): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (depth > 8 || value === null || typeof value !== 'object') return false;
	return Object.values(value as Record<string, unknown>).some((v) => holdsExpression(v, depth + 1));
}

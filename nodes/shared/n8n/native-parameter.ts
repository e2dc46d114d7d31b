/**
 * A node parameter's raw value (a string, or a collection of them) compiled once per run into what
 * can be computed per item without n8n's expression engine.
 *
 * n8n resolves a parameter by walking it (n8n-workflow `WorkflowExpression.getParameterValue`):
 * arrays map element by element, objects are rebuilt key by key in `Object.entries` order, and each
 * string is resolved on its own. A compiled parameter does the same, with fixed leaves copied as
 * they are and expression leaves computed by `native-expression.ts`. A parameter with any leaf that
 * is an expression of another kind does not compile, and n8n resolves it as before.
 */
import type { NativeExpression } from './native-expression';
import { DECLINED, evaluateNativeExpression, parseNativeExpression } from './native-expression';

export type CompiledParameter =
	| { readonly kind: 'fixed'; readonly value: unknown }
	| { readonly kind: 'expression'; readonly expression: NativeExpression }
	| { readonly kind: 'array'; readonly elements: readonly CompiledParameter[] }
	| {
			readonly kind: 'object';
			readonly entries: ReadonlyArray<readonly [string, CompiledParameter]>;
	  };

/** Deeper collections are left to n8n (the package's own go two levels deep). */
const MAX_DEPTH = 8;

/** The compiled form, or undefined when some leaf is an expression this package does not compute. */
export function compileParameter(raw: unknown, depth = 0): CompiledParameter | undefined {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return { kind: 'fixed', value: raw };
		const expression = parseNativeExpression(raw);
		return expression ? { kind: 'expression', expression } : undefined;
	}
	if (raw === null || typeof raw !== 'object') return { kind: 'fixed', value: raw };
	if (depth >= MAX_DEPTH) return undefined;
	if (Array.isArray(raw)) {
		const elements: CompiledParameter[] = [];
		for (const element of raw) {
			const compiled = compileParameter(element, depth + 1);
			if (!compiled) return undefined;
			elements.push(compiled);
		}
		return { kind: 'array', elements };
	}
	const prototype = Object.getPrototypeOf(raw) as unknown;
	if (prototype !== Object.prototype && prototype !== null) return undefined;
	const entries: Array<[string, CompiledParameter]> = [];
	for (const [key, value] of Object.entries(raw)) {
		// n8n assigns each key of the rebuilt object, so `__proto__` would set its prototype: left to n8n.
		if (key === '__proto__') return undefined;
		const compiled = compileParameter(value, depth + 1);
		if (!compiled) return undefined;
		entries.push([key, compiled]);
	}
	return { kind: 'object', entries };
}

/** Whether the compiled value holds any expression (if not, it is the same for every item). */
export function holdsNativeExpression(compiled: CompiledParameter): boolean {
	switch (compiled.kind) {
		case 'fixed':
			return false;
		case 'expression':
			return true;
		case 'array':
			return compiled.elements.some(holdsNativeExpression);
		case 'object':
			return compiled.entries.some(([, value]) => holdsNativeExpression(value));
	}
}

/** The parameter's value for one item's json, or DECLINED (then ask n8n for this item). */
export function evaluateCompiledParameter(compiled: CompiledParameter, json: unknown): unknown {
	switch (compiled.kind) {
		case 'fixed':
			return compiled.value;
		case 'expression':
			return evaluateNativeExpression(compiled.expression, json);
		case 'array': {
			const values: unknown[] = [];
			for (const element of compiled.elements) {
				const value = evaluateCompiledParameter(element, json);
				if (value === DECLINED) return DECLINED;
				values.push(value);
			}
			return values;
		}
		case 'object': {
			const result: Record<string, unknown> = {};
			for (const [key, element] of compiled.entries) {
				const value = evaluateCompiledParameter(element, json);
				if (value === DECLINED) return DECLINED;
				result[key] = value;
			}
			return result;
		}
	}
}

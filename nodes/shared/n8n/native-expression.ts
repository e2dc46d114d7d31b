/**
 * Plain item-field expressions (`={{ $json.phone }}`, `=Hello {{ $json["first name"] }}`) computed
 * straight from the item, without n8n's expression engine.
 *
 * Since n8n 2.x the default engine evaluates every expression in an isolate, and
 * `getNodeParameter(name, itemIndex)` does it again for every item (about half a millisecond each),
 * although the commonest per-item parameters only read a field of the item. This module recognises
 * exactly those and gives what n8n gives, value and type; it declines everything else, and the
 * caller then asks n8n as before.
 *
 * What n8n does with such an expression (n8n-workflow 2.41 `Expression.resolveSimpleParameterValue`
 * and @n8n/tournament 1.13; the `vm` engine runs the same generated code in an isolate over lazy
 * proxies of the item, @n8n/expression-runtime 0.32):
 * - the text after `=` is split at the first `{{` and the next `}}`; a value that is one `{{ }}` and
 *   nothing else returns the value itself (string, number, boolean, null, undefined);
 * - otherwise the parts are joined into a string, each code part through
 *   `v || v === 0 || v === false ? v : ''` (so null, undefined, NaN and '' give '') and then
 *   `Array.prototype.join` (so -0 gives '0' and numbers print as `String(n)`);
 * - `$json` is the json of the input item at that index (`WorkflowDataProxy`, short syntax: the
 *   node's connection input, no paired-item lookup).
 *
 * Declined, and left to n8n: anything but `$json` followed by `.name`, `['key']`, `["key"]` or
 * `[index]`; backslashes anywhere (n8n's splitter treats them specially); the word `constructor`
 * anywhere (n8n rejects `.constructor` in the whole text); keys n8n's sanitizer refuses; keys that
 * an object inherits (`toString`: the two engines disagree on them); a path through anything other
 * than a plain object or an array (strings, dates, class instances, getters); a missing or null
 * parent (the legacy engine swallows the TypeError, the `vm` engine throws it); and results that
 * are not primitives (objects, arrays, dates, functions, bigints, symbols).
 */

/** One `$json` path: the keys after `$json`, as property names. */
export type JsonPath = readonly string[];

export type NativeExpression =
	/** `={{ path }}`: the value itself. */
	| { readonly kind: 'value'; readonly path: JsonPath }
	/** Text and paths joined into a string. */
	| { readonly kind: 'text'; readonly parts: ReadonlyArray<string | JsonPath> };

/** Returned by `evaluateNativeExpression` when it cannot be certain to match n8n for this item. */
export const DECLINED: unique symbol = Symbol('native expression declined');
export type Declined = typeof DECLINED;

/**
 * Property names n8n's expression sanitizer refuses (n8n-workflow `unsafeObjectProperties`); such
 * an expression throws in n8n, so it is left to n8n to throw.
 */
const UNSAFE_KEYS = new Set([
	'__proto__',
	'prototype',
	'constructor',
	'getPrototypeOf',
	'setPrototypeOf',
	'getOwnPropertyDescriptor',
	'getOwnPropertyDescriptors',
	'defineProperty',
	'defineProperties',
	'mainModule',
	'binding',
	'_linkedBinding',
	'_load',
	'prepareStackTrace',
	'__lookupGetter__',
	'__lookupSetter__',
	'__defineGetter__',
	'__defineSetter__',
	'caller',
	'callee',
	'arguments',
	'getBuiltinModule',
	'dlopen',
	'execve',
	'loadEnvFile',
]);

const DOT_KEY = /^\.([A-Za-z_][A-Za-z0-9_]*)/;
const INDEX_KEY = /^\[(0|[1-9][0-9]{0,8})\]/;
/** Quoted keys: no backslash, quote, bracket or parenthesis, no line break. */
const QUOTED_KEY = /^\[(?:'([^'\\(){}\n\r\u2028\u2029]*)'|"([^"\\(){}\n\r\u2028\u2029]*)")\]/;
const CODE_PADDING = /^[ \t\n\r]*|[ \t\n\r]*$/g;
const CANONICAL_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** The keys of one `{{ }}` part, or undefined when it is not a plain `$json` path. */
export function parseJsonPath(code: string): JsonPath | undefined {
	let rest = code.replace(CODE_PADDING, '');
	if (!rest.startsWith('$json')) return undefined;
	rest = rest.slice('$json'.length);
	const keys: string[] = [];
	while (rest.length > 0) {
		let match = DOT_KEY.exec(rest);
		let key: string | undefined;
		if (match) key = match[1];
		else if ((match = INDEX_KEY.exec(rest))) key = match[1];
		else if ((match = QUOTED_KEY.exec(rest))) key = match[1] ?? match[2];
		if (!match || key === undefined || UNSAFE_KEYS.has(key)) return undefined;
		keys.push(key);
		rest = rest.slice(match[0].length);
	}
	return keys.length > 0 ? keys : undefined;
}

/**
 * The native form of a parameter's raw value, or undefined when it is not an expression made only
 * of plain `$json` paths (then n8n evaluates it).
 */
export function parseNativeExpression(raw: unknown): NativeExpression | undefined {
	if (typeof raw !== 'string' || !raw.startsWith('=')) return undefined;
	const body = raw.slice(1);
	if (body.includes('\\') || body.includes('constructor')) return undefined;
	const parts: Array<string | JsonPath> = [];
	let position = 0;
	while (position < body.length) {
		const open = body.indexOf('{{', position);
		if (open === -1) {
			parts.push(body.slice(position));
			break;
		}
		const close = body.indexOf('}}', open + 2);
		if (close === -1) return undefined;
		const path = parseJsonPath(body.slice(open + 2, close));
		if (!path) return undefined;
		if (open > position) parts.push(body.slice(position, open));
		parts.push(path);
		position = close + 2;
	}
	const paths = parts.filter((part) => typeof part !== 'string');
	if (paths.length === 0) return undefined;
	if (parts.length === 1 && body.startsWith('{{')) return { kind: 'value', path: paths[0] };
	return { kind: 'text', parts };
}

function isPlainObject(value: object): boolean {
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** One step of a path, or DECLINED when n8n's engines might not agree with a plain read. */
function step(container: unknown, key: string): unknown {
	if (container === null || typeof container !== 'object') return DECLINED;
	if (Array.isArray(container)) {
		if (key === 'length') return container.length;
		if (!CANONICAL_INDEX.test(key)) return DECLINED;
		if (Number(key) >= container.length) return undefined;
		const element = Object.getOwnPropertyDescriptor(container, key);
		return element && 'value' in element ? (element.value as unknown) : DECLINED;
	}
	if (!isPlainObject(container) || key in Object.prototype) return DECLINED;
	const property = Object.getOwnPropertyDescriptor(container, key);
	if (!property) return undefined;
	return 'value' in property ? (property.value as unknown) : DECLINED;
}

function resolvePath(json: unknown, path: JsonPath): unknown {
	let value: unknown = json;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return DECLINED;
	for (let i = 0; i < path.length; i++) {
		if (i > 0 && (value === undefined || value === null)) return DECLINED;
		value = step(value, path[i]);
		if (value === DECLINED) return DECLINED;
	}
	const type = typeof value;
	if (
		value === null ||
		value === undefined ||
		type === 'string' ||
		type === 'number' ||
		type === 'boolean'
	) {
		return value;
	}
	return DECLINED;
}

/** How a primitive prints inside text (Tournament's per-part guard, then `Array.prototype.join`). */
function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === 0 || value === false) return String(value);
	return value ? String(value) : '';
}

/** The expression's value for one item's json, or DECLINED (then ask n8n for this item). */
export function evaluateNativeExpression(expression: NativeExpression, json: unknown): unknown {
	if (expression.kind === 'value') return resolvePath(json, expression.path);
	let text = '';
	for (const part of expression.parts) {
		if (typeof part === 'string') {
			text += part;
			continue;
		}
		const value = resolvePath(json, part);
		if (value === DECLINED) return DECLINED;
		text += asText(value);
	}
	return text;
}

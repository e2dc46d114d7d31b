/**
 * The native expression parser and evaluator on their own: which expressions they take, what they
 * give for each kind of value, and everything they must leave to n8n. What they give is proved
 * equal to n8n's own evaluation by the differential tests beside this file; this file pins the
 * decisions, so a change to them is a visible change.
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	DECLINED,
	evaluateNativeExpression,
	parseNativeExpression,
} from '../../../nodes/shared/n8n/native-expression';
import {
	compileParameter,
	evaluateCompiledParameter,
} from '../../../nodes/shared/n8n/native-parameter';
import { packageNodeTypes } from '../../harness/package-types';

const evaluate = (raw: string, json: unknown) => {
	const parsed = parseNativeExpression(raw);
	if (!parsed) throw new Error(`${raw} did not parse`);
	return evaluateNativeExpression(parsed, json);
};

describe('parseNativeExpression', () => {
	it.each([
		['={{ $json.phone }}', { kind: 'value', path: ['phone'] }],
		['={{$json.contact.phone}}', { kind: 'value', path: ['contact', 'phone'] }],
		['={{ $json["phone number"] }}', { kind: 'value', path: ['phone number'] }],
		["={{ $json['it\"s'] }}", { kind: 'value', path: ['it"s'] }],
		['={{ $json.phones[0] }}', { kind: 'value', path: ['phones', '0'] }],
		['={{\n\t$json.a.b[12]["c.d"]\n}}', { kind: 'value', path: ['a', 'b', '12', 'c.d'] }],
		[
			'=Hello {{ $json.name }}, see you at {{ $json.time }}',
			{ kind: 'text', parts: ['Hello ', ['name'], ', see you at ', ['time']] },
		],
		['= {{ $json.a }}', { kind: 'text', parts: [' ', ['a']] }],
		['={{ $json.a }} ', { kind: 'text', parts: [['a'], ' '] }],
		['={{ $json.a }}{{ $json.b }}', { kind: 'text', parts: [['a'], ['b']] }],
		['=a } {{ $json.a }}}', { kind: 'text', parts: ['a } ', ['a'], '}'] }],
	])('takes %j', (raw, expected) => {
		expect(parseNativeExpression(raw)).toEqual(expected);
	});

	it.each([
		['not an expression', 'phone'],
		['no path', '=Hello'],
		['$json alone', '={{ $json }}'],
		['a function call', '={{ $json.name.toUpperCase() }}'],
		['an operator', '={{ $json.a + 1 }}'],
		['optional chaining', '={{ $json.a?.b }}'],
		['a ternary', '={{ $json.a ? 1 : 2 }}'],
		['another node', "={{ $('Sheet').item.json.phone }}"],
		['$node', '={{ $node["Sheet"].json.phone }}'],
		['$now', '={{ $now }}'],
		['a template key', '={{ $json[`phone`] }}'],
		['a computed key', '={{ $json["a" + "b"] }}'],
		['a leading-zero index', '={{ $json.phones[01] }}'],
		['a huge index', '={{ $json.phones[12345678901] }}'],
		['space inside the path', '={{ $json. phone }}'],
		['a $ in a dot key', '={{ $json.$id }}'],
		['a non-ASCII dot key', '={{ $json.prénom }}'],
		['an unclosed {{', '={{ $json.phone }'],
		['a backslash', '=\\{{ $json.phone }}'],
		['an escaped quote in a key', "={{ $json['it\\'s'] }}"],
		['a parenthesis in a key', '={{ $json["a(b)"] }}'],
		['a brace in a key', '={{ $json["a{b"] }}'],
		['constructor as a key', '={{ $json.constructor }}'],
		['constructor anywhere in the text', '=.constructor {{ $json.a }}'],
		['__proto__', '={{ $json["__proto__"] }}'],
		['prototype', '={{ $json.prototype }}'],
		['a { opening a code part', '={{{ $json.a }}'],
		['non-ASCII padding', '={{\u00a0$json.a }}'],
	])('leaves %s to n8n', (_label, raw) => {
		expect(parseNativeExpression(raw)).toBeUndefined();
	});
});

describe('evaluateNativeExpression', () => {
	it('returns a lone value as it is, of every primitive type', () => {
		for (const value of ['', 'x', 0, -0, 1.5, NaN, Infinity, -Infinity, 1e21, true, false, null]) {
			expect(Object.is(evaluate('={{ $json.v }}', { v: value }), value)).toBe(true);
		}
		expect(evaluate('={{ $json.missing }}', {})).toBeUndefined();
	});

	it('prints values inside text as n8n does: null, undefined, NaN and "" as nothing, -0 as 0', () => {
		const text = (v: unknown) => evaluate('=[{{ $json.v }}]', { v });
		expect([null, undefined, NaN, '', -0, 0, false, true, 1e21, 'é'].map(text)).toEqual([
			'[]',
			'[]',
			'[]',
			'[]',
			'[0]',
			'[0]',
			'[false]',
			'[true]',
			'[1e+21]',
			'[é]',
		]);
	});

	it('reads arrays by index and length, and an index past the end as undefined', () => {
		const json = { phones: ['+1', '+2'] };
		expect(evaluate('={{ $json.phones[1] }}', json)).toBe('+2');
		expect(evaluate('={{ $json.phones.length }}', json)).toBe(2);
		expect(evaluate('={{ $json.phones[2] }}', json)).toBeUndefined();
	});

	it.each([
		['a missing parent', '={{ $json.contact.phone }}', {}],
		['a null parent', '={{ $json.contact.phone }}', { contact: null }],
		['a string parent', '={{ $json.name.length }}', { name: 'Amina' }],
		['an object result', '={{ $json.contact }}', { contact: { phone: '1' } }],
		['an array result', '={{ $json.phones }}', { phones: [] }],
		['an object inside text', '=To {{ $json.contact }}', { contact: {} }],
		['a date', '={{ $json.when }}', { when: new Date(0) }],
		['a bigint', '={{ $json.n }}', { n: 1n }],
		['an own key an object inherits', '={{ $json.toString }}', { toString: 'own' }],
		['an inherited key', '={{ $json.valueOf }}', {}],
		[
			'a getter',
			'={{ $json.g }}',
			Object.defineProperty({}, 'g', { get: () => 1, enumerable: true }),
		],
		['a class instance', '={{ $json.m.size }}', { m: new Map() }],
		['a non-index key on an array', '={{ $json.phones.first }}', { phones: [] }],
		['a hole in an array', '={{ $json.phones[0] }}', { phones: new Array(1) }],
		['json that is not an object', '={{ $json.a }}', undefined],
	])('declines %s', (_label, raw, json) => {
		expect(evaluate(raw, json)).toBe(DECLINED);
	});
});

describe('compiled collections', () => {
	it('rebuilds a collection with fixed and native leaves, in key order', () => {
		const compiled = compileParameter({
			scheduleTime: '={{ $json.when }}',
			keyword: 'fixed',
			nested: [1, '={{ $json.n }}'],
		});
		expect(evaluateCompiledParameter(compiled!, { when: 'soon', n: 2 })).toStrictEqual({
			scheduleTime: 'soon',
			keyword: 'fixed',
			nested: [1, 2],
		});
		expect(evaluateCompiledParameter(compiled!, { n: {} })).toBe(DECLINED);
	});

	it('leaves a collection with any other expression, or a __proto__ key, to n8n', () => {
		expect(compileParameter({ a: '={{ $json.a }}', b: '={{ $now }}' })).toBeUndefined();
		expect(compileParameter(JSON.parse('{"__proto__": "={{ $json.a }}"}'))).toBeUndefined();
	});
});

describe("what the reader relies on in the package's parameters", () => {
	/** n8n-core validates these after resolving (validateValueAgainstSchema, extractValue). */
	function special(properties: INodeProperties[]): string[] {
		const found: string[] = [];
		const visit = (list: unknown[]) => {
			for (const entry of list as Array<INodeProperties & { values?: unknown[] }>) {
				if (entry.validateType) found.push(`${entry.name}: validateType`);
				if (
					['resourceMapper', 'resourceLocator', 'filter', 'assignmentCollection'].includes(
						entry.type,
					)
				) {
					found.push(`${entry.name}: ${entry.type}`);
				}
				if (Array.isArray(entry.options)) visit(entry.options);
				if (Array.isArray(entry.values)) visit(entry.values);
			}
		};
		visit(properties);
		return found;
	}

	it('no action node parameter is validated or extracted after resolution (so native values need no such step)', () => {
		for (const node of packageNodeTypes()) {
			expect({
				node: node.description.name,
				special: special(node.description.properties),
			}).toEqual({
				node: node.description.name,
				special: [],
			});
		}
	});
});

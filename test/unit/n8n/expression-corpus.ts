/**
 * A seeded corpus for the native-expression differential tests: item shapes (strings, numbers
 * including -0, NaN, ±Infinity and big ones, booleans, null, missing keys, nested objects and
 * arrays, unicode, keys with quotes, brackets, spaces and dots, prototype-ish keys, dates) and
 * expressions over them (plain `$json` paths written every way n8n accepts, inside text or alone,
 * plus expressions of other kinds that must be left to n8n). Pure data: the same seed gives the same
 * corpus in the jest run (n8n-workflow in-process) and in the Node 24 child (the real n8n, `vm`).
 */

import { seededRandom } from '../../fixtures/seeded-random';

type Random = () => number;
const pick = <T>(random: Random, values: readonly T[]): T =>
	values[Math.floor(random() * values.length)];

/** Keys most items hold: paths over them are answered natively most of the time. */
export const COMMON_KEYS = [
	'phone',
	'name',
	'time',
	'contact',
	'phones',
	'phone number',
	'first.name',
	"it's",
	'say "hi"',
	'x[0]',
	'0',
	'',
	'prénom',
	'电话',
	'class',
	'length',
] as const;

/** Keys some items hold, including those n8n treats specially; paths over them are often declined. */
export const RARE_KEYS = [
	'a',
	'x_1',
	'_private',
	'null',
	'true',
	'a]b',
	'1',
	'01',
	' ',
	'é',
	'emoji 😀',
	'$',
	'$id',
	'tab\tkey',
	'brace{x}',
	'paren(x)',
	'back\\slash',
	'__proto__',
	'constructor',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'prototype',
	'caller',
] as const;

const anyKey = (random: Random) =>
	random() < 0.8 ? pick(random, COMMON_KEYS) : pick(random, RARE_KEYS);

const STRINGS = [
	'',
	' ',
	'+254711000001',
	'0711 000 001',
	'Amina',
	'héllo wörld',
	'电话号码',
	'😀 emoji',
	'line\nbreak',
	'tab\there',
	"it's",
	'say "hi"',
	'{{ $json.phone }}',
	'${x}',
	'`tick`',
	'back\\slash',
	'null',
	'undefined',
	'0',
	'-0',
	'NaN',
	'true',
	'[object Object]',
	'a'.repeat(200),
];

const NUMBERS = [
	0,
	-0,
	1,
	-1,
	42,
	-1.5,
	0.1 + 0.2,
	1e-7,
	1e21,
	123456789012345680000,
	2 ** 53 + 2,
	Number.MAX_SAFE_INTEGER,
	Number.MAX_VALUE,
	Number.MIN_VALUE,
	NaN,
	Infinity,
	-Infinity,
];

function primitive(random: Random): unknown {
	const roll = random();
	if (roll < 0.45) return pick(random, STRINGS);
	if (roll < 0.75) return pick(random, NUMBERS);
	if (roll < 0.87) return random() < 0.5;
	return null;
}

function value(random: Random, depth: number): unknown {
	const roll = random();
	if (depth >= 3 || roll < 0.6) return primitive(random);
	if (roll < 0.8) return object(random, depth + 1);
	if (roll < 0.97) {
		const length = Math.floor(random() * 4);
		return Array.from({ length }, () => value(random, depth + 1));
	}
	// Not JSON, but a Code node can put them in an item.
	return random() < 0.5 ? new Date(Date.UTC(2026, 4, 1, 12, 25)) : new Uint8Array([1, 2]);
}

function object(random: Random, depth: number): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	const count = 1 + Math.floor(random() * 3);
	for (let i = 0; i < count; i++) {
		// defineProperty: `__proto__` becomes an own key, as JSON.parse makes it.
		Object.defineProperty(result, anyKey(random), {
			value: value(random, depth),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return result;
}

/**
 * One item's json: the common keys, each present most of the time with a value of any kind (mostly
 * primitives), plus a few other keys, so paths hit as often as they miss.
 */
export function itemShape(random: Random): Record<string, unknown> {
	const json = random() < 0.3 ? object(random, 1) : {};
	for (const key of COMMON_KEYS) {
		if (random() < 0.2) continue;
		let field: unknown;
		if (key === 'contact')
			field = {
				phone: primitive(random),
				'phone number': primitive(random),
				name: value(random, 2),
			};
		else if (key === 'phones')
			field = Array.from({ length: Math.floor(random() * 3) }, () => value(random, 2));
		else field = random() < 0.85 ? primitive(random) : value(random, 1);
		Object.defineProperty(json, key, {
			value: field,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return json;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function writeKey(random: Random, key: string): string {
	const roll = random();
	if (/^(0|[1-9][0-9]*)$/.test(key) && roll < 0.5) return `[${key}]`;
	if (IDENTIFIER.test(key) && roll < 0.6) return `.${key}`;
	if (!key.includes("'") && random() < 0.5) return `['${key}']`;
	if (!key.includes('"')) return `["${key}"]`;
	return `['${key.replace(/'/g, "\\'")}']`;
}

/** A path: mostly keys that items hold (walking a sample item), sometimes any key. */
function path(random: Random, sample: Record<string, unknown>): string {
	const keys: string[] = [];
	let current: unknown = sample;
	const length = random() < 0.6 ? 1 : 2 + Math.floor(random() * 2);
	for (let i = 0; i < length; i++) {
		let key: string;
		if (Array.isArray(current) && random() < 0.8)
			key = String(Math.floor(random() * (current.length + 1)));
		else if (current && typeof current === 'object' && random() < 0.75) {
			const own = Object.keys(current);
			key = own.length > 0 ? pick(random, own) : anyKey(random);
		} else key = random() < 0.1 ? pick(random, ['length', '2', '10']) : anyKey(random);
		keys.push(key);
		current =
			current && typeof current === 'object'
				? (current as Record<string, unknown>)[key]
				: undefined;
	}
	return '$json' + keys.map((key) => writeKey(random, key)).join('');
}

const PADDING = ['', ' ', '  ', '\n', ' \t'];
const TEXTS = [
	'Hello ',
	', see you at ',
	' ',
	'',
	'ünïcödé ',
	'"quoted" ',
	"it's ",
	'{ single }',
	'}',
	'{',
	'$json.name',
	'\n',
	'tab\t',
	'`${x}` ',
	'[{RECEIVERNAME}] ',
	'100% ',
];

/** Expressions n8n evaluates that the native path must leave to n8n. */
const OTHER_KINDS = [
	'{{ $json.phone + 1 }}',
	'{{ $json.name?.length }}',
	'{{ $json.name.toUpperCase() }}',
	'{{ $json.phone || "none" }}',
	'{{ $json.phone ? 1 : 2 }}',
	'{{ $json }}',
	'{{ $json.contact }}',
	'{{ $json.phones }}',
	'{{ $itemIndex }}',
	'{{ $json["a" + "b"] }}',
	'{{ $json.constructor }}',
	'{{ $json.__proto__ }}',
	'{{ $json["__proto__"] }}',
	'{{ $json.toString }}',
	'\\{{ $json.phone }}',
	'{{ $json.phone }',
	'{{ $json. phone }}',
	'{{ $json[`phone`] }}',
	'{{ $json[01] }}',
	'{{ $json.phones.length }}',
	'{{ $json.contact.phone.length }}',
	'{{ JSON.stringify($json.name) }}',
];

/** One raw parameter value (with the leading `=`). */
export function expression(random: Random, sample: Record<string, unknown>): string {
	const roll = random();
	const code = () => `{{${pick(random, PADDING)}${path(random, sample)}${pick(random, PADDING)}}}`;
	if (roll < 0.45) return `=${code()}`;
	if (roll < 0.95) {
		const parts: string[] = [];
		const count = 1 + Math.floor(random() * 2);
		for (let i = 0; i < count; i++) parts.push(pick(random, TEXTS), code());
		if (random() < 0.6) parts.push(pick(random, TEXTS));
		return `=${parts.join('')}`;
	}
	return `=${pick(random, TEXTS)}${pick(random, OTHER_KINDS)}${random() < 0.5 ? pick(random, TEXTS) : ''}`;
}

const own = (entries: Array<[string, unknown]>, base: object = {}): Record<string, unknown> => {
	for (const [key, field] of entries) {
		Object.defineProperty(base, key, {
			value: field,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return base as Record<string, unknown>;
};

/** Hand-written items for the edges: every special number, nulls, own prototype-ish keys, non-JSON. */
export function edgeItems(): Array<Record<string, unknown>> {
	return [
		own([
			['phone', '+254711000001'],
			['name', 'Amina'],
			['time', '09:00'],
			['contact', { phone: '0711 000 001', 'phone number': 12 }],
			['phones', ['+254711000001', '+254722000002']],
			['phone number', '+254733000003'],
			['first.name', 'Amina'],
			["it's", 'quote'],
			['say "hi"', 'double'],
			['x[0]', 'bracket'],
			['toString', 'own toString'],
			['valueOf', 1],
			['hasOwnProperty', true],
			['constructor', 'own constructor'],
			['__proto__', 'own proto'],
			['length', 3],
			['', 'empty key'],
			['0', 'zero key'],
		]),
		{
			phone: -0,
			name: NaN,
			time: Infinity,
			contact: { phone: 1e21, 'phone number': -Infinity },
			phones: [-Infinity, 2 ** 53 + 2, 0.1 + 0.2],
			'phone number': Number.MIN_VALUE,
		},
		{ phone: null, name: undefined, time: '', contact: null, phones: [] },
		{},
		{ phone: false, name: true, time: 0, contact: { phone: 0 }, phones: [false, null, undefined] },
		{ phone: { a: 1 }, name: ['x', 'y'], contact: { phone: [1, 2] }, phones: [{ n: 1 }, [2]] },
		{ phone: '电话号码', name: 'héllo 😀', time: 'line\nbreak', contact: { phone: '`${x}`' } },
		{ phone: new Date(Date.UTC(2026, 4, 1, 12, 25)), name: new Uint8Array([1]), time: 12n },
		own(
			[
				['phone', 'null prototype'],
				['contact', own([['phone', 'inner']], Object.create(null) as object)],
			],
			Object.create(null) as object,
		),
	];
}

/** Hand-written expressions for the edges, answered natively or left to n8n. */
export const EDGE_EXPRESSIONS = [
	'={{ $json.phone }}',
	'={{$json.phone}}',
	'={{ $json["phone"] }}',
	"={{ $json['phone'] }}",
	'={{ $json.contact.phone }}',
	'={{ $json.contact["phone number"] }}',
	'={{ $json["phone number"] }}',
	'={{ $json.phones[0] }}',
	'={{ $json.phones[1] }}',
	'={{ $json.phones[2] }}',
	'={{ $json.phones[5] }}',
	'={{ $json.phones.length }}',
	'={{ $json.phones["0"] }}',
	'={{ $json["first.name"] }}',
	`={{ $json["it's"] }}`,
	`={{ $json['say "hi"'] }}`,
	'={{ $json["x[0]"] }}',
	'={{ $json[""] }}',
	'={{ $json[0] }}',
	'={{ $json.toString }}',
	'={{ $json.valueOf }}',
	'={{ $json.hasOwnProperty }}',
	'={{ $json["toString"] }}',
	'={{ $json.length }}',
	'={{ $json.missing }}',
	'={{ $json.missing.deeper }}',
	'={{ $json.contact.missing }}',
	'={{ $json.contact.phone.length }}',
	'=Hello {{ $json.name }}, see you at {{ $json.time }}',
	'=To: {{ $json.phone }}',
	'={{ $json.phone }}{{ $json.name }}',
	'= {{ $json.phone }}',
	'={{ $json.phone }} ',
	'=Time {{ $json.time }} / {{ $json.contact["phone number"] }} / {{ $json.phones[1] }}',
	'={{ $json.phones }}',
	'={{ $json.contact }}',
	'=List: {{ $json.phones }}',
	'=Obj: {{ $json.contact }}',
	'={{ $json.constructor }}',
	'={{ $json["__proto__"] }}',
	'={{ $json.phone.length }}',
	'={{ $json.name.length }}',
	'=plain text',
	'=',
	'={{ $json.phone }',
	'={{ $json.phone?.x }}',
	'=\\{{ $json.phone }}',
];

/** The corpus both differential runs use (in-process and the real n8n's `vm`): 89 × 127 cases. */
export const CORPUS = { seed: 20261201, items: 80, expressions: 80 } as const;

export interface Corpus {
	items: Array<Record<string, unknown>>;
	expressions: string[];
}

/**
 * `items × expressions` cases, every expression evaluated against every item: the hand-written
 * edges, then `itemCount` generated items and `expressionCount` generated expressions.
 */
export function generateCorpus(seed: number, itemCount: number, expressionCount: number): Corpus {
	const random = seededRandom(seed);
	const generatedItems = Array.from({ length: itemCount }, () => itemShape(random));
	const items = [...edgeItems(), ...generatedItems];
	const generated = Array.from({ length: expressionCount }, () =>
		expression(random, pick(random, generatedItems)),
	);
	return { items, expressions: [...EDGE_EXPRESSIONS, ...generated] };
}

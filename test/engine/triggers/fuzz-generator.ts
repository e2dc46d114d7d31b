/**
 * A seeded generator of malformed and hostile gateway calls: random bytes, truncated and mutated
 * seed payloads, wrong types, prototype-polluting keys, deep nesting, repeated fields, oversized
 * bodies, wrong content types and tokens. The same seed gives the same calls, so a failure can be
 * replayed. Each call says whether it must be refused whatever the trigger does with the rest.
 */
import type { FakeRequestInit } from '../../harness/webhook';
import {
	AT,
	atDeliveryReport,
	DHIS2_INBOUND,
	DHIS2_QUERY,
	GUPSHUP_INBOUND,
	gupshupEvent,
	SMSBOX_CALLBACK,
} from '../../fixtures/seed-payloads';
import { FORM, JSON_TYPE, SECRET } from './triggers';
import { seededRandom as prng } from '../../fixtures/seeded-random';

export interface FuzzCase {
	category: string;
	request: FakeRequestInit;
	/** The call must get a 4xx whatever else happens (wrong token, pollution key, too big, …). */
	mustRefuse: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SEEDS_BY_GATEWAY: Record<string, Array<{ body: string; contentType: string }>> = {
	africasTalking: [
		{ body: AT.twoWay, contentType: FORM },
		{ body: AT.deliveryReport, contentType: FORM },
		{ body: AT.optOut, contentType: FORM },
		{ body: AT.subscription, contentType: FORM },
		{ body: atDeliveryReport('Failed', 'DeliveryFailure'), contentType: FORM },
	],
	gupshup: [
		{ body: gupshupEvent('sent'), contentType: JSON_TYPE },
		{ body: gupshupEvent('failed'), contentType: JSON_TYPE },
		{ body: GUPSHUP_INBOUND, contentType: JSON_TYPE },
	],
	smsBox: [{ body: SMSBOX_CALLBACK, contentType: JSON_TYPE }],
	dhis2: [
		{ body: DHIS2_INBOUND, contentType: JSON_TYPE },
		{ body: new URLSearchParams(DHIS2_QUERY).toString(), contentType: FORM },
	],
};

const CONTENT_TYPES = [
	JSON_TYPE,
	FORM,
	'application/json; charset=utf-8',
	'text/plain',
	'application/xml',
	'multipart/form-data; boundary=xyz',
	'application/octet-stream',
	'',
	'application/jsonx',
	'APPLICATION/X-WWW-FORM-URLENCODED',
];

const NASTY_STRINGS = [
	'',
	' ',
	'\u0000',
	'\uD800',
	'💥'.repeat(50),
	'<script>alert(1)</script>',
	"'; DROP TABLE sms; --",
	'{{ $env.SECRET }}',
	'={{ $json.x }}',
	'../../etc/passwd',
	'%00%ZZ%E0%A4%A',
	'NaN',
	'-1',
	'1e309',
	'x'.repeat(5000),
	'STOP',
	'__proto__',
];

const NASTY_VALUES: Json[] = [
	null,
	true,
	false,
	0,
	-1,
	1.5e308,
	[],
	{},
	[1, 'a'],
	{ a: { b: {} } },
	...NASTY_STRINGS,
];

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent raw. */
function encode(text: string): string {
	try {
		return encodeURIComponent(text);
	} catch {
		return text;
	}
}

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

export class FuzzGenerator {
	private readonly random: () => number;

	constructor(
		seed: number,
		private readonly gateway: string,
	) {
		this.random = prng(seed);
	}

	next(): FuzzCase {
		const generators: Array<() => FuzzCase> = [
			() => this.randomBytes(),
			() => this.truncatedSeed(),
			() => this.mutatedJsonSeed(),
			() => this.mutatedFormSeed(),
			() => this.wrongShapeJson(),
			() => this.pollutedJson(),
			() => this.pollutedForm(),
			() => this.deepJson(),
			() => this.oversized(),
			() => this.wrongToken(),
			() => this.hostileQuery(),
			() => this.randomForm(),
		];
		return this.pick(generators)();
	}

	private int(max: number): number {
		return Math.floor(this.random() * max);
	}

	private pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}

	private seed() {
		return this.pick(SEEDS_BY_GATEWAY[this.gateway]);
	}

	private call(
		category: string,
		body: string | Buffer,
		contentType: string,
		mustRefuse = false,
	): FuzzCase {
		const useHeader = this.random() < 0.2;
		return {
			category,
			mustRefuse,
			request: {
				contentType: contentType === '' ? undefined : contentType,
				body,
				query: useHeader ? {} : { token: SECRET },
				headers: useHeader ? { 'X-Webhook-Token': SECRET } : {},
			},
		};
	}

	private randomBytes(): FuzzCase {
		const bytes = Buffer.alloc(this.int(600));
		for (let i = 0; i < bytes.length; i++) bytes[i] = this.int(256);
		return this.call('randomBytes', bytes, this.pick(CONTENT_TYPES));
	}

	private truncatedSeed(): FuzzCase {
		const { body, contentType } = this.seed();
		return this.call(
			'truncated',
			body.slice(0, this.int(body.length)),
			this.random() < 0.8 ? contentType : this.pick(CONTENT_TYPES),
		);
	}

	private nastyValue(): Json {
		return this.pick(NASTY_VALUES);
	}

	private mutatedJsonSeed(): FuzzCase {
		const seed = SEEDS_BY_GATEWAY[this.gateway].find((s) => s.contentType === JSON_TYPE) ?? {
			body: GUPSHUP_INBOUND,
		};
		const value = JSON.parse(seed.body) as Record<string, Json>;
		const mutations = 1 + this.int(3);
		for (let i = 0; i < mutations; i++) this.mutate(value, 0);
		return this.call(
			'mutatedJson',
			JSON.stringify(value),
			this.random() < 0.9 ? JSON_TYPE : this.pick(CONTENT_TYPES),
		);
	}

	/** Removes, replaces or adds one field somewhere in the object. */
	private mutate(target: Record<string, Json>, depth: number): void {
		const keys = Object.keys(target);
		const key = keys.length > 0 ? this.pick(keys) : 'x';
		const child = target[key];
		if (
			depth < 3 &&
			child !== null &&
			typeof child === 'object' &&
			!Array.isArray(child) &&
			this.random() < 0.4
		) {
			this.mutate(child as Record<string, Json>, depth + 1);
			return;
		}
		const action = this.int(3);
		if (action === 0) delete target[key];
		else if (action === 1) target[key] = this.nastyValue();
		else
			target[
				`${this.pick(['id', 'status', 'text', 'type', 'from', 'payload', 'messageId'])}${this.int(3) || ''}`
			] = this.nastyValue();
	}

	private mutatedFormSeed(): FuzzCase {
		const seed = SEEDS_BY_GATEWAY[this.gateway].find((s) => s.contentType === FORM) ?? {
			body: AT.twoWay,
		};
		const params = [...new URLSearchParams(seed.body)];
		const mutations = 1 + this.int(3);
		for (let i = 0; i < mutations; i++) {
			const action = this.int(4);
			const index = this.int(Math.max(params.length, 1));
			if (action === 0) params.splice(index, 1);
			else if (action === 1 && params[index])
				params[index] = [params[index][0], String(this.pick(NASTY_STRINGS))];
			else if (action === 2 && params[index]) params.push([params[index][0], 'again']);
			else
				params.push([
					this.pick([
						'status',
						'updateType',
						'senderId',
						'text',
						'linkId',
						'originator',
						'message',
					]),
					String(this.pick(NASTY_STRINGS)),
				]);
		}
		const body = params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
		return this.call('mutatedForm', body, this.random() < 0.9 ? FORM : this.pick(CONTENT_TYPES));
	}

	private wrongShapeJson(): FuzzCase {
		const seed = JSON.parse(
			this.pick(SEEDS_BY_GATEWAY.gupshup.concat(SEEDS_BY_GATEWAY.smsBox)).body,
		) as Json;
		const shapes: Json[] = [[seed], [seed, seed], 'text', 42, null, true, [], [[[]]]];
		return this.call('wrongShape', JSON.stringify(this.pick(shapes)), JSON_TYPE, true);
	}

	private pollutedJson(): FuzzCase {
		const seed =
			SEEDS_BY_GATEWAY[this.gateway].find((s) => s.contentType === JSON_TYPE)?.body ??
			SMSBOX_CALLBACK;
		const key = JSON.stringify(this.pick(POLLUTION_KEYS));
		const polluted = `{"polluted":true,"isAdmin":true}`;
		// Written as text: an object literal would not keep a __proto__ key.
		const body =
			this.random() < 0.5
				? seed.replace('{', `{${key}:${polluted},`)
				: seed.replace(/\}\s*$/, `,"nested":{"deeper":{${key}:${polluted}}}}`);
		return this.call('pollutedJson', body, JSON_TYPE, true);
	}

	private pollutedForm(): FuzzCase {
		const seed =
			SEEDS_BY_GATEWAY[this.gateway].find((s) => s.contentType === FORM)?.body ?? AT.twoWay;
		const key = this.pick([
			'__proto__',
			'__proto__[isAdmin]',
			'constructor[prototype][isAdmin]',
			'a.__proto__.b',
			'prototype',
		]);
		return this.call('pollutedForm', `${seed}&${encode(key)}=1`, FORM, true);
	}

	private deepJson(): FuzzCase {
		const depth = 9 + this.int(500);
		return this.call('deepJson', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, JSON_TYPE, true);
	}

	private oversized(): FuzzCase {
		const { body, contentType } = this.seed();
		const pad = 'x'.repeat(64 * 1024 + this.int(4096));
		const big = contentType === FORM ? `${body}&pad=${pad}` : body.replace('{', `{"pad":"${pad}",`);
		return this.call('oversized', big, contentType, true);
	}

	private wrongToken(): FuzzCase {
		const { body, contentType } = this.seed();
		const tokens: Array<Record<string, string | string[]>> = [
			{},
			{ token: '' },
			{ token: SECRET.slice(0, -1) },
			{ token: `${SECRET} ` },
			{ token: SECRET.toUpperCase() },
			{ token: [SECRET, SECRET] },
			{ Token: SECRET },
		];
		return {
			category: 'wrongToken',
			mustRefuse: true,
			request: { contentType, body, query: this.pick(tokens) },
		};
	}

	private hostileQuery(): FuzzCase {
		const { body, contentType } = this.seed();
		const query: Record<string, string | string[]> = { token: SECRET };
		const hostile = this.int(4);
		if (hostile === 0) query['constructor[prototype]'] = '1';
		else if (hostile === 1) query.originator = ['a', 'b'];
		else if (hostile === 2) query.message = ['STOP', 'STOP'];
		// An own `__proto__` key, as Node's querystring produces for `?__proto__=x`.
		else
			Object.defineProperty(query, '__proto__', {
				value: 'x',
				enumerable: true,
				configurable: true,
				writable: true,
			});
		return { category: 'hostileQuery', mustRefuse: true, request: { contentType, body, query } };
	}

	private randomForm(): FuzzCase {
		const pairs: string[] = [];
		const count = this.int(12);
		for (let i = 0; i < count; i++) {
			const key = this.pick([
				'id',
				'status',
				'text',
				'to',
				'from',
				'phoneNumber',
				'senderId',
				'updateType',
				'keyword',
				'shortCode',
				'originator',
				'message',
				'k',
				'%ZZ',
				'',
			]);
			pairs.push(`${key}=${encode(String(this.pick(NASTY_STRINGS)))}`);
		}
		return this.call(
			'randomForm',
			pairs.join('&'),
			this.random() < 0.8 ? FORM : this.pick(CONTENT_TYPES),
		);
	}
}

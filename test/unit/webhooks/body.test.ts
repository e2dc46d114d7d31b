import { bodyKindOf, readBody } from '../../../nodes/shared/webhooks/body';
import {
	MAX_BODY_BYTES,
	MAX_FIELDS,
	MAX_JSON_DEPTH,
} from '../../../nodes/shared/webhook-parsing/limits';
import type { BodyKind } from '../../../nodes/shared/core/webhook-types';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const ALL: BodyKind[] = ['json', 'form', 'empty'];

function read(raw: string | Buffer, contentType: string | undefined, accepted: BodyKind[] = ALL) {
	return readBody(
		{ raw: typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw, parsed: {}, contentType },
		accepted,
		'the right type',
	);
}

function rejection(result: ReturnType<typeof readBody>) {
	if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.body)}`);
	return result.rejection;
}

describe('bodyKindOf', () => {
	it.each([
		['application/json', 'json'],
		['Application/JSON; charset=utf-8', 'json'],
		['application/vnd.api+json', 'json'],
		['application/x-www-form-urlencoded; charset=UTF-8', 'form'],
		['text/plain', undefined],
		['multipart/form-data; boundary=x', undefined],
		[undefined, undefined],
	])('%s → %s', (contentType, kind) => {
		expect(bodyKindOf(contentType)).toBe(kind);
	});
});

describe('readBody', () => {
	it('reads a JSON object', () => {
		expect(read('{"a":1,"b":{"c":"d"}}', JSON_TYPE)).toEqual({
			ok: true,
			body: { kind: 'json', value: { a: 1, b: { c: 'd' } } },
		});
	});

	it('reads a form, decoding + and percent escapes', () => {
		expect(read('date=2026-03-04+10:30:00&from=%2B254711000111&text=', FORM_TYPE)).toEqual({
			ok: true,
			body: {
				kind: 'form',
				fields: { date: '2026-03-04 10:30:00', from: '+254711000111', text: '' },
			},
		});
	});

	it('reads an empty or blank body as empty when the gateway may send one', () => {
		expect(read('', undefined)).toEqual({ ok: true, body: { kind: 'empty' } });
		expect(read('  \r\n', JSON_TYPE)).toEqual({ ok: true, body: { kind: 'empty' } });
		expect(rejection(read('', JSON_TYPE, ['json']))).toEqual({
			status: 400,
			message: 'The body is empty',
		});
	});

	it('refuses other content types with 415 and names the expected one', () => {
		expect(rejection(read('hello', 'text/plain'))).toEqual({
			status: 415,
			message: 'Unsupported content type: this gateway posts the right type',
		});
		expect(rejection(read('{"a":1}', undefined)).status).toBe(415);
		expect(rejection(read('a=1', FORM_TYPE, ['json'])).status).toBe(415);
		expect(rejection(read('{"a":1}', JSON_TYPE, ['form'])).status).toBe(415);
	});

	it('refuses bodies over the limit with 413, measured in bytes', () => {
		const justFits = `{"t":"${'x'.repeat(MAX_BODY_BYTES - 8)}"}`;
		expect(Buffer.byteLength(justFits)).toBe(MAX_BODY_BYTES);
		expect(read(justFits, JSON_TYPE).ok).toBe(true);
		expect(rejection(read(`{"t":"${'x'.repeat(MAX_BODY_BYTES)}"}`, JSON_TYPE)).status).toBe(413);
		// 3 bytes per character: under the limit in characters, over it in bytes.
		expect(rejection(read(`{"t":"${'€'.repeat(MAX_BODY_BYTES / 2)}"}`, JSON_TYPE)).status).toBe(
			413,
		);
	});

	it('refuses invalid UTF-8 and broken JSON with 400', () => {
		expect(rejection(read(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), JSON_TYPE))).toEqual({
			status: 400,
			message: 'The body is not valid UTF-8 text',
		});
		expect(rejection(read('{"a":', JSON_TYPE))).toEqual({
			status: 400,
			message: 'The body is not valid JSON',
		});
	});

	it.each(['[]', '[{"a":1}]', '"text"', '42', 'null', 'true'])(
		'refuses the non-object JSON %s',
		(json) => {
			expect(rejection(read(json, JSON_TYPE))).toEqual({
				status: 400,
				message: 'The body must be a JSON object',
			});
		},
	);

	it.each([
		'{"__proto__":{"polluted":true}}',
		'{"a":{"b":[{"constructor":{"prototype":{}}}]}}',
		'{"prototype":1}',
	])('refuses prototype-polluting keys anywhere: %s', (json) => {
		expect(rejection(read(json, JSON_TYPE)).message).toMatch(/forbidden key/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses prototype-polluting and repeated form fields', () => {
		expect(rejection(read('__proto__[x]=1', FORM_TYPE)).status).toBe(400);
		expect(rejection(read('a[constructor][prototype]=1', FORM_TYPE)).status).toBe(400);
		expect(read('constructorName=1', FORM_TYPE).ok).toBe(true);
		expect(rejection(read('__proto__=1', FORM_TYPE)).message).toBe(
			'The form contains the forbidden field "__proto__"',
		);
		expect(rejection(read('id=1&id=2', FORM_TYPE)).message).toBe(
			'The form field "id" appears more than once',
		);
	});

	it('refuses deep nesting and too many fields', () => {
		const deep = `${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`;
		expect(rejection(read(deep, JSON_TYPE)).message).toMatch(/nested deeper/);
		const atLimit = `${'{"a":'.repeat(MAX_JSON_DEPTH - 1)}{}${'}'.repeat(MAX_JSON_DEPTH - 1)}`;
		expect(read(atLimit, JSON_TYPE).ok).toBe(true);
		const wide = JSON.stringify(
			Object.fromEntries(Array.from({ length: MAX_FIELDS + 1 }, (_, i) => [`k${i}`, i])),
		);
		expect(rejection(read(wide, JSON_TYPE)).message).toMatch(/more than/);
		const manyFields = Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `k${i}=1`).join('&');
		expect(rejection(read(manyFields, FORM_TYPE)).message).toMatch(/more than/);
		const bigArray = JSON.stringify({ a: Array.from({ length: MAX_FIELDS + 1 }, () => 0) });
		expect(rejection(read(bigArray, JSON_TYPE)).message).toMatch(/more than/);
	});

	it('drops a UTF-8 byte order mark', () => {
		expect(read('\uFEFF{"a":1}', JSON_TYPE)).toEqual({
			ok: true,
			body: { kind: 'json', value: { a: 1 } },
		});
	});

	describe('without raw bytes (what n8n parsed)', () => {
		const fromParsed = (parsed: unknown, contentType: string, accepted: BodyKind[] = ALL) =>
			readBody({ raw: undefined, parsed, contentType }, accepted, 'the right type');

		it('applies the same checks to a parsed JSON body', () => {
			expect(fromParsed({ a: 'b' }, JSON_TYPE)).toEqual({
				ok: true,
				body: { kind: 'json', value: { a: 'b' } },
			});
			expect(rejection(fromParsed([1], JSON_TYPE)).status).toBe(400);
			expect(rejection(fromParsed(JSON.parse('{"__proto__":{"x":1}}'), JSON_TYPE)).status).toBe(
				400,
			);
			expect(rejection(fromParsed({ a: 'x'.repeat(MAX_BODY_BYTES) }, JSON_TYPE)).status).toBe(413);
		});

		it('reads querystring output and refuses repeated fields', () => {
			expect(fromParsed({ a: '1', b: '' }, FORM_TYPE)).toEqual({
				ok: true,
				body: { kind: 'form', fields: { a: '1', b: '' } },
			});
			expect(rejection(fromParsed({ a: ['1', '2'] }, FORM_TYPE)).status).toBe(400);
			expect(fromParsed({}, FORM_TYPE)).toEqual({ ok: true, body: { kind: 'empty' } });
			expect(fromParsed('{"a":1}', JSON_TYPE)).toEqual({
				ok: true,
				body: { kind: 'json', value: { a: 1 } },
			});
		});
	});
});

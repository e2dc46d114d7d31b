/**
 * The Custom HTTP Gateway's acknowledgement placeholders: `{{path}}` filled from the accepted
 * callback and encoded for the content type (JSON string or JSON value, XML, form, text), missing
 * paths, hostile values that must not change the answer's structure, bodies without placeholders
 * sent as written, and broken templates named as the credential field at fault.
 */
import {
	ackEncoding,
	compileAckTemplate,
	renderAck,
} from '../../../nodes/shared/adapters/http-gateway/ack-template';
import {
	parseWithProfile,
	readCallbackMapping,
} from '../../../nodes/shared/adapters/http-gateway/webhooks';
import type { WebhookRequest } from '../../../nodes/shared/core/webhook-types';
import { seededRandom } from '../../fixtures/seeded-random';

const HOSTILE = "a\"b\\c\n</x><y a='1'>&amp;=&{{to}}\u0000\u2028\uD800é";
const render = (body: string, contentType: string, fields: Record<string, unknown>) =>
	renderAck(compileAckTemplate(body, contentType), fields);

describe('acknowledgement placeholders', () => {
	it('picks the encoding from the content type', () => {
		expect(
			[
				'application/json; charset=utf-8',
				'application/vnd.api+json',
				'text/xml',
				'application/soap+xml',
				'text/html',
				'application/x-www-form-urlencoded',
				'text/plain',
				'',
			].map(ackEncoding),
		).toEqual(['json', 'json', 'xml', 'xml', 'xml', 'form', 'text', 'text']);
	});

	it('JSON: a placeholder alone is the value as posted; one in quotes is JSON-escaped text', () => {
		const body =
			'{"transaction_id":{{transaction_id}},"note":"id {{ transaction_id }} from {{from}}","n":{{count}},"ok":{{flag}}}';
		expect(
			render(body, 'application/json', {
				transaction_id: 'T1',
				from: '255700000001',
				count: 3,
				flag: true,
			}),
		).toBe('{"transaction_id":"T1","note":"id T1 from 255700000001","n":3,"ok":true}');
		expect(
			render('{"transaction_id":{{transaction_id}}}', 'application/json', { transaction_id: 120 }),
		).toBe('{"transaction_id":120}');
	});

	it('JSON: a missing path, null, an object or an array is null alone and empty in quotes', () => {
		const body = '{"a":{{missing}},"b":"<{{missing}}>","c":{{obj}},"d":"{{list}}","e":{{nothing}}}';
		expect(
			JSON.parse(render(body, 'application/json', { obj: { x: 1 }, list: [1], nothing: null })),
		).toEqual({ a: null, b: '<>', c: null, d: '', e: null });
	});

	it('JSON: a hostile value stays one string, alone or in quotes', () => {
		const out = render('{"id":{{v}},"text":"[{{v}}]","successful":true}', 'application/json', {
			v: HOSTILE,
		});
		const parsed = JSON.parse(out) as Record<string, unknown>;
		expect(Object.keys(parsed)).toEqual(['id', 'text', 'successful']);
		expect(parsed.successful).toBe(true);
		expect(parsed.id).toBe(HOSTILE);
		expect(parsed.text).toBe(`[${HOSTILE}]`);
	});

	it('XML and HTML: markup characters become entities, characters XML cannot hold are dropped', () => {
		const out = render('<Response><Message>{{v}}</Message></Response>', 'text/xml', { v: HOSTILE });
		expect(out).toBe(
			'<Response><Message>a&quot;b\\c\n&lt;/x&gt;&lt;y a=&apos;1&apos;&gt;&amp;amp;=&amp;{{to}}\u2028\uFFFDé</Message></Response>',
		);
		expect(render('<p>{{missing}}</p>', 'text/html; charset=utf-8', {})).toBe('<p></p>');
	});

	it('form: values are URL-encoded, so no parameter can be added', () => {
		const out = render('ok=1&id={{v}}', 'application/x-www-form-urlencoded', { v: HOSTILE });
		expect([...new URLSearchParams(out).keys()]).toEqual(['ok', 'id']);
		expect(new URLSearchParams(out).get('id')).toBe(HOSTILE.replace('\uD800', '\uFFFD'));
	});

	it('plain text: values as posted, a missing one empty', () => {
		expect(render('OK {{id}}/{{missing}}', 'text/plain; charset=utf-8', { id: 'a&b "c"' })).toBe(
			'OK a&b "c"/',
		);
	});

	it('fuzz: 400 seeded hostile values never change the structure, and each comes back as posted', () => {
		const random = seededRandom(1414);
		const alphabet = [
			'"',
			"'",
			'\\',
			'{',
			'}',
			'{{',
			'}}',
			'<',
			'>',
			'&',
			'=',
			';',
			'\n',
			'\r',
			'\t',
			'\u0000',
			'\u001f',
			'\u2028',
			'\uD800',
			'\uDC00',
			'😀',
			'é',
			'a',
			'1',
			' ',
			'%',
			'+',
			']]>',
			'&amp;',
		];
		const unescapeXml = (text: string) =>
			text.replace(
				/&(lt|gt|quot|apos|amp);/g,
				(_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
			);
		const json = compileAckTemplate(
			'{"id":{{v}},"text":"[{{v}}]","successful":true}',
			'application/json',
		);
		const xml = compileAckTemplate('<R><M>{{v}}</M></R>', 'application/xml');
		const form = compileAckTemplate('ok=1&id={{v}}', 'application/x-www-form-urlencoded');
		for (let i = 0; i < 400; i++) {
			const length = Math.floor(random() * 12);
			let v = '';
			for (let k = 0; k < length; k++) v += alphabet[Math.floor(random() * alphabet.length)];
			const parsed = JSON.parse(renderAck(json, { v })) as Record<string, unknown>;
			expect(parsed).toEqual({ id: v, text: `[${v}]`, successful: true });
			const inner = /^<R><M>([^<]*)<\/M><\/R>$/.exec(renderAck(xml, { v }));
			expect(inner).not.toBeNull();
			expect(inner![1]).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
			const wellFormedV = v.replace(
				/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
				'\uFFFD',
			);
			expect(unescapeXml(inner![1])).toBe(
				wellFormedV.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''),
			);
			const params = new URLSearchParams(renderAck(form, { v }));
			expect([...params.keys()]).toEqual(['ok', 'id']);
			expect(params.get('id')).toBe(wellFormedV);
		}
	});

	it('a body without placeholders is sent exactly as written, even if it is not JSON', () => {
		for (const body of ['{"successful":true}', 'OK', '{not json', '{ "a" : 1 }\n']) {
			const template = compileAckTemplate(body, 'application/json');
			expect(template.hasPlaceholders).toBe(false);
			expect(renderAck(template, { a: 'x' })).toBe(body);
		}
	});

	it.each([
		['{"id":{{}}}', 'application/json'],
		['{"id":{{a..b}}}', 'application/json'],
		['{"id":{{data[}}}', 'text/plain'],
		['{"id":{{id}}', 'application/json'],
		['{"id":x{{id}}}', 'application/json'],
	])('names the Acknowledgement Body for a broken template: %s (%s)', (body, contentType) => {
		expect(() => compileAckTemplate(body, contentType)).toThrow('"Acknowledgement Body"');
	});

	it('in a callback: the SMSBox echo, and a broken body answers 500 naming the field', () => {
		const request: WebhookRequest = {
			headers: {},
			query: {},
			body: {
				kind: 'json',
				value: {
					from: '255700000001',
					to: '255701000001',
					transaction_id: '120a1039103910',
					message: { text: 'Hi' },
				},
			},
		};
		const profile = {
			callbackNumberPath: 'from',
			callbackTextPath: 'message.text',
			callbackMessageIdPath: 'transaction_id',
			callbackStatusPath: '',
			callbackAckBody: '{"transaction_id":{{transaction_id}},"successful":true}',
			callbackAckContentType: 'application/json; charset=utf-8',
		};
		expect(parseWithProfile(profile, request, { receivedAtMs: 0 })).toMatchObject({
			ok: true,
			ack: {
				status: 200,
				contentType: 'application/json; charset=utf-8',
				body: '{"transaction_id":"120a1039103910","successful":true}',
			},
		});
		// The mapping keeps the configured body; only the answer to a callback is filled.
		expect(readCallbackMapping(profile).ack.body).toBe(profile.callbackAckBody);
		const broken = parseWithProfile(
			{ ...profile, callbackAckBody: '{"transaction_id":{{transaction_id}},"successful":true' },
			request,
			{ receivedAtMs: 0 },
		);
		expect(broken).toMatchObject({
			ok: false,
			rejection: { status: 500, message: expect.stringContaining('Acknowledgement Body') },
		});
	});
});

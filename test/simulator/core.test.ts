import { ConfigError, defaultConfig, mergeConfig } from '../../simulator/core/config';
import { FaultInjector } from '../../simulator/core/faults';
import { format4, toMinor } from '../../simulator/core/money';
import { Prng } from '../../simulator/core/prng';
import { RateLimiter } from '../../simulator/core/rate-limit';
import { countSegments, isGsm7 } from '../../simulator/core/segments';
import { parseXml, toXml, XmlError } from '../../simulator/core/xml';
import {
	checkTokenChecksum,
	crc32ToBase62,
	generatePersonalAccessToken,
} from '../../simulator/gateways/dhis2/token';
import { readScheduleTime } from '../../simulator/gateways/smsbox/schedule';
import { looksLikeBase64 } from '../../simulator/gateways/dhis2/inbound';

describe('segment counter (GSM 03.38 / UCS-2)', () => {
	it('counts GSM-7 single and concatenated parts (160 / 153)', () => {
		expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
		expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
		expect(countSegments('a'.repeat(306)).segments).toBe(2);
		expect(countSegments('a'.repeat(307)).segments).toBe(3);
		expect(countSegments('')).toEqual({ encoding: 'GSM-7', segments: 1, units: 0 });
	});

	it('counts extension characters as two septets and never splits them across parts', () => {
		expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
		expect(countSegments('€'.repeat(81)).segments).toBe(2);
		// 152 plain + one '{' (2 septets) = 154 septets: the pair moves whole to part 2.
		expect(countSegments('a'.repeat(152) + '{' + 'a'.repeat(10))).toEqual({
			encoding: 'GSM-7',
			segments: 2,
			units: 164,
		});
		expect(countSegments('a'.repeat(152) + '{' + 'a'.repeat(152)).segments).toBe(3);
	});

	it('switches the whole text to UCS-2 for one non-GSM character (70 / 67, surrogates kept whole)', () => {
		expect(isGsm7('Hello @£$¥èé ÄÖÑÜ§¿ äöñüà')).toBe(true);
		expect(isGsm7('ç')).toBe(false);
		expect(isGsm7('`')).toBe(false);
		expect(countSegments('ç'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
		expect(countSegments('ç'.repeat(71)).segments).toBe(2);
		expect(countSegments('ç'.repeat(134)).segments).toBe(2);
		expect(countSegments('ç'.repeat(135)).segments).toBe(3);
		// 66 units + an emoji (2 units) would be 68 > 67: the emoji starts part 2.
		expect(countSegments('ç'.repeat(66) + '😀' + 'ç'.repeat(10))).toEqual({
			encoding: 'UCS-2',
			segments: 2,
			units: 78,
		});
	});
});

describe('seeded randomness', () => {
	it('repeats the same stream for the same seed', () => {
		const a = new Prng(99);
		const b = new Prng(99);
		expect([a.hex(16), a.uuid(), a.int(1000)]).toEqual([b.hex(16), b.uuid(), b.int(1000)]);
		expect(new Prng(1).hex(16)).not.toBe(new Prng(2).hex(16));
	});

	it('consumes the fault queue before the random rate, and reseeds reproducibly', () => {
		const config = defaultConfig();
		config.faults.next = ['none', 'resetAfter'];
		config.faults.gateways = { gupshup: { next: ['serverError'] } };
		const faults = new FaultInjector(5);
		expect(faults.decide(config, 'gupshup')).toBe('serverError');
		expect(faults.decide(config, 'smsBox')).toBeNull();
		expect(faults.decide(config, 'gupshup')).toBe('resetAfter');
		expect(faults.decide(config, 'gupshup')).toBeNull();
		config.faults.rate = 0.3;
		const draw = () => Array.from({ length: 50 }, () => faults.decide(config, 'dhis2'));
		faults.reseed(11);
		const first = draw();
		faults.reseed(11);
		expect(draw()).toEqual(first);
		expect(first.filter((f) => f !== null).length).toBeGreaterThan(0);
	});
});

describe('rate limiter', () => {
	it('allows `limit` requests per one-second window and tells how long to wait', () => {
		const limiter = new RateLimiter();
		const t = 1_000_000;
		expect(limiter.check('smsBox', 2, t).allowed).toBe(true);
		expect(limiter.check('smsBox', 2, t + 100).allowed).toBe(true);
		expect(limiter.check('smsBox', 2, t + 200)).toEqual({ allowed: false, retryAfterSeconds: 1 });
		expect(limiter.check('gupshup', 2, t + 200).allowed).toBe(true);
		expect(limiter.check('smsBox', 2, t + 1000).allowed).toBe(true);
		expect(limiter.check('smsBox', null, t + 1000).allowed).toBe(true);
	});
});

describe('config merge', () => {
	it('merges partially and validates', () => {
		const merged = mergeConfig(defaultConfig(), {
			latency: { fixedMs: 20 },
			callbacks: { gupshup: { events: 'http://127.0.0.1:9/x' } },
		});
		expect(merged.latency).toEqual({ fixedMs: 20, jitterMs: 0 });
		expect(merged.callbacks.gupshup.events).toBe('http://127.0.0.1:9/x');
		expect(merged.outcomes.rules).toHaveLength(1);
		expect(() => mergeConfig(defaultConfig(), { nope: 1 })).toThrow(ConfigError);
		expect(() => mergeConfig(defaultConfig(), { faults: { next: ['explode'] } })).toThrow(
			/faults.next/,
		);
		expect(() => mergeConfig(defaultConfig(), { faults: { rate: 2 } })).toThrow(/faults.rate/);
		expect(() =>
			mergeConfig(defaultConfig(), { callbacks: { smsBox: { inbound: 'ftp://x' } } }),
		).toThrow(/URL/);
		expect(() =>
			mergeConfig(defaultConfig(), { outcomes: { rules: [{ outcome: 'failed' }] } }),
		).toThrow(/exact, suffix or prefix/);
	});
});

describe('small parsers', () => {
	it('parses XML with declarations, entities, CDATA and self-closing tags, and refuses broken XML', () => {
		const root = parseXml(
			'<?xml version="1.0"?><!-- c --><sms a="1"><m>x &amp; &#65;</m><e/><c><![CDATA[<raw>]]></c></sms>',
		);
		expect(root.name).toBe('sms');
		expect(root.attributes).toEqual({ a: '1' });
		expect(root.children.map((c) => [c.name, c.text])).toEqual([
			['m', 'x & A'],
			['e', ''],
			['c', '<raw>'],
		]);
		for (const broken of ['<a><b></a>', '<a>', 'text', '<a></a><b></b>', '<a>&bogus;</a>']) {
			expect(() => parseXml(broken)).toThrow(XmlError);
		}
		expect(toXml('R', { list: [{ v: '<1>' }] }, { list: 'Item' })).toBe(
			'<R><list><Item><v>&lt;1&gt;</v></Item></list></R>',
		);
	});

	it('reads SMSBox schedule times (GMT, strictly in the future)', () => {
		const now = Date.UTC(2030, 0, 1, 10, 0, 30);
		expect(readScheduleTime('', now)).toEqual({ kind: 'now' });
		expect(readScheduleTime('2030-01-01 10:01', now)).toEqual({
			kind: 'at',
			ms: Date.UTC(2030, 0, 1, 10, 1),
		});
		expect(readScheduleTime('2030-01-01 10:00', now)).toEqual({ kind: 'error', code: 112 });
		expect(readScheduleTime('2030-02-30 10:00', now)).toEqual({ kind: 'error', code: 117 });
		expect(readScheduleTime('2030-01-01T10:05', now)).toEqual({ kind: 'error', code: 117 });
	});

	it('makes DHIS2 V2 tokens whose base62 CRC32 checks', () => {
		expect(crc32ToBase62(4294967295)).toBe('4gfFC3');
		expect(crc32ToBase62(0)).toBe('000000');
		const token = generatePersonalAccessToken(new Prng(3));
		expect(token).toMatch(/^d2p_[A-Za-z0-9]{50}$/);
		expect(checkTokenChecksum(token)).toBe('valid');
		expect(checkTokenChecksum(`${token.slice(0, 10)}x${token.slice(11)}`)).toBe('checksum');
		expect(checkTokenChecksum('d2p_short')).toBe('checksum');
	});

	it('recognises Base64-looking texts the way DHIS2 does', () => {
		expect(looksLikeBase64('text')).toBe(true);
		expect(looksLikeBase64('dGVzdA==')).toBe(true);
		expect(looksLikeBase64('hello world')).toBe(false);
		expect(looksLikeBase64('hello')).toBe(false);
	});

	it('formats money with four decimals', () => {
		expect(format4(toMinor(1785.5))).toBe('1785.5000');
		expect(format4(toMinor(-14.5731))).toBe('-14.5731');
		expect(format4(toMinor(0.8) * 3)).toBe('2.4000');
	});
});

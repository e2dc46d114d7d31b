/**
 * The Custom HTTP Gateway adapter against a recording HTTP client: the requests a profile builds in
 * each body kind, how each kind of reply is read, sub-batches, balance, and the credential's
 * authenticate (where secrets go).
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { HttpSmsGatewayApi } from '../../../credentials/HttpSmsGatewayApi.credentials';
import { httpGateway } from '../../../nodes/shared/adapters/http-gateway';
import { readPath } from '../../../nodes/shared/adapters/http-gateway/json-path';
import { readProfile } from '../../../nodes/shared/adapters/http-gateway/profile';
import { GatewayError } from '../../../nodes/shared/core/errors';
import type { Credentials } from '../../../nodes/shared/core/types';
import { FakeHttp, outgoing, reply } from '../../fixtures/fake-http';

const send = httpGateway.send!;
const balance = httpGateway.balance!;
const BASE = { baseUrl: 'http://127.0.0.1:8787/gw/', sendPath: '/send' };
const A = '+254711000001';
const B = '+254711000002';

async function sendWith(
	credentials: Credentials,
	numbers: string[],
	...replies: ReturnType<typeof reply>[]
) {
	const http = new FakeHttp(...replies);
	const messages = numbers.map((n) => outgoing(n, { text: 'Hi "you" & {{to}}', sender: 'CLINIC' }));
	const outcome = await send.sendBatch(http, credentials, { messages }, {});
	return { http, messages, outcome };
}

describe('requests', () => {
	it('form: named parameters, fixed extras, joined recipients, no secrets', async () => {
		const { http } = await sendWith(
			{
				...BASE,
				recipientsPerRequest: 'joined',
				recipientSeparator: ';',
				extraParameters: '{"type": "text"}',
				secretParameters: '{"pw": "S"}',
			},
			[A, B],
			reply(200, 'ok'),
		);
		expect(http.only()).toEqual({
			method: 'POST',
			url: 'http://127.0.0.1:8787/gw/send',
			body: { type: 'text', to: `${A};${B}`, message: 'Hi "you" & {{to}}', from: 'CLINIC' },
			form: true,
		});
	});

	it('query for a GET, digits-only numbers, no sender parameter when the field is empty', async () => {
		const { http } = await sendWith(
			{
				...BASE,
				sendMethod: 'GET',
				bodyFormat: 'json',
				senderParameter: '',
				numberFormat: 'digitsE164',
				messageParameter: 'text',
			},
			[A],
			reply(200, 'ok'),
		);
		expect(http.only()).toEqual({
			method: 'GET',
			url: 'http://127.0.0.1:8787/gw/send',
			qs: { to: '254711000001', text: 'Hi "you" & {{to}}' },
		});
	});

	it('JSON template: placeholders filled as data in one pass, recipients as an array of items', async () => {
		const { http } = await sendWith(
			{
				...BASE,
				bodyFormat: 'json',
				recipientsPerRequest: 'array',
				jsonTemplate:
					'{"msg": {"text": "{{message}}", "note": "from {{from}}"}, "to": "{{to}}", "n": 1}',
				recipientTemplate: '{"number": "{{to}}", "kind": "mobile"}',
				extraParameters: '{"n": 2, "extra": true}',
			},
			[A, B],
			reply(200, {}),
		);
		expect(http.only().body).toEqual({
			n: 1,
			extra: true,
			msg: { text: 'Hi "you" & {{to}}', note: 'from CLINIC' },
			to: [
				{ number: A, kind: 'mobile' },
				{ number: B, kind: 'mobile' },
			],
		});
	});

	it('splits a batch into requests of the profile maximum', async () => {
		const { http, outcome } = await sendWith(
			{ ...BASE, recipientsPerRequest: 'joined', maxRecipients: 1 },
			[A, B],
			reply(200, ''),
			reply(200, ''),
		);
		expect(http.requests.map((r) => (r.body as { to: string }).to)).toEqual([A, B]);
		expect(outcome.kind === 'answered' && outcome.outcomes.map((o) => o.status)).toEqual([
			'accepted',
			'accepted',
		]);
	});
});

describe('replies', () => {
	const json = {
		...BASE,
		successPath: 'status',
		successValue: 'ok',
		messageIdPath: 'data.id',
		errorMessagePath: 'error.message',
	};

	it('success value: accepted with the message ID', async () => {
		const { outcome } = await sendWith(
			json,
			[A],
			reply(200, { status: 'ok', data: { id: 'm-1' } }),
		);
		expect(outcome).toMatchObject({
			kind: 'answered',
			outcomes: [{ status: 'accepted', messageId: 'm-1' }],
		});
	});

	it('another success value: refused with the gateway words', async () => {
		const { outcome } = await sendWith(
			json,
			[A],
			reply(200, { status: 'error', error: { message: 'No credit' } }),
		);
		expect(outcome).toMatchObject({ kind: 'refused', stopsRun: false });
		expect(outcome.kind === 'refused' && outcome.error.message).toContain('No credit');
	});

	it('success status without the success field, or a 5xx: ambiguous', async () => {
		expect((await sendWith(json, [A], reply(200, 'OK'))).outcome.kind).toBe('ambiguous');
		expect((await sendWith(json, [A], reply(502, 'Bad gateway'))).outcome.kind).toBe('ambiguous');
	});

	it('429 with Retry-After: retry; 401: refused and stops the run; 400: refused', async () => {
		const retry = (await sendWith(json, [A], reply(429, '', { 'Retry-After': '3' }))).outcome;
		expect(retry).toMatchObject({ kind: 'retry', retryAfterMs: 3000 });
		expect((await sendWith(json, [A], reply(401, {}))).outcome).toMatchObject({
			kind: 'refused',
			stopsRun: true,
		});
		expect((await sendWith(json, [A], reply(400, {}))).outcome).toMatchObject({
			kind: 'refused',
			stopsRun: false,
		});
	});

	it('text prefixes: Kannel-style plain text', async () => {
		const kannel = { ...BASE, successTextPrefixes: '0:,3:' };
		expect(
			(await sendWith(kannel, [A], reply(202, '3: Queued for later delivery'))).outcome.kind,
		).toBe('answered');
		expect((await sendWith(kannel, [A], reply(202, 'Something else'))).outcome.kind).toBe(
			'ambiguous',
		);
	});

	it('per-recipient results: matched by number, unknown when unmentioned, refused when empty', async () => {
		const rows = {
			...BASE,
			recipientsPerRequest: 'joined',
			resultsPath: 'r',
			resultNumberPath: 'n',
			resultStatusPath: 's',
			resultAcceptedValues: 'OK,QUEUED',
			resultMessageIdPath: 'id',
			resultErrorPath: 'why',
		};
		const { outcome } = await sendWith(
			rows,
			[A, B, '+254711000003'],
			reply(200, {
				r: [
					{ n: '254711000002', s: 'BAD', why: 'Blocked' },
					{ n: A, s: 'QUEUED', id: 'x1' },
				],
			}),
		);
		if (outcome.kind !== 'answered') throw new Error(outcome.kind);
		expect(
			outcome.outcomes.map((o) => [
				o.message.e164,
				o.status,
				o.messageId,
				o.error?.message ?? null,
			]),
		).toEqual([
			[B, 'rejected', null, 'Blocked'],
			[A, 'accepted', 'x1', null],
		]);
		expect((await sendWith(rows, [A], reply(200, { r: [] }))).outcome.kind).toBe('refused');
		expect((await sendWith(rows, [A], reply(200, { r: 'no' }))).outcome.kind).toBe('ambiguous');
	});

	it('a bad profile is refused before any request, naming the field', async () => {
		const { http, outcome } = await sendWith({ ...BASE, successStatuses: 'two hundred' }, [A]);
		expect(http.requests).toHaveLength(0);
		expect(outcome).toMatchObject({
			kind: 'refused',
			stopsRun: true,
			error: { code: 'INVALID_PROFILE' },
		});
		expect(outcome.kind === 'refused' && outcome.error.message).toContain(
			'"Success HTTP Statuses"',
		);
	});
});

describe('balance', () => {
	it('reads the number, and the currency from the reply or the profile', async () => {
		const http = new FakeHttp(reply(200, { data: [{ amount: '12.50' }] }));
		const result = await balance.getBalance(http, {
			...BASE,
			balancePath: '/bal',
			balanceValuePath: 'data[0].amount',
			balanceCurrency: 'USD',
		});
		expect(result).toMatchObject({ balance: 12.5, currency: 'USD' });
		expect(http.only().url).toBe('http://127.0.0.1:8787/gw/bal');
	});

	it('says clearly when the profile has no balance request', async () => {
		const error = await balance.getBalance(new FakeHttp(), BASE).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(GatewayError);
		expect((error as GatewayError).info.code).toBe('NO_BALANCE_REQUEST');
	});
});

describe('json paths and profile defaults', () => {
	it('reads own properties only, with dots or brackets', () => {
		expect(readPath({ a: [{ b: 1 }] }, 'a[0].b')).toBe(1);
		expect(readPath({ a: [{ b: 1 }] }, 'a.0.b')).toBe(1);
		expect(readPath({}, 'constructor')).toBeUndefined();
		expect(readPath({ a: 1 }, '__proto__.x')).toBeUndefined();
	});

	it('fills defaults a no-code user leaves as they are', () => {
		const profile = readProfile({ baseUrl: 'https://sms.example.com' });
		expect(profile.send).toMatchObject({
			method: 'POST',
			bodyFormat: 'form',
			recipientsMode: 'one',
			maxRecipients: 1,
			recipientParameter: 'to',
		});
		expect(profile.reply.retryStatuses.has(429) && profile.reply.retryStatuses.has(503)).toBe(true);
		expect(profile.reply.successStatuses.has(204)).toBe(true);
	});
});

describe('the credential places the secrets', () => {
	const credential = new HttpSmsGatewayApi();
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: 'http://x/send',
		body: { to: A },
		headers: { Accept: 'application/json' },
	};

	it.each([
		[
			{ authentication: 'basicAuth', username: 'u', password: 'p' },
			{ auth: { username: 'u', password: 'p' } },
		],
		[
			{ authentication: 'headerAuth', authHeaderName: 'X-Key', authHeaderSecret: 'k' },
			{ headers: { Accept: 'application/json', 'X-Key': 'k' } },
		],
		[
			{ authentication: 'queryAuth', authQueryName: 'api_key', authQuerySecret: 'k' },
			{ qs: { api_key: 'k' } },
		],
		[
			{ authentication: 'none', secretParameters: '{"user": "u", "pass": "p"}' },
			{ body: { to: A, user: 'u', pass: 'p' } },
		],
	])('%j', async (credentials, expected) => {
		expect(await credential.authenticate(credentials, request)).toMatchObject(expected);
	});

	it('puts confidential parameters in the query string of a GET', async () => {
		const out = await credential.authenticate(
			{ authentication: 'none', secretParameters: '{"password": "p"}' },
			{ method: 'GET', url: 'http://x', qs: { to: A } },
		);
		expect(out.qs).toEqual({ to: A, password: 'p' });
	});
});

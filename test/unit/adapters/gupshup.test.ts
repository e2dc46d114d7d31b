import { GatewayError } from '../../../nodes/shared/core/errors';
import { clock } from '../../../nodes/shared/helpers/clock';
import { gupshup } from '../../../nodes/shared/adapters/gupshup';
import { GUPSHUP_CODES } from '../../../nodes/shared/adapters/gupshup/codes';
import { batchesFor } from '../../../nodes/shared/send/execute';
import { planSend } from '../../../nodes/shared/send/plan';
import { FakeHttp, outgoing, reply } from '../../fixtures/fake-http';
import { refusedOutcome as refusedError, sendBatchOver } from '../../fixtures/send-batch';

const send = gupshup.send!;
const balance = gupshup.balance!;
const APP = 'd7233f89-bf13-27e4-70d1-a981b1427249';
const credentials = { apiKey: 'key', appId: APP, baseUrl: 'http://127.0.0.1:8787/gupshup/' };
const BRAZIL = '+5511987654321';

/** Gupshup's documented documented success body (docs/gateways/gupshup.md#sending). */
const SUBMITTED = { status: 'submitted', messageId: '888748c2-0049-4a2f-98d0-5f6967b9d9fd' };

async function sendOne(...replies: ReturnType<typeof reply>[]) {
	const message = outgoing(BRAZIL, { text: 'Hi, your transaction is complete.' });
	const { http, outcome } = await sendBatchOver(send, credentials, [message], ...replies);
	return { http, message, outcome };
}

afterEach(() => jest.restoreAllMocks());

describe('Gupshup send request', () => {
	it('posts the form fields to /sms/v1/message/{appid} with the number as digits', async () => {
		const http = new FakeHttp(reply(200, SUBMITTED));
		const message = outgoing(BRAZIL, { text: 'Olá, tudo bem?', sender: 'GSDSMS' });
		await send.sendBatch(http, credentials, { messages: [message] }, {});
		const request = http.only();
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`http://127.0.0.1:8787/gupshup/sms/v1/message/${APP}`);
		expect(request.form).toBe(true);
		expect(request.body).toEqual({
			destination: '5511987654321',
			message: 'Olá, tudo bem?',
			source: 'GSDSMS',
		});
	});

	it('leaves out source when no sender is given, and uses the public host without a Base URL', async () => {
		const http = new FakeHttp(reply(200, SUBMITTED));
		await send.sendBatch(
			http,
			{ apiKey: 'key', appId: APP, baseUrl: '' },
			{ messages: [outgoing(BRAZIL)] },
			{},
		);
		const request = http.only();
		expect(request.url).toBe(`https://api.gupshup.io/sms/v1/message/${APP}`);
		expect(request.body).toEqual({ destination: '5511987654321', message: 'Hello' });
	});

	it('refuses the run without calling Gupshup when the credential has no App ID', async () => {
		const http = new FakeHttp();
		const outcome = await send.sendBatch(
			http,
			{ apiKey: 'key', appId: ' ' },
			{ messages: [outgoing(BRAZIL)] },
			{},
		);
		expect(http.requests).toHaveLength(0);
		expect(outcome).toMatchObject({
			kind: 'refused',
			stopsRun: true,
			error: { code: 'APP_ID_MISSING' },
		});
	});
});

describe('Gupshup send reply', () => {
	it('accepts the documented success with its message id', async () => {
		const { outcome, message } = await sendOne(reply(202, SUBMITTED));
		expect(outcome).toEqual({
			kind: 'answered',
			outcomes: [
				{
					message,
					status: 'accepted',
					messageId: SUBMITTED.messageId,
					cost: null,
					currency: null,
					error: null,
					details: { gatewayStatus: 'submitted' },
				},
			],
		});
	});

	const codes = Object.entries(GUPSHUP_CODES).map(([code, [name, description]]) => ({
		code,
		name,
		description,
	}));

	it.each(codes)(
		'maps $name($code) given as a number field to a refusal with its explanation',
		async ({ code, description }) => {
			const { outcome } = await sendOne(
				reply(400, { status: 'error', code: Number(code), message: description }),
			);
			const refused = refusedError(outcome);
			expect(refused.stopsRun).toBe(false);
			expect(refused.error.code).toBe(code);
			expect(refused.error.message).toBe(description);
			expect(refused.error.explanation).toBe(GUPSHUP_CODES[Number(code)][2]);
		},
	);

	it.each(codes)(
		'finds $name($code) written inside the message, as the seed writes it',
		async ({ code, name }) => {
			const { outcome } = await sendOne(
				reply(400, { status: 'error', message: `${name}(${code})` }),
			);
			expect(refusedError(outcome).error).toMatchObject({ code, message: `${name}(${code})` });
		},
	);

	it('finds a code given only by its name, in a plain-text body', async () => {
		const { outcome } = await sendOne(reply(400, 'INSUFFICIENT_WALLET_BALANCE'));
		const { error } = refusedError(outcome);
		expect(error.code).toBe('8002');
		expect(error.explanation).toMatch(/top it up/i);
	});

	it('reads errorCode and nested error objects', async () => {
		const first = await sendOne(
			reply(400, {
				status: 'error',
				errorCode: '8006',
				message: 'The entered phone number is not opted in',
			}),
		);
		expect(refusedError(first.outcome).error.code).toBe('8006');
		const second = await sendOne(
			reply(400, { error: { code: 8004, message: 'Please enter valid phone number' } }),
		);
		expect(refusedError(second.outcome).error).toMatchObject({
			code: '8004',
			message: 'Please enter valid phone number',
		});
	});

	it("keeps Gupshup's words for an undocumented refusal", async () => {
		const { outcome } = await sendOne(
			reply(400, { status: 'error', message: 'Invalid App Details' }),
		);
		const { error } = refusedError(outcome);
		expect(error.code).toBe('400');
		expect(error.message).toBe('Invalid App Details');
		expect(error.explanation).toContain('Invalid App Details');
	});

	it('treats a 2xx that says status "error" as a refusal', async () => {
		const { outcome } = await sendOne(
			reply(200, { status: 'error', message: 'Something went wrong' }),
		);
		expect(refusedError(outcome).error.message).toBe('Something went wrong');
	});

	it.each([401, 403])(
		'stops the run when Gupshup refuses the API key (HTTP %i)',
		async (status) => {
			const { outcome } = await sendOne(
				reply(status, { status: 'error', message: 'Authentication Failed' }),
			);
			const refused = refusedError(outcome);
			expect(refused.stopsRun).toBe(true);
			expect(refused.error).toMatchObject({
				code: String(status),
				message: 'Authentication Failed',
			});
			expect(refused.error.explanation).toMatch(/API key/);
		},
	);

	it('asks to retry a 429 after the Retry-After delay', async () => {
		jest.spyOn(clock, 'now').mockReturnValue(1_000_000);
		const { outcome } = await sendOne(reply(429, 'Too Many Requests', { 'Retry-After': '7' }));
		expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 7000, error: { code: '429' } });
	});

	it('asks to retry a 503', async () => {
		const { outcome } = await sendOne(reply(503, ''));
		expect(outcome.kind).toBe('retry');
	});

	it('refuses a 500 that carries a documented code (SERVER_ERROR says it did not complete)', async () => {
		const { outcome } = await sendOne(
			reply(500, { status: 'error', message: 'SERVER_ERROR(8005)' }),
		);
		expect(refusedError(outcome).error.code).toBe('8005');
	});

	it('calls an unexplained 5xx ambiguous: the message may have been taken', async () => {
		const { outcome } = await sendOne(reply(502, '<html>Bad Gateway</html>'));
		expect(outcome).toMatchObject({ kind: 'ambiguous', error: { code: '502' } });
	});

	it('calls a 2xx that is not the documented success ambiguous', async () => {
		const { outcome } = await sendOne(reply(200, { ok: true }));
		expect(outcome).toMatchObject({ kind: 'ambiguous', error: { code: 'UNREADABLE_REPLY' } });
	});
});

describe('Gupshup limits and checks', () => {
	it('needs a sender for India only (seed: "Required only for India")', () => {
		expect(send.check!(outgoing('+919876543210'), {})).toMatchObject({ code: 'SENDER_REQUIRED' });
		expect(send.check!(outgoing('+919876543210', { sender: 'GSDSMS' }), {})).toBeUndefined();
		expect(send.check!(outgoing(BRAZIL), {})).toBeUndefined();
	});

	it('refuses a text over 160 characters before sending', () => {
		const plan = planSend(
			gupshup,
			[
				{ itemIndex: 0, to: BRAZIL, message: 'a'.repeat(160) },
				{ itemIndex: 1, to: BRAZIL, message: 'b'.repeat(161) },
			],
			{ deduplicate: true, encodingPolicy: 'auto' },
		);
		expect(plan.messages.map((m) => m.text.length)).toEqual([160]);
		const decided = plan.entries.find((entry) => entry.kind === 'decided');
		expect(decided).toMatchObject({
			result: { status: 'invalid', error: { code: 'MESSAGE_TOO_LONG' } },
		});
	});

	it('sends one recipient per request', () => {
		const messages = ['+5511987654321', '+573001234567', '+919876543210'].map((n) =>
			outgoing(n, { text: 'same' }),
		);
		expect(batchesFor(gupshup, messages).map((batch) => batch.length)).toEqual([1, 1, 1]);
	});
});

describe('Gupshup balance', () => {
	it('reads the observed wallet reply as USD', async () => {
		const http = new FakeHttp(reply(200, { status: 'success', balance: 4.2567 }));
		const result = await balance.getBalance(http, credentials);
		expect(result).toEqual({
			balance: 4.2567,
			currency: 'USD',
			raw: { status: 'success', balance: 4.2567 },
		});
		expect(http.only()).toMatchObject({
			method: 'GET',
			url: 'http://127.0.0.1:8787/gupshup/sm/api/v2/wallet/balance',
		});
	});

	it('reads a balance sent as a string', async () => {
		const result = await balance.getBalance(
			new FakeHttp(reply(200, { status: 'success', balance: '12.50' })),
			credentials,
		);
		expect(result.balance).toBe(12.5);
	});

	it('explains that the endpoint is undocumented when the key is refused', async () => {
		const promise = balance.getBalance(
			new FakeHttp(reply(401, { status: 'error', message: 'Authentication Failed' })),
			credentials,
		);
		await expect(promise).rejects.toBeInstanceOf(GatewayError);
		await expect(promise).rejects.toMatchObject({
			httpStatus: 401,
			info: {
				code: '401',
				message: 'Authentication Failed',
				explanation: expect.stringMatching(/not part of Gupshup's documented SMS API/),
			},
		});
	});

	it('turns any other shape into a GatewayError that says the endpoint may not be enabled', async () => {
		const promise = balance.getBalance(
			new FakeHttp(reply(200, { status: 'error', message: 'Invalid API Key' })),
			credentials,
		);
		await expect(promise).rejects.toMatchObject({
			info: {
				message: expect.stringContaining('Invalid API Key'),
				explanation: expect.stringMatching(/may not be enabled/),
			},
		});
	});
});

import { GatewayError } from '../../../nodes/shared/core/errors';
import { clock } from '../../../nodes/shared/helpers/clock';
import { smsBox } from '../../../nodes/shared/adapters/smsbox';
import { SMSBOX_CODES } from '../../../nodes/shared/adapters/smsbox/codes';
import { batchesFor } from '../../../nodes/shared/send/execute';
import { planSend } from '../../../nodes/shared/send/plan';
import type { SendInput } from '../../../nodes/shared/send/plan';
import { FakeHttp, outgoing, reply } from '../../fixtures/fake-http';
import { refusedOutcome as refused, sendBatchOver } from '../../fixtures/send-batch';

const send = smsBox.send!;
const balance = smsBox.balance!;
const credentials = { apiKey: 'key', apiSecret: 'secret', baseUrl: 'http://127.0.0.1:8787/smsbox' };
const BF = '+22671625142';
const TZ = '+255655060606';

/** Verbatim from SMSBox's documentation (docs/gateways/smsbox.md#sending, "Sample response data"), without the doc's trailing comma. */
const SCHEDULED = {
	status: true,
	code: 200,
	message: 'Message Scheduled Successfully',
	data: 'message_id:sms-2025050112252123117a517ef211f2dbdb',
};

/** 2026-05-01 09:00:00 UTC: "now" for every schedule test. */
const NOW = Date.UTC(2026, 4, 1, 9, 0, 0);

function plan(inputs: SendInput[]) {
	return planSend(smsBox, inputs, { deduplicate: true, encodingPolicy: 'auto' });
}

const sendTwo = (...replies: ReturnType<typeof reply>[]) =>
	sendBatchOver(
		send,
		credentials,
		[outgoing(BF, { sender: 'INFO' }), outgoing(TZ, { sender: 'INFO' })],
		...replies,
	);

beforeEach(() => jest.spyOn(clock, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('SMSBox send request', () => {
	it('posts the documented JSON body to /api/sms/v1/send_sms', async () => {
		const { http } = await sendTwo(reply(200, SCHEDULED));
		const request = http.only();
		expect(request.method).toBe('POST');
		expect(request.url).toBe('http://127.0.0.1:8787/smsbox/api/sms/v1/send_sms');
		expect(request.form).toBeFalsy();
		expect(request.body).toEqual({
			source_addr: 'INFO',
			schedule_time: '',
			encoding: 0,
			message: 'Hello',
			recipients: [
				{ recipient_name: '', dest_addr: '+22671625142' },
				{ recipient_name: '', dest_addr: '+255655060606' },
			],
		});
	});

	it('uses the public host when the credential has no Base URL', async () => {
		const http = new FakeHttp(reply(200, SCHEDULED));
		await send.sendBatch(
			http,
			{ apiKey: 'k', apiSecret: 's' },
			{ messages: [outgoing(BF, { sender: 'INFO' })] },
			{},
		);
		expect(http.only().url).toBe('https://smsbox.devotek.africa/api/sms/v1/send_sms');
	});

	it('sends the schedule time as yyyy-mm-dd hh:mm in GMT+0', async () => {
		const http = new FakeHttp(reply(200, SCHEDULED));
		const options = { scheduleAt: '2026-05-01T15:25:40+03:00' };
		await send.sendBatch(
			http,
			credentials,
			{ messages: [outgoing(BF, { sender: 'INFO', options })] },
			options,
		);
		expect(http.only().body).toMatchObject({ schedule_time: '2026-05-01 12:25' });
	});

	it('writes a sender number without its "+" (seed: "No leading + sign")', async () => {
		const http = new FakeHttp(reply(200, SCHEDULED));
		await send.sendBatch(
			http,
			credentials,
			{ messages: [outgoing(BF, { sender: '+255700000011' })] },
			{},
		);
		expect(http.only().body).toMatchObject({ source_addr: '255700000011' });
	});

	it('refuses an unreadable schedule time without calling SMSBox', async () => {
		const http = new FakeHttp();
		const options = { scheduleAt: 'next tuesday' };
		const outcome = await send.sendBatch(
			http,
			credentials,
			{ messages: [outgoing(BF, { sender: 'INFO', options })] },
			options,
		);
		expect(http.requests).toHaveLength(0);
		expect(refused(outcome).error.code).toBe('INVALID_SCHEDULE_TIME');
	});
});

describe('SMSBox personalisation', () => {
	const inputs: SendInput[] = [
		{
			itemIndex: 0,
			to: BF,
			message: 'Hello [{RECEIVERNAME}]',
			from: 'INFO',
			recipientName: 'Alex',
		},
		{
			itemIndex: 1,
			to: TZ,
			message: 'Hello [{RECEIVERNAME}]',
			from: 'INFO',
			recipientName: 'Thomas',
		},
		{
			itemIndex: 2,
			to: '+255655060607',
			message: 'Hello [{RECEIVERNAME}]',
			from: 'OTHER',
			recipientName: 'Zed',
		},
		{ itemIndex: 3, to: '+255655060608', message: 'Plain text', from: 'INFO' },
	];

	it('groups messages by template and sender, not by their final text', () => {
		const batches = batchesFor(smsBox, plan(inputs).messages);
		expect(batches.map((batch) => batch.map((m) => m.input))).toEqual([
			[BF, TZ],
			['+255655060607'],
			['+255655060608'],
		]);
	});

	it('sends the template once with each recipient_name', async () => {
		const [first] = batchesFor(smsBox, plan(inputs).messages);
		expect(first.map((m) => m.text)).toEqual(['Hello Alex', 'Hello Thomas']);
		const http = new FakeHttp(reply(200, SCHEDULED));
		await send.sendBatch(http, credentials, { messages: first }, {});
		expect(http.only().body).toEqual({
			source_addr: 'INFO',
			schedule_time: '',
			encoding: 0,
			message: 'Hello [{RECEIVERNAME}]',
			recipients: [
				{ recipient_name: 'Alex', dest_addr: BF },
				{ recipient_name: 'Thomas', dest_addr: TZ },
			],
		});
	});
});

describe('SMSBox send reply', () => {
	it('accepts every recipient with the one message id, without its "message_id:" prefix', async () => {
		const { outcome, messages } = await sendTwo(reply(200, SCHEDULED));
		if (outcome.kind !== 'answered') throw new Error(outcome.kind);
		expect(outcome.outcomes.map((o) => [o.message, o.status, o.messageId, o.error])).toEqual([
			[messages[0], 'accepted', 'sms-2025050112252123117a517ef211f2dbdb', null],
			[messages[1], 'accepted', 'sms-2025050112252123117a517ef211f2dbdb', null],
		]);
		expect(outcome.outcomes[0].details).toEqual({
			gatewayCode: 200,
			gatewayMessage: 'Message Scheduled Successfully',
		});
	});

	it('accepts the doc sample\'s string code "200" too', async () => {
		const { outcome } = await sendTwo(reply(200, { ...SCHEDULED, status: 'true', code: '200' }));
		expect(outcome.kind).toBe('answered');
	});

	const table: Array<[number, 'refused' | 'stopsRun' | 'ambiguous']> = [
		[101, 'refused'],
		[102, 'refused'],
		[103, 'ambiguous'],
		[104, 'refused'],
		[105, 'stopsRun'],
		[106, 'stopsRun'],
		[107, 'stopsRun'],
		[108, 'stopsRun'],
		[109, 'refused'],
		[110, 'refused'],
		[111, 'refused'],
		[112, 'refused'],
		[113, 'refused'],
		[114, 'refused'],
		[115, 'refused'],
		[116, 'refused'],
		[117, 'refused'],
		[118, 'refused'],
		[119, 'refused'],
		[120, 'stopsRun'],
		[121, 'refused'],
	];

	it.each(table)("maps code %i to %s, keeping SMSBox's words", async (code, effect) => {
		const status = code === 120 ? 401 : 400;
		const words = `${SMSBOX_CODES[code].message} (as SMSBox says it)`;
		const { outcome } = await sendTwo(reply(status, { code, message: words }));
		if (effect === 'ambiguous') {
			expect(outcome).toMatchObject({
				kind: 'ambiguous',
				error: { code: String(code), message: words },
			});
			return;
		}
		const r = refused(outcome);
		expect(r.stopsRun).toBe(effect === 'stopsRun');
		expect(r.error).toEqual({
			code: String(code),
			message: words,
			explanation: SMSBOX_CODES[code].explanation,
		});
	});

	it('maps the seed\'s 400 "Invalid Sender Id" to a refusal of this request only', async () => {
		const { outcome } = await sendTwo(reply(400, { code: 111, message: 'Invalid Sender Id' }));
		const r = refused(outcome);
		expect(r.stopsRun).toBe(false);
		expect(r.error.message).toBe('Invalid Sender Id');
		expect(r.error.explanation).toMatch(/approved sender name/);
	});

	it('stops the run on the seed\'s 401 "Invalid Authorization Parameters"', async () => {
		const { outcome } = await sendTwo(
			reply(401, { code: 120, message: 'Invalid Authorization Parameters' }),
		);
		expect(refused(outcome)).toMatchObject({
			stopsRun: true,
			error: { code: '120', message: 'Invalid Authorization Parameters' },
		});
	});

	it('reads the code-less missing-auth reply as 107 and stops the run', async () => {
		const { outcome } = await sendTwo(reply(400, { error: 'No authorization headers' }));
		expect(refused(outcome)).toMatchObject({
			stopsRun: true,
			error: { code: '107', message: 'No authorization headers' },
		});
	});

	it('reads a code wrapped in data, as the 409 replies carry it', async () => {
		const { outcome } = await sendTwo(
			reply(409, { data: { code: 121, message: 'Sender Name Should Not Exceed 11 Characters' } }),
		);
		expect(refused(outcome).error).toMatchObject({
			code: '121',
			message: 'Sender Name Should Not Exceed 11 Characters',
		});
	});

	it('refuses an HTTP 200 whose code is not 200 (SMSBox puts errors in the body)', async () => {
		const { outcome } = await sendTwo(
			reply(200, { status: true, code: 403, message: 'Message not found' }),
		);
		expect(refused(outcome)).toMatchObject({
			stopsRun: false,
			error: { code: '403', message: 'Message not found' },
		});
	});

	it('treats 401 without a body as a credential refusal', async () => {
		const { outcome } = await sendTwo(reply(401, ''));
		expect(refused(outcome).stopsRun).toBe(true);
	});

	it('asks to retry a 429 after Retry-After', async () => {
		const { outcome } = await sendTwo(reply(429, '', { 'retry-after': '2' }));
		expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 2000 });
	});

	it('calls a 500 without a known code ambiguous', async () => {
		const { outcome } = await sendTwo(reply(500, 'Internal Server Error'));
		expect(outcome).toMatchObject({ kind: 'ambiguous', error: { code: '500' } });
	});

	it('calls an unreadable 200 ambiguous', async () => {
		const { outcome } = await sendTwo(reply(200, '<html>ok</html>'));
		expect(outcome).toMatchObject({ kind: 'ambiguous', error: { code: 'UNREADABLE_REPLY' } });
	});

	it('refuses a 500 that carries a documented refusal code', async () => {
		const { outcome } = await sendTwo(reply(500, { code: 102, message: 'Insufficient balance' }));
		expect(refused(outcome).error.code).toBe('102');
	});
});

describe('SMSBox checks and limits', () => {
	const message = (overrides = {}) => outgoing(BF, { sender: 'INFO', ...overrides });

	it('needs an approved sender name', () => {
		const error = send.check!(message({ sender: undefined }), {});
		expect(error?.code).toBe('SENDER_REQUIRED');
		expect(error?.explanation).toMatch(/approved/);
		expect(send.check!(message({ sender: '  ' }), {})?.code).toBe('SENDER_REQUIRED');
	});

	it('accepts sender names of up to 11 letters, digits, spaces, "-" and "." and sender numbers', () => {
		for (const sender of ['INFO', 'My-Shop.Co', 'ABC DEF 123', '255700000011', '+255700000011']) {
			expect(send.check!(message({ sender }), {})).toBeUndefined();
		}
		for (const sender of ['TwelveChars1', 'Shop!', 'Café']) {
			expect(send.check!(message({ sender }), {})?.code).toBe('SENDER_INVALID');
		}
	});

	it('refuses a schedule time that is not a date', () => {
		expect(send.check!(message(), { scheduleAt: 'tomorrow-ish' })?.code).toBe(
			'INVALID_SCHEDULE_TIME',
		);
	});

	it('refuses a schedule time whose minute is not in the future', () => {
		expect(send.check!(message(), { scheduleAt: '2026-05-01T08:59:00Z' })?.code).toBe(
			'SCHEDULE_IN_PAST',
		);
		// 09:00:30 is sent as 09:00, which SMSBox sees as now: refused before sending.
		expect(send.check!(message(), { scheduleAt: '2026-05-01T09:00:30Z' })?.code).toBe(
			'SCHEDULE_IN_PAST',
		);
		expect(send.check!(message(), { scheduleAt: '2026-05-01T09:01:00Z' })).toBeUndefined();
	});

	it('makes the plan reject Unicode text (code 110) and a missing sender, per recipient', () => {
		const result = plan([
			{ itemIndex: 0, to: BF, message: 'Habari 👋', from: 'INFO' },
			{ itemIndex: 1, to: BF, message: 'Hello', from: '' },
			{ itemIndex: 2, to: TZ, message: 'Hello', from: 'INFO' },
		]);
		expect(result.messages.map((m) => m.input)).toEqual([TZ]);
		const codes = result.entries.flatMap((entry) =>
			entry.kind === 'decided' ? [entry.result.error?.code] : [],
		);
		expect(codes).toEqual(['UNICODE_NOT_SUPPORTED', 'SENDER_REQUIRED']);
	});

	it('puts at most 1000 recipients in one request', () => {
		const messages = Array.from({ length: 1001 }, (_, i) =>
			outgoing(`+2556550${String(60000 + i).padStart(5, '0')}`, { sender: 'INFO' }),
		);
		expect(batchesFor(smsBox, messages).map((batch) => batch.length)).toEqual([1000, 1]);
	});
});

describe('SMSBox balance', () => {
	it('reads balance_money from the data array (seed sample)', async () => {
		const body = {
			status: true,
			code: 200,
			message: 'Operation processed successfully',
			data: [{ balance_money: 100 }],
		};
		const http = new FakeHttp(reply(200, body));
		expect(await balance.getBalance(http, credentials)).toEqual({
			balance: 100,
			currency: null,
			raw: body,
		});
		expect(http.only()).toMatchObject({
			method: 'GET',
			url: 'http://127.0.0.1:8787/smsbox/api/sms/v1/query_sms_balance',
		});
	});

	it('keeps a currency only when the reply names one', async () => {
		const body = {
			status: true,
			code: 200,
			message: 'ok',
			data: [{ balance_money: 'TZS 1500.50' }],
		};
		expect(await balance.getBalance(new FakeHttp(reply(200, body)), credentials)).toMatchObject({
			balance: 1500.5,
			currency: 'TZS',
		});
	});

	it('throws the explained code 120 on refused credentials', async () => {
		const promise = balance.getBalance(
			new FakeHttp(reply(401, { code: 120, message: 'Invalid Authorization Parameters' })),
			credentials,
		);
		await expect(promise).rejects.toBeInstanceOf(GatewayError);
		await expect(promise).rejects.toMatchObject({
			httpStatus: 401,
			info: {
				code: '120',
				message: 'Invalid Authorization Parameters',
				explanation: SMSBOX_CODES[120].explanation,
			},
		});
	});

	it('throws on a reply without a balance', async () => {
		const promise = balance.getBalance(
			new FakeHttp(reply(200, { status: true, code: 200, data: [] })),
			credentials,
		);
		await expect(promise).rejects.toMatchObject({
			info: { explanation: 'SMSBox did not return a balance.' },
		});
	});
});

import { clock } from '../../../nodes/shared/helpers/clock';
import { smsBox } from '../../../nodes/shared/adapters/smsbox';
import { FakeHttp, reply } from '../../fixtures/fake-http';
import { refusal } from '../../fixtures/gateway-refusal';

const senderNames = smsBox.senderNames!;
const credentials = { apiKey: 'key', apiSecret: 'secret', baseUrl: 'http://127.0.0.1:8787/smsbox' };

/** SMSBox's documented list reply (docs/gateways/smsbox.md#sender-names "View Sender Names"), without its trailing comma. */
const LIST = {
	status: true,
	code: 200,
	message: 'Message Scheduled Successfully',
	data: [
		{ id: '1', sending_name: 'testing', status: 'pending', created: '2025-04-09 15:33:29' },
		{ id: '2', sending_name: 'ttere', status: 'approved', created: '2025-03-18 17:25:29' },
	],
};

afterEach(() => jest.restoreAllMocks());

describe('SMSBox sender names: list', () => {
	it('GETs query_sender_names with the filters and maps each row', async () => {
		const http = new FakeHttp(reply(200, LIST));
		const names = await senderNames.list(http, credentials, { query: ' test ', status: 'pending' });
		const request = http.only();
		expect(request.method).toBe('GET');
		expect(request.url).toBe('http://127.0.0.1:8787/smsbox/api/sms/v1/query_sender_names');
		expect(request.qs).toEqual({ q: 'test', status: 'pending' });
		expect(names).toEqual([
			{ id: '1', name: 'testing', status: 'pending', created: '2025-04-09 15:33:29' },
			{ id: '2', name: 'ttere', status: 'approved', created: '2025-03-18 17:25:29' },
		]);
	});

	it('sends no filter that was not given', async () => {
		const http = new FakeHttp(reply(200, { ...LIST, data: [] }));
		expect(await senderNames.list(http, credentials, {})).toEqual([]);
		expect(http.only().qs).toEqual({});
	});

	it('reports wrong credentials with SMSBox code 120 and its words', async () => {
		const http = new FakeHttp(
			reply(401, { code: 120, message: 'Invalid Authorization Parameters' }),
		);
		const error = await refusal(senderNames.list(http, credentials, {}));
		expect(error.info).toMatchObject({ code: '120', message: 'Invalid Authorization Parameters' });
		expect(error.info.explanation).toMatch(/API key or secret/);
		expect(error.httpStatus).toBe(401);
	});

	it('reports a missing Authorization header as code 107', async () => {
		const http = new FakeHttp(reply(400, { error: 'No authorization headers' }));
		const error = await refusal(senderNames.list(http, credentials, {}));
		expect(error.info.code).toBe('107');
	});

	it('refuses a success envelope without a list', async () => {
		const http = new FakeHttp(reply(200, { status: true, code: 200, message: 'ok', data: '[]' }));
		const error = await refusal(senderNames.list(http, credentials, {}));
		expect(error.info.code).toBe('UNREADABLE_REPLY');
	});

	it('reports a rate limit as "try later" with the status', async () => {
		jest.spyOn(clock, 'now').mockReturnValue(0);
		const http = new FakeHttp(
			reply(429, { code: 429, message: 'Too Many Requests' }, { 'Retry-After': '1' }),
		);
		const error = await refusal(senderNames.list(http, credentials, {}));
		expect(error.info.code).toBe('429');
		expect(error.info.explanation).toMatch(/try again later/i);
	});
});

describe('SMSBox sender names: request', () => {
	const sample = 'Your clinic appointment is tomorrow';

	it('POSTs senderid and sample_content as JSON and reads the new id from the words', async () => {
		const http = new FakeHttp(
			reply(200, {
				status: true,
				code: 200,
				message: 'SenderID 299 created Successfully',
				data: '[]',
			}),
		);
		const result = await senderNames.request(http, credentials, {
			senderId: ' CLINIC ',
			sampleContent: sample,
		});
		const request = http.only();
		expect(request.method).toBe('POST');
		expect(request.url).toBe('http://127.0.0.1:8787/smsbox/api/sms/v1/request_sender_name');
		expect(request.form).toBeFalsy();
		expect(request.body).toEqual({ senderid: 'CLINIC', sample_content: sample });
		expect(result).toMatchObject({
			senderId: 'CLINIC',
			id: '299',
			status: 'pending',
			message: 'SenderID 299 created Successfully',
		});
	});

	it('leaves the id null when the words do not carry one', async () => {
		const http = new FakeHttp(
			reply(200, { status: true, code: 200, message: 'Created', data: '[]' }),
		);
		expect(
			(await senderNames.request(http, credentials, { senderId: 'CLINIC', sampleContent: sample }))
				.id,
		).toBeNull();
	});

	it.each([
		[
			121,
			'Sender Name Should Not Exceed 11 Characters and can have only numbers, letters and the following special characters . - and space',
			/at most 11 characters/,
		],
		[122, 'Senderid exist, please try another one', /already exists/],
		[124, 'Sender Name sample content should not exceed 170 characters', /15 to 170 characters/],
	])(
		'maps code %i, answered 409 inside "data", to a clear error',
		async (code, words, explanation) => {
			const http = new FakeHttp(reply(409, { data: { code, message: words } }));
			const error = await refusal(
				senderNames.request(http, credentials, { senderId: 'CLINIC', sampleContent: sample }),
			);
			expect(error.info).toMatchObject({ code: String(code), message: words });
			expect(error.info.explanation).toMatch(explanation);
			expect(error.httpStatus).toBe(409);
		},
	);

	it('reports wrong credentials (code 120)', async () => {
		const http = new FakeHttp(
			reply(401, { code: 120, message: 'Invalid Authentication Parameters' }),
		);
		const error = await refusal(
			senderNames.request(http, credentials, { senderId: 'CLINIC', sampleContent: sample }),
		);
		expect(error.info.code).toBe('120');
	});
});

describe('SMSBox sender names: checks before calling', () => {
	const ok = 'A sample long enough';

	it.each([
		['CLINIC', ok],
		['My Org-2.0', ok],
		['ABCDEFGHIJK', ok],
		['CLINIC', 'x'.repeat(15)],
		['CLINIC', 'x'.repeat(170)],
	])('accepts %j with a %i-character sample', (senderId, sampleContent) => {
		expect(senderNames.checkRequest({ senderId, sampleContent })).toBeUndefined();
	});

	it.each([
		['', ok, 'SENDER_NAME_REQUIRED'],
		['   ', ok, 'SENDER_NAME_REQUIRED'],
		['ABCDEFGHIJKL', ok, 'SENDER_NAME_TOO_LONG'],
		['CLINIC!', ok, 'SENDER_NAME_INVALID_CHARACTERS'],
		['CLINIC_1', ok, 'SENDER_NAME_INVALID_CHARACTERS'],
		['Café', ok, 'SENDER_NAME_INVALID_CHARACTERS'],
		['CLINIC', 'x'.repeat(14), 'SAMPLE_CONTENT_TOO_SHORT'],
		['CLINIC', 'x'.repeat(171), 'SAMPLE_CONTENT_TOO_LONG'],
	])('refuses %j / sample of the wrong kind with %s', (senderId, sampleContent, code) => {
		expect(senderNames.checkRequest({ senderId, sampleContent })?.code).toBe(code);
	});

	it('counts an emoji in the sample as one character', () => {
		expect(
			senderNames.checkRequest({ senderId: 'CLINIC', sampleContent: `${'x'.repeat(169)}🙂` }),
		).toBeUndefined();
	});
});

import { clock } from '../../../nodes/shared/helpers/clock';
import { dhis2 } from '../../../nodes/shared/adapters/dhis2';
import { batchesFor } from '../../../nodes/shared/send/execute';
import { planSend } from '../../../nodes/shared/send/plan';
import { FakeHttp, outgoing, reply } from '../../fixtures/fake-http';
import { refusedOutcome as refused, sendBatchOver } from '../../fixtures/send-batch';

const send = dhis2.send!;
const credentials = {
	serverUrl: 'http://127.0.0.1:8787/dhis2/40/',
	authType: 'basic',
	username: 'admin',
	password: 'district',
};
const A = '+4791234567';
const B = '+4741234567';

/** DHIS2's WebMessage (docs/gateways/dhis2.md#webmessage-replies): the HTTP status is repeated in the body. */
function webMessage(httpStatusCode: number, httpStatus: string, status: string, message: string) {
	return reply(httpStatusCode, { httpStatus, httpStatusCode, status, message });
}
const SENT = webMessage(200, 'OK', 'OK', 'SMS sent');
const serverError = (message: string) => webMessage(500, 'Internal Server Error', 'ERROR', message);

const sendTwo = (...replies: ReturnType<typeof reply>[]) =>
	sendBatchOver(
		send,
		credentials,
		[outgoing(A, { text: 'Sms Text' }), outgoing(B, { text: 'Sms Text' })],
		...replies,
	);

afterEach(() => jest.restoreAllMocks());

describe('DHIS2 send request', () => {
	it('posts {message, recipients} to {server}/api/sms/outbound, unversioned', async () => {
		const { http } = await sendTwo(SENT);
		const request = http.only();
		expect(request.method).toBe('POST');
		expect(request.url).toBe('http://127.0.0.1:8787/dhis2/40/api/sms/outbound');
		expect(request.form).toBeFalsy();
		expect(request.body).toEqual({
			message: 'Sms Text',
			recipients: ['+4791234567', '+4741234567'],
		});
	});

	it('has no sender field: a sender given anyway is not sent and does not split requests', async () => {
		const messages = [
			outgoing(A, { text: 'Same', sender: 'ONE' }),
			outgoing(B, { text: 'Same', sender: 'TWO' }),
		];
		expect(batchesFor(dhis2, messages)).toEqual([messages]);
		const http = new FakeHttp(SENT);
		await send.sendBatch(http, credentials, { messages }, {});
		expect(Object.keys(http.only().body as object).sort()).toEqual(['message', 'recipients']);
	});

	it('sends a number repeated in one request once and reports the repeat, since DHIS2 keeps a set', async () => {
		const messages = [outgoing(A), outgoing(B), outgoing(A)];
		const http = new FakeHttp(SENT);
		const outcome = await send.sendBatch(http, credentials, { messages }, {});
		expect((http.only().body as { recipients: string[] }).recipients).toEqual([A, B]);
		if (outcome.kind !== 'answered') throw new Error(outcome.kind);
		expect(outcome.outcomes.map((o) => [o.message.ref, o.status, o.error?.code ?? null])).toEqual([
			[messages[0].ref, 'accepted', null],
			[messages[1].ref, 'accepted', null],
			[messages[2].ref, 'rejected', 'REPEATED_IN_REQUEST'],
		]);
	});

	it('refuses the run without calling anything when the credential has no Server URL', async () => {
		const http = new FakeHttp();
		const outcome = await send.sendBatch(http, { serverUrl: '' }, { messages: [outgoing(A)] }, {});
		expect(http.requests).toHaveLength(0);
		expect(refused(outcome)).toMatchObject({
			stopsRun: true,
			error: { code: 'SERVER_URL_MISSING' },
		});
	});
});

describe('DHIS2 limits', () => {
	it('puts at most 200 recipients in one request (DHIS2 answers only for its last slice of 200)', () => {
		const messages = Array.from({ length: 401 }, (_, i) =>
			outgoing(`+47912${String(i).padStart(5, '0')}`, { text: 'x' }),
		);
		expect(batchesFor(dhis2, messages).map((batch) => batch.length)).toEqual([200, 200, 1]);
	});

	it('accepts 1071 characters of Unicode and refuses 1072 before sending', () => {
		const plan = planSend(
			dhis2,
			[
				{ itemIndex: 0, to: A, message: 'ж'.repeat(1071) },
				{ itemIndex: 1, to: B, message: 'ж'.repeat(1072) },
			],
			{ deduplicate: true, encodingPolicy: 'auto' },
		);
		expect(plan.messages.map((m) => [m.input, m.encoding])).toEqual([[A, 'UCS-2']]);
		expect(plan.entries[1]).toMatchObject({
			kind: 'decided',
			result: { error: { code: 'MESSAGE_TOO_LONG' } },
		});
	});
});

describe('DHIS2 send reply', () => {
	it('accepts every recipient on 200 "SMS sent", with no message id (DHIS2 returns none)', async () => {
		const { outcome, messages } = await sendTwo(SENT);
		expect(outcome).toEqual({
			kind: 'answered',
			outcomes: messages.map((message) => ({
				message,
				status: 'accepted',
				messageId: null,
				cost: null,
				currency: null,
				error: null,
				details: { gatewayMessage: 'SMS sent' },
			})),
		});
	});

	it('stops the run on "No default gateway configured", pointing to the gateway settings', async () => {
		const { outcome } = await sendTwo(serverError('No default gateway configured'));
		const r = refused(outcome);
		expect(r.stopsRun).toBe(true);
		expect(r.error.message).toBe('No default gateway configured');
		expect(r.error.explanation).toMatch(/Set Default/);
	});

	it('refuses this request only on "Sms text message is too long"', async () => {
		const { outcome } = await sendTwo(serverError('Sms text message is too long'));
		expect(refused(outcome)).toMatchObject({
			stopsRun: false,
			error: { code: 'TEXT_TOO_LONG', message: 'Sms text message is too long' },
		});
	});

	it.each([
		'failed',
		'bad request',
		'unauthorized',
		'payment required',
		'Forbidden',
		'not found',
		'method not allowed',
		'gone',
		'service unavailable',
	])('refuses this request when DHIS2 reports its gateway answered "%s"', async (text) => {
		const { outcome } = await sendTwo(serverError(text));
		const r = refused(outcome);
		expect(r.stopsRun).toBe(false);
		expect(r.error.code).toBe('GATEWAY_FAILED');
		expect(r.error.message).toBe(text);
	});

	it('calls "Internal server exception" ambiguous: DHIS2 also reports a timeout with the gateway that way', async () => {
		const { outcome } = await sendTwo(serverError('Internal server exception'));
		expect(outcome).toMatchObject({ kind: 'ambiguous', error: { code: 'GATEWAY_EXCEPTION' } });
	});

	it('calls an unknown 500 text ambiguous', async () => {
		const { outcome } = await sendTwo(serverError('java.lang.NullPointerException'));
		expect(outcome).toMatchObject({
			kind: 'ambiguous',
			error: { message: 'java.lang.NullPointerException' },
		});
	});

	it("stops the run on 401, keeping DHIS2's words", async () => {
		const { outcome } = await sendTwo(webMessage(401, 'Unauthorized', 'ERROR', 'Account locked'));
		expect(refused(outcome)).toMatchObject({
			stopsRun: true,
			error: { code: '401', message: 'Account locked' },
		});
	});

	it('stops the run on 403 and names the F_MOBILE_SENDSMS authority', async () => {
		const words = 'Access is denied, requires one Authority from [F_MOBILE_SENDSMS]';
		const { outcome } = await sendTwo(webMessage(403, 'Forbidden', 'ERROR', words));
		const r = refused(outcome);
		expect(r.stopsRun).toBe(true);
		expect(r.error.message).toBe(words);
		expect(r.error.explanation).toContain('F_MOBILE_SENDSMS');
	});

	it('stops the run on a malformed personal access token (400)', async () => {
		const { outcome } = await sendTwo(
			webMessage(400, 'Bad Request', 'ERROR', 'Api token is malformed'),
		);
		expect(refused(outcome)).toMatchObject({
			stopsRun: true,
			error: { message: 'Api token is malformed' },
		});
	});

	it('stops the run on 404: there is no SMS API at the Server URL', async () => {
		const { outcome } = await sendTwo(reply(404, '<html>Not Found</html>'));
		expect(refused(outcome)).toMatchObject({ stopsRun: true, error: { code: '404' } });
	});

	it('refuses this request on 409', async () => {
		const { outcome } = await sendTwo(
			webMessage(409, 'Conflict', 'ERROR', 'Recipient must be specified'),
		);
		expect(refused(outcome)).toMatchObject({
			stopsRun: false,
			error: { code: '409', message: 'Recipient must be specified' },
		});
	});

	it('asks to retry a 429 after Retry-After', async () => {
		jest.spyOn(clock, 'now').mockReturnValue(0);
		const { outcome } = await sendTwo(reply(429, '', { 'Retry-After': '3' }));
		expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 3000 });
	});

	it.each([
		['a 502 from a proxy', reply(502, '<html>Bad Gateway</html>')],
		['a 200 HTML page (a login page)', reply(200, '<!DOCTYPE html><html>login</html>')],
		['a 200 WebMessage that is not OK', webMessage(200, 'OK', 'WARNING', 'Something odd')],
	])('calls %s ambiguous', async (_name, canned) => {
		const { outcome } = await sendTwo(canned);
		expect(outcome.kind).toBe('ambiguous');
	});
});

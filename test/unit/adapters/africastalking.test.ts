/**
 * The Africa's Talking adapter against canned replies, as the Gupshup, SMSBox and DHIS2 adapter
 * tests do: the form it posts and to which host, how it reads each reply (per-recipient codes,
 * account refusals, rate limits, unreadable bodies) and the balance.
 */
import { africasTalking } from '../../../nodes/shared/adapters/africastalking';
import { AT_BATCH_SIZE } from '../../../nodes/shared/adapters/africastalking/send';
import type { BatchOutcome } from '../../../nodes/shared/core/adapter';
import { GatewayError } from '../../../nodes/shared/core/errors';
import { clock } from '../../../nodes/shared/helpers/clock';
import { FakeHttp, outgoing, reply } from '../../fixtures/fake-http';

const send = africasTalking.send!;
const balance = africasTalking.balance!;
const credentials = {
	username: 'sandbox',
	apiKey: 'key',
	environment: 'sandbox',
	baseUrl: 'http://127.0.0.1:8787/africastalking/',
};
const live = { username: 'acme', apiKey: 'key', environment: 'live', baseUrl: '' };
const KENYA = '+254711000001';
const KENYA_2 = '+254711000002';

/** A recipient row of a send reply, as the documentation shows it. */
function row(
	number: string,
	statusCode: number,
	status: string,
	extra: Record<string, unknown> = {},
) {
	return {
		statusCode,
		number,
		status,
		cost: statusCode === 101 ? 'KES 0.8000' : '0',
		messageId: statusCode === 101 ? `ATXid_${number.slice(-4)}` : 'None',
		messageParts: 1,
		...extra,
	};
}

function sentReply(message: string, recipients: unknown[]) {
	return reply(201, { SMSMessageData: { Message: message, Recipients: recipients } });
}

function answered(outcome: BatchOutcome) {
	if (outcome.kind !== 'answered') throw new Error(`expected answered, got ${outcome.kind}`);
	return outcome.outcomes;
}

afterEach(() => jest.restoreAllMocks());

describe("Africa's Talking send request", () => {
	it('posts one form to /version1/messaging with the recipients comma-separated', async () => {
		const http = new FakeHttp(
			sentReply('Sent to 2/2', [row(KENYA, 101, 'Success'), row(KENYA_2, 101, 'Success')]),
		);
		const messages = [
			outgoing(KENYA, { text: 'Hi', sender: 'ACME' }),
			outgoing(KENYA_2, { text: 'Hi', sender: 'ACME' }),
		];
		await send.sendBatch(http, credentials, { messages }, {});
		const request = http.only();
		expect(request.method).toBe('POST');
		expect(request.url).toBe('http://127.0.0.1:8787/africastalking/version1/messaging');
		expect(request.form).toBe(true);
		expect(request.body).toEqual({
			username: 'sandbox',
			to: `${KENYA},${KENYA_2}`,
			message: 'Hi',
			bulkSMSMode: '1',
			from: 'ACME',
		});
	});

	it('uses the live api host without a Base URL, and the sandbox host in the sandbox', async () => {
		const liveHttp = new FakeHttp(sentReply('Sent', [row(KENYA, 101, 'Success')]));
		await send.sendBatch(liveHttp, live, { messages: [outgoing(KENYA)] }, {});
		expect(liveHttp.only().url).toBe('https://api.africastalking.com/version1/messaging');
		const sandboxHttp = new FakeHttp(sentReply('Sent', [row(KENYA, 101, 'Success')]));
		await send.sendBatch(
			sandboxHttp,
			{ ...live, environment: 'sandbox' },
			{ messages: [outgoing(KENYA)] },
			{},
		);
		expect(sandboxHttp.only().url).toBe(
			'https://api.sandbox.africastalking.com/version1/messaging',
		);
	});

	it('sends premium messages to the content host with keyword, linkId and bulkSMSMode 0', async () => {
		const http = new FakeHttp(sentReply('Sent', [row(KENYA, 101, 'Success')]));
		await send.sendBatch(
			http,
			live,
			{ messages: [outgoing(KENYA)] },
			{ keyword: 'NEWS', linkId: 'link-1', enqueue: true },
		);
		const request = http.only();
		expect(request.url).toBe('https://content.africastalking.com/version1/messaging');
		expect(request.body).toEqual({
			username: 'acme',
			to: KENYA,
			message: 'Hello',
			bulkSMSMode: '0',
			keyword: 'NEWS',
			linkId: 'link-1',
			enqueue: '1',
		});
	});

	it('leaves out from when no sender is given', async () => {
		const http = new FakeHttp(sentReply('Sent', [row(KENYA, 101, 'Success')]));
		await send.sendBatch(http, credentials, { messages: [outgoing(KENYA)] }, {});
		expect(http.only().body).not.toHaveProperty('from');
	});
});

describe("Africa's Talking send reply", () => {
	it('accepts each recipient with its message id and cost, and rejects the others with their code', async () => {
		const messages = [outgoing(KENYA), outgoing(KENYA_2)];
		const http = new FakeHttp(
			sentReply('Sent to 1/2 Total Cost: KES 0.8000', [
				row(KENYA, 101, 'Success'),
				row(KENYA_2, 403, 'InvalidPhoneNumber'),
			]),
		);
		const [ok, bad] = answered(await send.sendBatch(http, credentials, { messages }, {}));
		expect(ok).toMatchObject({
			message: messages[0],
			status: 'accepted',
			messageId: 'ATXid_0001',
			cost: 0.8,
			currency: 'KES',
			error: null,
		});
		expect(ok.details).toEqual({ gatewayStatus: 'Success', statusCode: 101, messageParts: 1 });
		expect(bad).toMatchObject({
			message: messages[1],
			status: 'rejected',
			messageId: null,
			cost: null,
		});
		expect(bad.error).toMatchObject({ code: '403', message: 'InvalidPhoneNumber' });
		expect(bad.error?.explanation).toMatch(/not a valid phone number/);
	});

	it('pairs rows with messages in order when a number repeats', async () => {
		const messages = [outgoing(KENYA), outgoing(KENYA)];
		const http = new FakeHttp(
			sentReply('Sent', [
				row(KENYA, 101, 'Success', { messageId: 'first' }),
				row(KENYA, 101, 'Success', { messageId: 'second' }),
			]),
		);
		const outcomes = answered(await send.sendBatch(http, credentials, { messages }, {}));
		expect(outcomes.map((o) => [o.message.ref, o.messageId])).toEqual([
			[messages[0].ref, 'first'],
			[messages[1].ref, 'second'],
		]);
	});

	it('reads numbers written without "+"', async () => {
		const http = new FakeHttp(sentReply('Sent', [row(KENYA.slice(1), 101, 'Success')]));
		const [outcome] = answered(
			await send.sendBatch(http, credentials, { messages: [outgoing(KENYA)] }, {}),
		);
		expect(outcome.status).toBe('accepted');
	});

	it('refuses the request when no recipient was taken (InvalidSenderId), without stopping the run', async () => {
		const http = new FakeHttp(sentReply('InvalidSenderId', []));
		const outcome = await send.sendBatch(
			http,
			credentials,
			{ messages: [outgoing(KENYA, { sender: 'NOPE' })] },
			{},
		);
		expect(outcome).toMatchObject({
			kind: 'refused',
			stopsRun: false,
			error: { code: '402', message: 'InvalidSenderId' },
		});
	});

	it('stops the run on 401: every other request would be refused too', async () => {
		const http = new FakeHttp(reply(401, 'The supplied authentication is invalid'));
		const outcome = await send.sendBatch(http, credentials, { messages: [outgoing(KENYA)] }, {});
		expect(outcome).toMatchObject({
			kind: 'refused',
			stopsRun: true,
			error: { code: '401', message: 'The supplied authentication is invalid' },
		});
	});

	it('asks to retry a 429 after the Retry-After delay, and a 503', async () => {
		jest.spyOn(clock, 'now').mockReturnValue(1_000_000);
		const limited = await send.sendBatch(
			new FakeHttp(reply(429, 'Too Many Requests', { 'Retry-After': '3' })),
			credentials,
			{ messages: [outgoing(KENYA)] },
			{},
		);
		expect(limited).toMatchObject({ kind: 'retry', retryAfterMs: 3000, error: { code: '429' } });
		const unavailable = await send.sendBatch(
			new FakeHttp(reply(503, '')),
			credentials,
			{ messages: [outgoing(KENYA)] },
			{},
		);
		expect(unavailable.kind).toBe('retry');
	});

	it('refuses a 4xx with its message, for this request only', async () => {
		const http = new FakeHttp(reply(400, { SMSMessageData: { Message: 'Invalid message' } }));
		const outcome = await send.sendBatch(http, credentials, { messages: [outgoing(KENYA)] }, {});
		expect(outcome).toMatchObject({
			kind: 'refused',
			stopsRun: false,
			error: { code: '400', message: 'Invalid message' },
		});
	});

	it('calls a 500 and an unreadable 201 ambiguous: the messages may have been taken', async () => {
		for (const answer of [
			reply(500, 'Internal Server Error'),
			reply(201, '<html>oops</html>'),
			reply(201, { SMSMessageData: {} }),
		]) {
			const outcome = await send.sendBatch(
				new FakeHttp(answer),
				credentials,
				{ messages: [outgoing(KENYA)] },
				{},
			);
			expect(outcome).toMatchObject({ kind: 'ambiguous', error: { code: 'UNREADABLE_REPLY' } });
		}
	});
});

describe("Africa's Talking limits", () => {
	it('sends up to 500 recipients per request, with premium fields and without scheduling', () => {
		expect(send.limits).toMatchObject({
			maxRecipientsPerRequest: AT_BATCH_SIZE,
			premium: true,
			canSchedule: false,
			unicode: true,
			numberStyle: 'plusE164',
		});
		expect(AT_BATCH_SIZE).toBe(500);
		expect(send.sender).toBe('text');
	});

	it('puts messages in one request only when sender and text are the same', () => {
		const a = send.batchKey(outgoing(KENYA, { text: 'Hi', sender: 'ACME' }));
		expect(send.batchKey(outgoing(KENYA_2, { text: 'Hi', sender: 'ACME' }))).toBe(a);
		expect(send.batchKey(outgoing(KENYA_2, { text: 'Hi', sender: 'OTHER' }))).not.toBe(a);
		expect(send.batchKey(outgoing(KENYA_2, { text: 'Hello', sender: 'ACME' }))).not.toBe(a);
	});
});

describe("Africa's Talking balance", () => {
	it('reads GET /version1/user?username= and its currency', async () => {
		const http = new FakeHttp(reply(200, { UserData: { balance: 'KES 1785.5000' } }));
		await expect(balance.getBalance(http, credentials)).resolves.toMatchObject({
			balance: 1785.5,
			currency: 'KES',
		});
		const request = http.only();
		expect(request.method).toBe('GET');
		expect(request.url).toBe('http://127.0.0.1:8787/africastalking/version1/user');
		expect(request.qs).toEqual({ username: 'sandbox' });
	});

	it('reads a negative balance and the documented `userData` spelling', async () => {
		const http = new FakeHttp(reply(200, { userData: { balance: 'UGX -14.5731' } }));
		await expect(balance.getBalance(http, credentials)).resolves.toMatchObject({
			balance: -14.5731,
			currency: 'UGX',
		});
	});

	it('throws a GatewayError for refused credentials and for a reply without a balance', async () => {
		const refused = await balance
			.getBalance(new FakeHttp(reply(401, 'The supplied authentication is invalid')), credentials)
			.catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(GatewayError);
		expect(refused).toMatchObject({ httpStatus: 401, info: { code: '401' } });
		const odd = await balance
			.getBalance(new FakeHttp(reply(200, { UserData: {} })), credentials)
			.catch((e: unknown) => e);
		expect(odd).toBeInstanceOf(GatewayError);
		expect((odd as GatewayError).info.message).toMatch(/Unexpected balance reply/);
	});
});

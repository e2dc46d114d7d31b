import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { client, FORM, form } from './helpers';

let sim: Simulator;
let http: AxiosInstance;
const JSON_ACCEPT = { ...FORM, apiKey: 'at-sim-key', Accept: 'application/json' };

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	http = client(sim.baseUrls.africasTalking);
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

function send(fields: Record<string, string>, headers: Record<string, string> = JSON_ACCEPT) {
	return http.post('/version1/messaging', form({ username: 'sandbox', ...fields }), { headers });
}

describe("Africa's Talking send (form endpoint)", () => {
	it('answers 201 with per-recipient statusCode 101, cost and messageParts, and stores the message', async () => {
		const res = await send({ to: '+254711000001', message: 'Hello', from: 'SIMSMS' });
		expect(res.status).toBe(201);
		expect(res.headers['content-type']).toContain('application/json');
		const data = res.data.SMSMessageData;
		expect(data.Message).toBe('Sent to 1/1 Total Cost: KES 0.8000');
		expect(data.Recipients).toHaveLength(1);
		const [r] = data.Recipients;
		expect(r).toMatchObject({
			statusCode: 101,
			number: '+254711000001',
			status: 'Success',
			cost: 'KES 0.8000',
			messageParts: 1,
		});
		expect(r.messageId).toMatch(/^ATXid_[0-9a-f]{32}$/);
		const [stored] = sim.messages({ gateway: 'africasTalking' });
		expect(stored).toMatchObject({
			id: r.messageId,
			to: '+254711000001',
			text: 'Hello',
			sender: 'SIMSMS',
			segments: 1,
			encoding: 'GSM-7',
			status: 'sent',
			cost: 0.8,
			scheduledAt: null,
		});
		expect(typeof stored.requestId).toBe('number');
		expect(Date.parse(stored.acceptedAt)).not.toBeNaN();
	});

	it('answers XML when the client does not ask for JSON (the API default)', async () => {
		const res = await send(
			{ to: '+254711000001', message: 'Hi' },
			{ ...FORM, apiKey: 'at-sim-key', Accept: '*/*' },
		);
		expect(res.status).toBe(201);
		expect(res.headers['content-type']).toContain('application/xml');
		expect(res.data).toContain(
			'<AfricasTalkingResponse><SMSMessageData><Message>Sent to 1/1 Total Cost: KES 0.8000</Message>',
		);
		expect(res.data).toMatch(
			/<Recipient><statusCode>101<\/statusCode><number>\+254711000001<\/number>/,
		);
		expect(sim.messages()[0].sender).toBe('AFRICASTKNG');
	});

	it('refuses invalid and blacklisted numbers per recipient with messageId None and cost 0', async () => {
		sim.configure({ blacklist: ['+254711000009'] });
		const res = await send({ to: '+254711000001,0711000002,+254711000009,+999123', message: 'Hi' });
		expect(res.status).toBe(201);
		const recipients = res.data.SMSMessageData.Recipients;
		expect(recipients.map((r: { statusCode: number }) => r.statusCode)).toEqual([
			101, 403, 406, 403,
		]);
		expect(recipients[1]).toEqual({
			statusCode: 403,
			number: '0711000002',
			status: 'InvalidPhoneNumber',
			cost: '0',
			messageId: 'None',
			messageParts: 0,
		});
		expect(recipients[2]).toMatchObject({
			status: 'UserInBlacklist',
			messageId: 'None',
			cost: '0',
		});
		expect(res.data.SMSMessageData.Message).toBe('Sent to 1/4 Total Cost: KES 0.8000');
		expect(sim.messages()).toHaveLength(1);
	});

	it('answers 405 InsufficientBalance once the balance is spent, and "Total Cost: 0" when nothing went', async () => {
		sim.configure({ balances: { africasTalking: 1 } });
		const res = await send({ to: '+254711000001,+254711000002', message: 'Hi' });
		const recipients = res.data.SMSMessageData.Recipients;
		expect(recipients[0].statusCode).toBe(101);
		expect(recipients[1]).toMatchObject({
			statusCode: 405,
			status: 'InsufficientBalance',
			messageId: 'None',
			cost: '0',
		});
		const none = await send({ to: '+254711000003', message: 'Hi' });
		expect(none.data.SMSMessageData.Message).toBe('Sent to 0/1 Total Cost: 0');
	});

	it('charges per segment: 2 GSM-7 parts for 161 characters, 2 UCS-2 parts for 71', async () => {
		const long = await send({ to: '+254711000001', message: 'a'.repeat(161) });
		expect(long.data.SMSMessageData.Recipients[0]).toMatchObject({
			messageParts: 2,
			cost: 'KES 1.6000',
		});
		const unicode = await send({ to: '+254711000001', message: 'ü'.repeat(60) + 'ş'.repeat(11) });
		expect(unicode.data.SMSMessageData.Recipients[0]).toMatchObject({
			messageParts: 2,
			cost: 'KES 1.6000',
		});
		expect(sim.messages().map((m) => m.encoding)).toEqual(['GSM-7', 'UCS-2']);
		const balance = await http.get('/version1/user', {
			params: { username: 'sandbox' },
			headers: JSON_ACCEPT,
		});
		expect(balance.status).toBe(200);
		expect(balance.data).toEqual({ UserData: { balance: 'KES 99996.8000' } });
	});

	it('refuses an unregistered sender for the whole request (InvalidSenderId, no recipients)', async () => {
		const res = await send({ to: '+254711000001', message: 'Hi', from: 'NOTMINE' });
		expect(res.status).toBe(201);
		expect(res.data).toEqual({ SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] } });
		expect(sim.messages()).toHaveLength(0);
	});

	it('answers 401 plain text for a wrong API key or username', async () => {
		for (const [key, username] of [
			['wrong', 'sandbox'],
			['at-sim-key', 'someone'],
		]) {
			const res = await http.post(
				'/version1/messaging',
				form({ username, to: '+254711000001', message: 'x' }),
				{
					headers: { ...FORM, apiKey: key, Accept: 'application/json' },
				},
			);
			expect(res.status).toBe(401);
			expect(res.headers['content-type']).toContain('text/plain');
			expect(res.data).toBe('The supplied authentication is invalid');
		}
		expect(sim.messages()).toHaveLength(0);
	});

	it('answers 400 when a required field is missing', async () => {
		const res = await send({ message: 'Hi' });
		expect(res.status).toBe(400);
		expect(res.data).toContain("'to'");
	});

	it('refuses later sends from a sender a subscriber opted out of (406)', async () => {
		await sim.optOut({
			gateway: 'africasTalking',
			senderId: 'SIMSMS',
			phoneNumber: '+254711000001',
		});
		const res = await send({ to: '+254711000001', message: 'Hi', from: 'SIMSMS' });
		expect(res.data.SMSMessageData.Recipients[0].statusCode).toBe(406);
		const other = await send({ to: '+254711000001', message: 'Hi', from: 'AFRICASTKNG' });
		expect(other.data.SMSMessageData.Recipients[0].statusCode).toBe(101);
	});
});

describe("Africa's Talking JSON bulk endpoint", () => {
	const headers = {
		apiKey: 'at-sim-key',
		Accept: 'application/json',
		'Content-Type': 'application/json',
	};

	it('sends to phoneNumbers with the required senderId', async () => {
		const res = await http.post(
			'/version1/messaging/bulk',
			{
				username: 'sandbox',
				phoneNumbers: ['+254711000001', '+254711000002'],
				message: 'Bulk',
				senderId: 'SIMSMS',
				enqueue: 1,
			},
			{ headers },
		);
		expect(res.status).toBe(201);
		expect(res.data.SMSMessageData.Message).toBe('Sent to 2/2 Total Cost: KES 1.6000');
		expect(sim.messages().map((m) => m.to)).toEqual(['+254711000001', '+254711000002']);
	});

	it('refuses a request without senderId and answers 401 to a wrong key', async () => {
		const missing = await http.post(
			'/version1/messaging/bulk',
			{ username: 'sandbox', phoneNumbers: ['+254711000001'], message: 'x' },
			{ headers },
		);
		expect(missing.data).toEqual({
			SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] },
		});
		const denied = await http.post(
			'/version1/messaging/bulk',
			{ username: 'sandbox', phoneNumbers: ['+254711000001'], message: 'x', senderId: 'SIMSMS' },
			{ headers: { ...headers, apiKey: 'nope' } },
		);
		expect(denied.status).toBe(401);
		expect(denied.data).toBe('The supplied authentication is invalid');
	});
});

describe("Africa's Talking balance, inbox and premium subscriptions", () => {
	it('reports the balance as JSON and XML, and 401 for a wrong key', async () => {
		const json = await http.get('/version1/user?username=sandbox', { headers: JSON_ACCEPT });
		expect(json.data).toEqual({ UserData: { balance: 'KES 100000.0000' } });
		const xml = await http.get('/version1/user?username=sandbox', {
			headers: { apiKey: 'at-sim-key', Accept: '*/*' },
		});
		expect(xml.data).toContain('<UserData><balance>KES 100000.0000</balance></UserData>');
		const denied = await http.get('/version1/user?username=sandbox', { headers: { apiKey: 'x' } });
		expect(denied.status).toBe(401);
	});

	it('fetches incoming messages after lastReceivedId', async () => {
		await sim.inbound({ gateway: 'africasTalking', from: '+254711000001', text: 'first' });
		await sim.inbound({
			gateway: 'africasTalking',
			from: '+254711000002',
			text: 'second',
			to: '12345',
		});
		const all = await http.get('/version1/messaging', {
			params: { username: 'sandbox', lastReceivedId: 0 },
			headers: JSON_ACCEPT,
		});
		expect(all.status).toBe(200);
		const messages = all.data.SMSMessageData.Messages;
		expect(messages.map((m: { text: string }) => m.text)).toEqual(['first', 'second']);
		expect(messages[0]).toMatchObject({ id: 1, from: '+254711000001', to: '12345' });
		expect(typeof messages[0].linkId).toBe('string');
		const after = await http.get('/version1/messaging', {
			params: { username: 'sandbox', lastReceivedId: 1 },
			headers: JSON_ACCEPT,
		});
		expect(after.data.SMSMessageData.Messages.map((m: { id: number }) => m.id)).toEqual([2]);
	});

	it('creates, lists and deletes subscriptions on the content-host paths', async () => {
		const fields = {
			username: 'sandbox',
			shortCode: '12345',
			keyword: 'NEWS',
			phoneNumber: '+254711000001',
		};
		const headers = { ...FORM, apiKey: 'at-sim-key', Accept: 'application/json' };
		const withoutToken = await http.post('/version1/subscription/create', form(fields), {
			headers,
		});
		expect(withoutToken.status).toBe(400);
		// The checkout token comes from an open endpoint: no credentials, the phone number only.
		const tokenReply = await http.post(
			'/checkout/token/create',
			form({ phoneNumber: fields.phoneNumber }),
			{
				headers: { ...FORM, Accept: 'application/json' },
			},
		);
		expect(tokenReply.status).toBe(201);
		expect(tokenReply.data).toEqual({
			description: 'Success',
			token: expect.stringMatching(/^CkTkn_/),
		});
		const otherToken = await http.post(
			'/checkout/token/create',
			form({ phoneNumber: '+254711000009' }),
			{
				headers: FORM,
			},
		);
		const wrongNumber = await http.post(
			'/version1/subscription/create',
			form({ ...fields, checkoutToken: otherToken.data.token }),
			{ headers },
		);
		expect(wrongNumber.status).toBe(400);
		expect(wrongNumber.data).toMatchObject({
			status: 'Failed',
			description: 'Invalid checkoutToken',
		});
		const withToken = { ...fields, checkoutToken: tokenReply.data.token };
		const created = await http.post('/version1/subscription/create', form(withToken), { headers });
		expect(created.status).toBe(201);
		expect(created.data.status).toBe('Success');
		const listed = await http.get('/version1/subscription', {
			params: { username: 'sandbox', shortCode: '12345', keyword: 'NEWS', lastReceivedId: 0 },
			headers,
		});
		expect(listed.data.responses).toEqual([
			expect.objectContaining({ id: 1, phoneNumber: '+254711000001' }),
		]);
		const deleted = await http.post('/version1/subscription/delete', form(fields), { headers });
		expect(deleted.status).toBe(201);
		expect(deleted.data.status).toBe('Success');
		const again = await http.post('/version1/subscription/delete', form(fields), { headers });
		expect(again.status).toBe(400);
		expect(again.data.status).toBe('Failed');
		const used = await http.post('/version1/subscription/create', form(withToken), { headers });
		expect(used.data).toMatchObject({ status: 'Failed', description: 'Invalid checkoutToken' });
		const badKeyword = await http.post(
			'/version1/subscription/create',
			form({ ...withToken, keyword: 'OTHER' }),
			{ headers },
		);
		expect(badKeyword.status).toBe(400);
	});

	it('answers 404 for unknown paths and 405 for a wrong method', async () => {
		expect((await http.get('/version1/nothing')).status).toBe(404);
		expect((await http.delete('/version1/messaging')).status).toBe(405);
	});
});

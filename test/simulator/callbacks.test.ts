import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import type { Receiver } from './helpers';
import { basic, client, eventually, FORM, form, startReceiver } from './helpers';

let sim: Simulator;
let receiver: Receiver;
let at: AxiosInstance;
let gupshup: AxiosInstance;
let control: AxiosInstance;

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	receiver = await startReceiver();
	at = client(sim.baseUrls.africasTalking);
	gupshup = client(sim.baseUrls.gupshup);
	control = client(sim.url);
});
afterAll(async () => {
	await sim.stop();
	await receiver.close();
});
beforeEach(() => {
	sim.reset();
	receiver.requests.length = 0;
	receiver.respondWith(() => ({ status: 200 }));
	// Short backoff keeps retry tests quick; the attempt count stays the default 3.
	sim.configure({ callbackRetry: { backoffMs: 5 } });
});

function atSend(to: string, extra: Record<string, string> = {}) {
	return at.post(
		'/version1/messaging',
		form({ username: 'sandbox', to, message: 'Hi', ...extra }),
		{
			headers: { ...FORM, apiKey: 'at-sim-key', Accept: 'application/json' },
		},
	);
}

function gupshupSend(destination: string) {
	return gupshup.post(
		`/sms/v1/message/${sim.accounts.gupshup.appId}`,
		form({ destination, message: 'Oi' }),
		{
			headers: { ...FORM, Authorization: 'gs-sim-key' },
		},
	);
}

function fields(body: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(body));
}

describe("Africa's Talking callbacks (form-encoded)", () => {
	beforeEach(() => {
		sim.configure({
			callbacks: {
				africasTalking: {
					delivery: `${receiver.url}/dlr`,
					inbound: `${receiver.url}/in`,
					optout: `${receiver.url}/optout`,
					subscription: `${receiver.url}/sub`,
				},
			},
		});
	});

	it('sends a delivery report per message: Success, or Failed with a failureReason (numbers ending 0000)', async () => {
		const sent = await atSend('+254711000001,+254711110000');
		const [ok, bad] = sent.data.SMSMessageData.Recipients;
		const { attempts } = await sim.deliver({ gateway: 'africasTalking' });
		expect(attempts).toHaveLength(2);
		const reports = await receiver.waitFor(2);
		expect(
			reports.every(
				(r) => r.contentType === 'application/x-www-form-urlencoded' && r.path === '/dlr',
			),
		).toBe(true);
		const byId = Object.fromEntries(reports.map((r) => [fields(r.body).id, fields(r.body)]));
		expect(byId[ok.messageId]).toEqual({
			id: ok.messageId,
			status: 'Success',
			phoneNumber: '+254711000001',
			networkCode: '99999',
			retryCount: '0',
		});
		expect(byId[bad.messageId]).toEqual({
			id: bad.messageId,
			status: 'Failed',
			phoneNumber: '+254711110000',
			networkCode: '99999',
			failureReason: 'DeliveryFailure',
			retryCount: '0',
		});
		expect(sim.messages().map((m) => [m.status, m.failureReason])).toEqual([
			['delivered', null],
			['failed', 'DeliveryFailure'],
		]);
	});

	it('follows configured outcome rules and forced outcomes', async () => {
		sim.configure({
			outcomes: {
				rules: [
					{
						suffix: '77',
						outcome: 'rejected',
						failureReason: 'UserInBlackList',
						networkCode: '63902',
					},
				],
			},
		});
		await atSend('+254711000077,+254711000001,+254711110000');
		await sim.deliver({ to: '+254711000077' });
		expect(fields((await receiver.waitFor(1))[0].body)).toMatchObject({
			status: 'Rejected',
			failureReason: 'UserInBlackList',
			networkCode: '63902',
		});
		const seq = sim.messages({ to: '+254711000001' })[0].seq;
		await sim.deliver({ seqs: [seq], outcome: 'failed', failureReason: 'AbsentSubscriber' });
		expect(fields((await receiver.waitFor(2))[1].body)).toMatchObject({
			status: 'Failed',
			failureReason: 'AbsentSubscriber',
		});
		// The 0000 default rule is gone once rules are replaced: this one is delivered.
		await sim.deliver({ to: '+254711110000' });
		expect(fields((await receiver.waitFor(3))[2].body).status).toBe('Success');
	});

	it('sends the two-way inbound callback (linkId, text, to, id, date, from, networkCode)', async () => {
		const { attempts } = await sim.inbound({
			gateway: 'africasTalking',
			from: '+254711000111',
			text: 'Hello',
			to: '12345',
		});
		expect(attempts).toEqual([
			expect.objectContaining({ acknowledged: true, attempt: 1, kind: 'inbound' }),
		]);
		const [request] = await receiver.waitFor(1);
		const body = fields(request.body);
		expect(Object.keys(body).sort()).toEqual([
			'date',
			'from',
			'id',
			'linkId',
			'networkCode',
			'text',
			'to',
		]);
		expect(body).toMatchObject({
			from: '+254711000111',
			text: 'Hello',
			to: '12345',
			networkCode: '99999',
		});
		expect(body.date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	});

	it('fails a premium reply with an unknown linkId (InvalidLinkId) and delivers one with a real linkId', async () => {
		const { inbound } = await sim.inbound({
			gateway: 'africasTalking',
			from: '+254711000111',
			text: 'NEWS',
		});
		receiver.requests.length = 0;
		await atSend('+254711000111', {
			from: '12345',
			keyword: 'NEWS',
			linkId: 'not-a-link',
			bulkSMSMode: '0',
		});
		await atSend('+254711000111', {
			from: '12345',
			keyword: 'NEWS',
			linkId: String(inbound.linkId),
			bulkSMSMode: '0',
		});
		await sim.deliver();
		const reports = (await receiver.waitFor(2)).map((r) => fields(r.body));
		expect(reports.map((r) => [r.status, r.failureReason])).toEqual([
			['Failed', 'InvalidLinkId'],
			['Success', undefined],
		]);
		expect(sim.messages()[1]).toMatchObject({ premium: true, keyword: 'NEWS', bulkSMSMode: '0' });
	});

	it('sends opt-out (senderId, phoneNumber) and subscription (phoneNumber, shortCode, keyword, updateType) notifications', async () => {
		await sim.optOut({
			gateway: 'africasTalking',
			senderId: 'SIMSMS',
			phoneNumber: '+254711000001',
		});
		await sim.optOut({
			gateway: 'africasTalking',
			phoneNumber: '+254711000002',
			updateType: 'addition',
			shortCode: '12345',
			keyword: 'NEWS',
		});
		const [optout, subscription] = await receiver.waitFor(2);
		expect(optout.path).toBe('/optout');
		expect(fields(optout.body)).toEqual({ senderId: 'SIMSMS', phoneNumber: '+254711000001' });
		expect(subscription.path).toBe('/sub');
		expect(fields(subscription.body)).toEqual({
			phoneNumber: '+254711000002',
			shortCode: '12345',
			keyword: 'NEWS',
			updateType: 'addition',
		});
	});

	it('retries a report that is not acknowledged (non-2xx), a bounded number of times', async () => {
		receiver.respondWith((_req, i) => ({ status: i < 1 ? 500 : 200 }));
		await atSend('+254711000001');
		const { attempts } = await sim.deliver();
		expect(attempts.map((a) => [a.attempt, a.status, a.acknowledged, a.final])).toEqual([
			[1, 500, false, false],
			[2, 200, true, true],
		]);
		receiver.respondWith(() => ({ status: 503 }));
		sim.configure({ callbackRetry: { attempts: 4 } });
		await atSend('+254711000002');
		const retried = await sim.deliver();
		expect(retried.attempts).toHaveLength(4);
		expect(retried.attempts.every((a) => !a.acknowledged)).toBe(true);
		expect(retried.attempts[3].final).toBe(true);
	});

	it('delivers by itself after autoDeliverMs', async () => {
		sim.configure({ autoDeliverMs: 20 });
		await atSend('+254711000001');
		const [report] = await receiver.waitFor(1);
		expect(fields(report.body).status).toBe('Success');
		await eventually(() => sim.messages()[0].status === 'delivered');
	});
});

describe('Gupshup webhook events (JSON, one URL)', () => {
	beforeEach(() => {
		sim.configure({ callbacks: { gupshup: { events: `${receiver.url}/gupshup` } } });
	});

	it('posts enqueued at submission, then sent and delivered (or failed), one event per POST', async () => {
		const ok = await gupshupSend('5511987654321');
		const bad = await gupshupSend('5511987650000');
		await receiver.waitFor(2);
		await sim.deliver();
		const events = (await receiver.waitFor(6)).map((r) => JSON.parse(r.body));
		expect(receiver.requests.every((r) => r.contentType === 'application/json')).toBe(true);
		const forOk = events.filter((e) => e.messageId === ok.data.messageId);
		expect(forOk.map((e) => e.status)).toEqual(['enqueued', 'sent', 'delivered']);
		expect(forOk[0]).toEqual({
			destination: '5511987654321',
			messageId: ok.data.messageId,
			ts: expect.stringMatching(/^\d{13}$/),
			status: 'enqueued',
		});
		expect(events.filter((e) => e.messageId === bad.data.messageId).map((e) => e.status)).toEqual([
			'enqueued',
			'sent',
			'failed',
		]);
	});

	it('treats a 2xx with a non-empty body as not acknowledged and retries it', async () => {
		receiver.respondWith(() => ({ status: 200, body: 'OK' }));
		await gupshupSend('5511987654321');
		await receiver.waitFor(3);
		const log = await eventually(() => {
			const entries = sim.callbacks({ gateway: 'gupshup' });
			return entries.length === 3 ? entries : null;
		});
		expect(log.map((a) => [a.attempt, a.acknowledged, a.final, a.responseBody])).toEqual([
			[1, false, false, 'OK'],
			[2, false, false, 'OK'],
			[3, false, true, 'OK'],
		]);
	});

	it('posts an inbound SMS in the WhatsApp-style shape (type "message")', async () => {
		await sim.inbound({ gateway: 'gupshup', from: '5511987654321', text: 'Oi', name: 'Ana' });
		const payload = JSON.parse((await receiver.waitFor(1))[0].body);
		expect(payload).toMatchObject({
			app: 'SimApp',
			version: 2,
			type: 'message',
			payload: {
				source: '5511987654321',
				type: 'text',
				payload: { text: 'Oi' },
				sender: {
					phone: '5511987654321',
					name: 'Ana',
					country_code: '55',
					dial_code: '11987654321',
				},
			},
		});
		expect(typeof payload.timestamp).toBe('number');
	});
});

describe('SMSBox two-way callback', () => {
	beforeEach(() => {
		sim.configure({ callbacks: { smsBox: { inbound: `${receiver.url}/smsbox` } } });
	});

	it('posts the nested JSON and is satisfied by {transaction_id, successful: true}', async () => {
		receiver.respondWith((req) => ({
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify({
				transaction_id: JSON.parse(req.body).transaction_id,
				successful: true,
			}),
		}));
		const { attempts } = await sim.inbound({
			gateway: 'smsBox',
			from: '255701000000',
			text: 'Test message',
		});
		expect(attempts).toHaveLength(1);
		expect(attempts[0].acknowledged).toBe(true);
		const payload = JSON.parse(receiver.requests[0].body);
		expect(payload).toEqual({
			from: '255701000000',
			to: '255701000001',
			channel: 'sms',
			timeUTC: expect.stringMatching(
				/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/,
			),
			transaction_id: expect.stringMatching(/^[0-9a-f]{14}$/),
			message: { text: 'Test message', media: { mediaUrl: '' }, custom: {} },
			billing: { currency: 'TZS', subscriber_price: '0.00', billing_price: '0.00' },
		});
	});

	it('retries when the answer is not the expected acknowledgement', async () => {
		receiver.respondWith((req, i) => ({
			status: 200,
			contentType: 'application/json',
			body:
				i === 0
					? JSON.stringify({ transaction_id: 'other', successful: true })
					: JSON.stringify({
							transaction_id: JSON.parse(req.body).transaction_id,
							successful: true,
						}),
		}));
		const { attempts } = await sim.inbound({
			gateway: 'smsBox',
			from: '255701000000',
			text: 'again',
		});
		expect(attempts.map((a) => a.acknowledged)).toEqual([false, true]);
		receiver.respondWith(() => ({ status: 200, body: '{"successful": "true"}' }));
		const refused = await sim.inbound({ gateway: 'smsBox', from: '255701000000', text: 'third' });
		expect(refused.attempts.map((a) => a.acknowledged)).toEqual([false, false, false]);
	});
});

describe('DHIS2 inbound callback', () => {
	it('posts DHIS2 inbound JSON and stores the SMS in DHIS2', async () => {
		sim.configure({ callbacks: { dhis2: { inbound: `${receiver.url}/dhis2` } } });
		const { attempts } = await sim.inbound({
			gateway: 'dhis2',
			from: '+4740000000',
			text: 'VISIT 12',
		});
		expect(attempts[0].acknowledged).toBe(true);
		const payload = JSON.parse(receiver.requests[0].body);
		expect(Object.keys(payload).sort()).toEqual([
			'gatewayid',
			'originator',
			'receiveddate',
			'sentdate',
			'smsencoding',
			'smsstatus',
			'text',
		]);
		expect(payload).toMatchObject({
			text: 'VISIT 12',
			originator: '+4740000000',
			smsencoding: 'ENC7BIT',
			smsstatus: 'INCOMING',
		});
		const list = await client(sim.baseUrls.dhis2).get('/api/sms/inbound?fields=text', {
			headers: { Authorization: basic('admin', 'district') },
		});
		expect(list.data.inboundsmss).toEqual([{ text: 'VISIT 12' }]);
	});
});

describe('control API over HTTP for callbacks', () => {
	it('logs every attempt with what was sent and received', async () => {
		sim.configure({ callbacks: { africasTalking: { optout: `${receiver.url}/o` } } });
		receiver.respondWith(() => ({ status: 200, body: 'thanks' }));
		const res = await control.post('/sim/optout', {
			gateway: 'africasTalking',
			senderId: 'SIMSMS',
			phoneNumber: '+254711000001',
			wait: true,
		});
		expect(res.status).toBe(200);
		expect(res.data.attempts).toHaveLength(1);
		const log = (await control.get('/sim/callbacks', { params: { gateway: 'africasTalking' } }))
			.data.callbacks;
		expect(log[0]).toMatchObject({
			gateway: 'africasTalking',
			kind: 'optout',
			url: `${receiver.url}/o`,
			contentType: 'application/x-www-form-urlencoded',
			body: 'senderId=SIMSMS&phoneNumber=%2B254711000001',
			status: 200,
			responseBody: 'thanks',
			attempt: 1,
			acknowledged: true,
			final: true,
		});
	});

	it('POST /sim/deliver with wait returns the attempts; with no URL configured nothing is posted', async () => {
		await atSend('+254711000001');
		const res = await control.post('/sim/deliver', { gateway: 'africasTalking', wait: true });
		expect(res.data.delivered).toBe(1);
		expect(res.data.attempts).toEqual([]);
		expect(res.data.messages[0].status).toBe('delivered');
		expect(receiver.requests).toHaveLength(0);
	});

	it('reports a callback target that is down as an error, retried', async () => {
		const down = await startReceiver();
		const url = down.url;
		await down.close();
		sim.configure({ callbacks: { dhis2: { inbound: url } } });
		const { attempts } = await sim.inbound({ gateway: 'dhis2', from: '+4740000000', text: 'x' });
		expect(attempts).toHaveLength(3);
		expect(attempts[0]).toMatchObject({ status: null, acknowledged: false });
		expect(attempts[0].error).toMatch(/ECONNREFUSED/);
	});
});

import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { basic, client } from './helpers';

let sim: Simulator;
let http: AxiosInstance;
const AUTH = basic('sb-sim-key', 'sb-sim-secret');
const JSON_HEADERS = { Authorization: AUTH, 'Content-Type': 'application/json' };
const BASE = '/api/sms/v1';

beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
	http = client(sim.baseUrls.smsBox);
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

function body(overrides: Record<string, unknown> = {}) {
	return {
		source_addr: 'SMSBOX',
		schedule_time: '',
		encoding: '0',
		message: 'Hello [{RECEIVERNAME}]',
		recipients: [
			{ recipient_name: 'Alex', dest_addr: '+22671625142' },
			{ recipient_name: 'Thomas', dest_addr: '255700000011' },
		],
		...overrides,
	};
}

function send(payload: unknown, headers: Record<string, string> = JSON_HEADERS) {
	return http.post(`${BASE}/send_sms`, payload, { headers });
}

/** "yyyy-mm-dd hh:mm" (GMT) at the simulator clock plus `hours`. */
function scheduleIn(hours: number): string {
	const now = Date.parse(sim.advance(0).now);
	return new Date(now + hours * 3600000).toISOString().slice(0, 16).replace('T', ' ');
}

function change(
	params: Record<string, string>,
	headers: Record<string, string> = { Authorization: AUTH },
) {
	return http.get(`${BASE}/change_sms_info`, { params, headers });
}

async function expectError(
	promise: Promise<{ status: number; data: unknown }>,
	code: number,
	status = 400,
) {
	const res = await promise;
	expect(res.status).toBe(status);
	expect((res.data as { code: number }).code).toBe(code);
}

describe('SMSBox send_sms', () => {
	it('accepts JSON, substitutes [{RECEIVERNAME}] and answers one message_id for all recipients', async () => {
		const res = await send(body());
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			status: true,
			code: 200,
			message: 'Message Scheduled Successfully',
			data: expect.any(String),
		});
		expect(res.data.data).toMatch(/^message_id:sms-\d{14}[0-9a-f]{20}$/);
		const id = res.data.data.slice('message_id:'.length);
		const stored = sim.messages({ gateway: 'smsBox' });
		expect(stored.map((m) => [m.id, m.to, m.text, m.recipientName, m.status])).toEqual([
			[id, '+22671625142', 'Hello Alex', 'Alex', 'sent'],
			[id, '255700000011', 'Hello Thomas', 'Thomas', 'sent'],
		]);
	});

	it('accepts the XML body of the seed (no <encoding>, quoted names kept literally)', async () => {
		const xml =
			'<sms><source_addr>SMSBOX</source_addr><schedule_time /><message>Hello [{RECEIVERNAME}] &amp; co</message><recipients>' +
			'<recipient><recipient_name>"Ibrahim"</recipient_name><dest_addr>+22671625142</dest_addr></recipient>' +
			'<recipient><recipient_name>"Jose"</recipient_name><dest_addr>255600000002</dest_addr></recipient></recipients></sms>';
		const res = await send(xml, { Authorization: AUTH, 'Content-Type': 'application/xml' });
		expect(res.status).toBe(200);
		expect(res.data.code).toBe(200);
		expect(sim.messages().map((m) => m.text)).toEqual([
			'Hello "Ibrahim" & co',
			'Hello "Jose" & co',
		]);
	});

	it('answers 400 without an Authorization header and 401 code 120 for wrong credentials', async () => {
		const none = await send(body(), { 'Content-Type': 'application/json' });
		expect(none.status).toBe(400);
		expect(none.data).toEqual({ error: 'No authorization headers' });
		// The header-table names alone are not Basic authentication.
		const headersOnly = await send(body(), {
			'Content-Type': 'application/json',
			'api-key': 'sb-sim-key',
			'api-secret': 'sb-sim-secret',
		});
		expect(headersOnly.status).toBe(400);
		const wrong = await send(body(), {
			'Content-Type': 'application/json',
			Authorization: basic('sb-sim-key', 'nope'),
		});
		expect(wrong.status).toBe(401);
		expect(wrong.data).toEqual({ code: 120, message: 'Invalid Authentication Parameters' });
		expect(sim.messages()).toHaveLength(0);
	});

	it('answers 113 for bodies that are neither JSON nor XML or do not parse', async () => {
		await expectError(
			send('source_addr=SMSBOX', {
				Authorization: AUTH,
				'Content-Type': 'application/x-www-form-urlencoded',
			}),
			113,
		);
		await expectError(send('{"source_addr":', JSON_HEADERS), 113);
		await expectError(
			send('<sms><message>hi</sms>', { Authorization: AUTH, 'Content-Type': 'application/xml' }),
			113,
		);
	});

	it('validates each field with its documented code', async () => {
		await expectError(send(body({ recipients: undefined })), 119);
		await expectError(send(body({ recipients: [] })), 115);
		await expectError(send(body({ recipients: [{ recipient_name: 'A' }] })), 115);
		await expectError(send(body({ source_addr: '' })), 104);
		await expectError(send(body({ message: '' })), 109);
		await expectError(send(body({ encoding: 8 })), 118);
		await expectError(
			send(body({ recipients: [{ recipient_name: 'A', dest_addr: '12ab' }] })),
			101,
		);
		await expectError(send(body({ message: 'Habari 😀' })), 110);
		await expectError(send(body({ source_addr: 'UNKNOWN' })), 111);
		await expectError(send(body({ schedule_time: '2030/01/01 10:00' })), 117);
		await expectError(send(body({ schedule_time: '2020-01-01 10:00' })), 112);
		expect(sim.messages()).toHaveLength(0);
	});

	it('answers the documented 111 body exactly', async () => {
		const res = await send(body({ source_addr: 'INFO' }));
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ code: 111, message: 'Invalid Sender Id' });
	});

	it('takes at most 1000 recipients (114 above)', async () => {
		const recipients = (n: number) =>
			Array.from({ length: n }, (_, i) => ({
				recipient_name: `R${i}`,
				dest_addr: `+2557000${String(i).padStart(5, '0')}`,
			}));
		await expectError(send(body({ recipients: recipients(1001) })), 114);
		const ok = await send(body({ recipients: recipients(1000) }));
		expect(ok.status).toBe(200);
		expect(sim.messages()).toHaveLength(1000);
	});

	it('falls in balance by cost per segment, and refuses with 102 when it cannot pay', async () => {
		const read = async () =>
			(await http.get(`${BASE}/query_sms_balance`, { headers: { Authorization: AUTH } })).data;
		expect(await read()).toEqual({
			status: true,
			code: 200,
			message: 'Operation processed successfully',
			data: [{ balance_money: 5000000 }],
		});
		// 161 septets = 2 parts (153 + 8) for each of the 2 recipients, 20 per part.
		await send(body({ message: 'x'.repeat(161) }));
		expect((await read()).data[0].balance_money).toBe(5000000 - 80);
		sim.configure({ balances: { smsBox: 30 } });
		await expectError(send(body({ message: 'short' })), 102);
	});

	it('answers 401 code 120 with the "Authorization" wording on query_sms_balance', async () => {
		const res = await http.get(`${BASE}/query_sms_balance`, {
			headers: { Authorization: basic('x', 'y') },
		});
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ code: 120, message: 'Invalid Authorization Parameters' });
	});
});

describe('SMSBox scheduled messages and change_sms_info', () => {
	async function scheduleOne(hours = 2) {
		const res = await send(
			body({
				schedule_time: scheduleIn(hours),
				recipients: [{ recipient_name: 'Alex', dest_addr: '+22671625142' }],
			}),
		);
		expect(res.status).toBe(200);
		return res.data.data.slice('message_id:'.length) as string;
	}

	it('keeps a scheduled message until its time, then sends it', async () => {
		const id = await scheduleOne(2);
		const [record] = sim.messages();
		expect(record.status).toBe('scheduled');
		expect(record.scheduledAt).not.toBeNull();
		expect((await sim.deliver()).records).toHaveLength(0);
		expect(sim.advance(3600000).wentOut).toBe(0);
		expect(sim.advance(3600000).wentOut).toBe(1);
		expect(sim.messages({ id })[0].status).toBe('sent');
		expect((await sim.deliver()).records).toHaveLength(1);
	});

	it('suspends, resumes, reschedules and edits before the message goes out', async () => {
		const id = await scheduleOne(2);
		const suspended = await change({
			message_id: id,
			scheduled_status: '0',
			schedule_time: '',
			source_addr: '',
			message: '',
		});
		expect(suspended.status).toBe(200);
		expect(suspended.data).toEqual({
			status: true,
			code: 200,
			message: `Message ${id} Updated Successfully!`,
			data: `message_id:${id}`,
		});
		expect(sim.messages()[0].status).toBe('suspended');
		sim.configure({ senderNames: { ALERTS: 'approved' } });
		const edited = await change({
			message_id: id,
			scheduled_status: '1',
			schedule_time: scheduleIn(5),
			source_addr: 'ALERTS',
			message: 'Bye [{RECEIVERNAME}], see you',
		});
		expect(edited.data.code).toBe(200);
		const [record] = sim.messages();
		expect(record).toMatchObject({
			status: 'scheduled',
			sender: 'ALERTS',
			text: 'Bye Alex, see you',
		});
		expect(sim.advance(3 * 3600000).wentOut).toBe(0);
		expect(sim.advance(3 * 3600000).wentOut).toBe(1);
		// Once it went out, it can no longer be changed: "not found" with HTTP 200.
		const late = await change({ message_id: id, scheduled_status: '0' });
		expect(late.status).toBe(200);
		expect(late.data).toEqual({ status: true, code: 403, message: `Message ${id} not found` });
	});

	it('stays suspended past its time and goes out at once when resumed late', async () => {
		const id = await scheduleOne(1);
		await change({ message_id: id, scheduled_status: '0' });
		sim.advance(2 * 3600000);
		expect(sim.messages()[0].status).toBe('suspended');
		await change({ message_id: id, scheduled_status: '1' });
		expect(sim.messages()[0].status).toBe('sent');
	});

	it('re-prices an edited text (more segments cost more)', async () => {
		const id = await scheduleOne(2);
		const before = sim.stats().balances.smsBox;
		await change({ message_id: id, message: 'y'.repeat(200) });
		expect(sim.messages()[0]).toMatchObject({ segments: 2, cost: 40 });
		expect(sim.stats().balances.smsBox).toBe(before - 20);
	});

	it('answers "not found" as HTTP 200 code 403 and validates the new values', async () => {
		const missing = await change({ message_id: 'sms-0000' });
		expect(missing.status).toBe(200);
		expect(missing.data).toEqual({
			status: true,
			code: 403,
			message: 'Message sms-0000 not found',
		});
		const id = await scheduleOne(2);
		await expectError(change({ message_id: id, schedule_time: '2020-01-01 00:00' }), 112);
		await expectError(change({ message_id: id, schedule_time: 'tomorrow' }), 117);
		await expectError(change({ message_id: id, source_addr: 'NOPE' }), 111);
		await expectError(change({ message_id: id, message: 'Привет' }), 110);
		await expectError(change({}), 104);
		await expectError(change({ message_id: id, scheduled_status: '2' }), 113);
		const noAuth = await http.get(`${BASE}/change_sms_info`, { params: { message_id: id } });
		expect(noAuth.status).toBe(400);
		const wrong = await change({ message_id: id }, { Authorization: basic('a', 'b') });
		expect(wrong.data).toEqual({ code: 120, message: 'Invalid Authentication Parameters' });
	});
});

describe('SMSBox routing', () => {
	it('answers 404 for unknown endpoints and 405 for a wrong method (change_sms_info is GET only)', async () => {
		expect((await http.get(`${BASE}/nothing`, { headers: { Authorization: AUTH } })).status).toBe(
			404,
		);
		const wrong = await http.post(
			`${BASE}/change_sms_info`,
			{ message_id: 'x' },
			{ headers: JSON_HEADERS },
		);
		expect(wrong.status).toBe(405);
	});
});

describe('SMSBox sender names', () => {
	const post = (payload: unknown, headers: Record<string, string> = JSON_HEADERS) =>
		http.post(`${BASE}/request_sender_name`, payload, { headers });
	const query = (params: Record<string, string> = {}) =>
		http.get(`${BASE}/query_sender_names`, { params, headers: { Authorization: AUTH } });

	it('lists the approved default sender name', async () => {
		const res = await query();
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			status: true,
			code: 200,
			message: 'Message Scheduled Successfully',
		});
		expect(res.data.data).toEqual([
			{
				id: '1',
				sending_name: 'SMSBOX',
				status: 'approved',
				created: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
			},
		]);
	});

	it('creates requests as pending; /sim/config approves or rejects them', async () => {
		const created = await post({
			senderid: 'MYBRAND',
			sample_content: 'Order updates for our shop customers',
		});
		expect(created.status).toBe(200);
		expect(created.data).toEqual({
			status: true,
			code: 200,
			message: 'SenderID 2 created Successfully',
			data: '[]',
		});
		expect(
			(await query({ status: 'pending' })).data.data.map(
				(n: { sending_name: string }) => n.sending_name,
			),
		).toEqual(['MYBRAND']);
		expect((await query({ q: 'shop' })).data.data).toHaveLength(1);
		await expectError(send(body({ source_addr: 'MYBRAND' })), 111);
		sim.configure({ senderNames: { MYBRAND: 'approved' } });
		expect((await send(body({ source_addr: 'MYBRAND' }))).status).toBe(200);
		sim.configure({ senderNames: { MYBRAND: 'rejected' } });
		expect((await query({ status: 'rejected' })).data.data).toHaveLength(1);
		await expectError(send(body({ source_addr: 'MYBRAND' })), 111);
	});

	it('answers 121/122/124 as HTTP 409 with the data wrapper', async () => {
		const sample = 'Sample content long enough';
		const tooLong = await post({ senderid: 'ABCDEFGHIJKL', sample_content: sample });
		expect(tooLong.status).toBe(409);
		expect(tooLong.data).toEqual({
			data: { code: 121, message: expect.stringContaining('Should Not Exceed 11 Characters') },
		});
		expect((await post({ senderid: 'BAD@NAME', sample_content: sample })).data.data.code).toBe(121);
		const duplicate = await post({ senderid: 'smsBox', sample_content: sample });
		expect(duplicate.status).toBe(409);
		expect(duplicate.data).toEqual({
			data: { code: 122, message: 'Senderid exist, please try another one' },
		});
		const long = await post({ senderid: 'NEWNAME', sample_content: 'x'.repeat(171) });
		expect(long.data).toEqual({
			data: { code: 124, message: 'Sender Name sample content should not exceed 170 characters' },
		});
		const short = await post({ senderid: 'NEWNAME', sample_content: 'too short' });
		expect(short.status).toBe(409);
		expect(short.data.data.code).toBe(124);
	});

	it('accepts an XML request and checks credentials with each endpoint wording', async () => {
		const xml =
			'<sender><senderid>XMLNAME</senderid><sample_content>Reminders for clinic visits</sample_content></sender>';
		expect(
			(await post(xml, { Authorization: AUTH, 'Content-Type': 'application/xml' })).status,
		).toBe(200);
		const denied = await post(
			{ senderid: 'X', sample_content: 'y'.repeat(20) },
			{ 'Content-Type': 'application/json', Authorization: basic('a', 'b') },
		);
		expect(denied.data).toEqual({ code: 120, message: 'Invalid Authentication Parameters' });
		const listDenied = await http.get(`${BASE}/query_sender_names`, {
			headers: { Authorization: basic('a', 'b') },
		});
		expect(listDenied.data).toEqual({ code: 120, message: 'Invalid Authorization Parameters' });
	});
});

/** Change Scheduled SMS (SMSBox) inside n8n's engine, against the simulator over loopback. */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { OnError } from '../../harness/engine';
import { buildWorkflow, runNode } from '../../harness/engine';
import { send } from '../../fixtures/send-sms';
import type { SimFixture } from '../../fixtures/simulator';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();
const HOUR = 3_600_000;

/** A time `ms` from now, on a whole minute (SMSBox schedules to the minute). */
function minuteFromNow(ms: number): Date {
	const at = new Date(Date.now() + ms);
	at.setUTCSeconds(0, 0);
	return at;
}

/** Schedules an SMSBox message through the Send SMS node and returns the id it output. */
async function schedule(to = '+255700000001', text = 'Clinic tomorrow'): Promise<string> {
	const { json } = await send(fx.get(), {
		gateway: 'smsBox',
		from: 'SMSBOX',
		to,
		message: text,
		options: { scheduleTime: minuteFromNow(3 * HOUR).toISOString() },
	});
	expect(json[0].status).toBe('accepted');
	return json[0].messageId as string;
}

async function change(
	operation: 'suspend' | 'resume' | 'reschedule' | 'edit',
	parameters: IDataObject,
	extra: { items?: IDataObject[]; onError?: OnError; credentials?: SimFixture['credentials'] } = {},
) {
	return await runNode({
		type: 'changeScheduledSms',
		parameters: { gateway: 'smsBox', resource: 'scheduledMessage', operation, ...parameters },
		credentials: extra.credentials ?? fx.get().credentials,
		items: extra.items,
		onError: extra.onError,
	});
}

const stored = (id: string) => fx.get().sim.messages({ gateway: 'smsBox', id });
const changeCalls = () =>
	fx.get().sim.stats().requests.byGateway.smsBox.byEndpoint['GET /api/sms/v1/change_sms_info'] ?? 0;

describe('Change Scheduled SMS: suspend and resume', () => {
	it('suspends a scheduled message, then resumes it', async () => {
		const id = await schedule();
		const suspended = await change('suspend', { messageId: id });
		expect(suspended.json[0]).toMatchObject({
			gateway: 'smsBox',
			messageId: id,
			operation: 'suspend',
			message: `Message ${id} Updated Successfully!`,
		});
		expect(stored(id)[0].status).toBe('suspended');

		const resumed = await change('resume', { messageId: id });
		expect(resumed.json[0]).toMatchObject({
			operation: 'resume',
			message: `Message ${id} Updated Successfully!`,
		});
		expect(stored(id)[0].status).toBe('scheduled');
	});

	it('keeps a suspended message from going out when its time comes', async () => {
		const id = await schedule();
		await change('suspend', { messageId: id });
		fx.get().sim.advance(4 * HOUR);
		expect(stored(id)[0].status).toBe('suspended');
	});

	it('accepts the id with the "message_id:" prefix SMSBox writes', async () => {
		const id = await schedule();
		const { json } = await change('suspend', { messageId: `message_id:${id}` });
		expect(json[0].messageId).toBe(id);
		expect(stored(id)[0].status).toBe('suspended');
	});

	it('changes every recipient of the request, since they share the id', async () => {
		const id = await schedule('+255700000001,+255700000002');
		await change('suspend', { messageId: id });
		expect(stored(id).map((m) => m.status)).toEqual(['suspended', 'suspended']);
	});
});

describe('Change Scheduled SMS: reschedule', () => {
	it('moves the message to a new time, given as an ISO date', async () => {
		const id = await schedule();
		const at = minuteFromNow(5 * HOUR);
		const { json } = await change('reschedule', { messageId: id, newTime: at.toISOString() });
		const smsBoxTime = at.toISOString().slice(0, 16).replace('T', ' ');
		expect(json[0]).toMatchObject({
			operation: 'reschedule',
			scheduleTime: smsBoxTime,
			scheduledAt: at.toISOString(),
		});
		expect(new Date(stored(id)[0].scheduledAt!).toISOString()).toBe(at.toISOString());
	});

	it("reads a picker value without an offset in the workflow's time zone", async () => {
		const id = await schedule();
		const zone = buildWorkflow([]).timezone;
		const local = DateTime.now().setZone(zone).plus({ hours: 6 }).startOf('minute');
		const { json } = await change('reschedule', {
			messageId: id,
			newTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
		});
		expect(json[0].scheduledAt).toBe(local.toUTC().toISO());
		expect(new Date(stored(id)[0].scheduledAt!).toISOString()).toBe(local.toUTC().toISO());
	});

	it("reads SMSBox's own yyyy-mm-dd hh:mm as GMT+0, and a Luxon date from an expression", async () => {
		const id = await schedule();
		const at = minuteFromNow(7 * HOUR);
		const smsBoxTime = at.toISOString().slice(0, 16).replace('T', ' ');
		await change('reschedule', { messageId: id, newTime: smsBoxTime });
		expect(new Date(stored(id)[0].scheduledAt!).toISOString()).toBe(at.toISOString());

		const { json } = await change('reschedule', {
			messageId: id,
			newTime: '={{ $now.plus({ hours: 8 }).startOf("minute") }}',
		});
		expect(Date.parse(json[0].scheduledAt as string) - Date.now()).toBeGreaterThan(7.9 * HOUR);
		expect(stored(id)[0].scheduledAt).toBe(json[0].scheduledAt);
	});

	it.each([
		[
			'a time in the past',
			() => new Date(Date.now() - HOUR).toISOString(),
			'SCHEDULE_IN_PAST',
			/not in the future/,
		],
		[
			'the current minute',
			() => minuteFromNow(0).toISOString(),
			'SCHEDULE_IN_PAST',
			/not in the future/,
		],
		[
			'text that is not a date',
			() => 'next tuesday',
			'INVALID_SCHEDULE_TIME',
			/is not a date and time/,
		],
	])('refuses %s before calling SMSBox', async (_label, value, code, message) => {
		const id = await schedule();
		const { items } = await change(
			'reschedule',
			{ messageId: id, newTime: value() },
			{ onError: 'continueRegularOutput' },
		);
		expect(items[0].json).toMatchObject({
			error: expect.stringMatching(message),
			details: { code },
		});
		expect(changeCalls()).toBe(0);
	});

	it("shows SMSBox's code 112 when its clock says the new time has passed", async () => {
		const id = await schedule();
		// The simulator's clock runs two hours ahead of n8n's: n8n's "in one hour" is SMSBox's past.
		fx.get().sim.advance(2 * HOUR);
		const { error } = await change('reschedule', {
			messageId: id,
			newTime: minuteFromNow(HOUR).toISOString(),
		});
		expect(error?.message).toBe('The message cannot be scheduled for a date/time in the past');
		expect(error?.description).toMatch(/new time is in the past/);
	});
});

describe('Change Scheduled SMS: edit', () => {
	it('changes the text, keeping the per-recipient name', async () => {
		const { json: sent } = await send(fx.get(), {
			gateway: 'smsBox',
			from: 'SMSBOX',
			to: '+255700000001',
			message: 'Hello [{RECEIVERNAME}]',
			recipientName: 'Asha',
			options: { scheduleTime: minuteFromNow(3 * HOUR).toISOString() },
		});
		const id = sent[0].messageId as string;
		const { json } = await change('edit', {
			messageId: id,
			newText: 'Dear [{RECEIVERNAME}], the clinic moved to Friday',
		});
		expect(json[0]).toMatchObject({
			operation: 'edit',
			text: 'Dear [{RECEIVERNAME}], the clinic moved to Friday',
		});
		expect(stored(id)[0].text).toBe('Dear Asha, the clinic moved to Friday');
	});

	it('changes the sender to another approved name, and both at once', async () => {
		fx.get().sim.configure({ senderNames: { CLINIC: 'approved' } });
		const id = await schedule();
		await change('edit', { messageId: id, newSender: 'CLINIC' });
		expect(stored(id)[0]).toMatchObject({ sender: 'CLINIC', text: 'Clinic tomorrow' });
		const { json } = await change('edit', {
			messageId: id,
			newSender: 'SMSBOX',
			newText: 'Clinic on Friday',
		});
		expect(json[0]).toMatchObject({ sender: 'SMSBOX', text: 'Clinic on Friday' });
		expect(stored(id)[0]).toMatchObject({ sender: 'SMSBOX', text: 'Clinic on Friday' });
	});

	it.each([
		['nothing to change', {}, 'NOTHING_TO_CHANGE'],
		['Unicode text', { newText: 'Karibu – kesho' }, 'UNICODE_NOT_SUPPORTED'],
		['a sender name SMSBox cannot have', { newSender: 'CLINIC_OF_TANZANIA' }, 'SENDER_INVALID'],
	])('refuses %s before calling SMSBox', async (_label, parameters, code) => {
		const id = await schedule();
		const { items } = await change(
			'edit',
			{ messageId: id, newText: '', newSender: '', ...parameters },
			{ onError: 'continueRegularOutput' },
		);
		expect(items[0].json).toMatchObject({ details: { code } });
		expect(changeCalls()).toBe(0);
	});

	it("shows SMSBox's code 111 for a sender name that is not approved", async () => {
		fx.get().sim.configure({ senderNames: { WAITING: 'pending' } });
		const id = await schedule();
		const { error } = await change('edit', { messageId: id, newSender: 'WAITING' });
		expect(error?.message).toBe('Invalid Sender Id');
		expect(error?.description).toMatch(/not approved/);
		expect(stored(id)[0].sender).toBe('SMSBOX');
	});

	it("shows SMSBox's code 102 when a longer text costs more than the balance", async () => {
		const id = await schedule();
		fx.get().sim.configure({ balances: { smsBox: 0 } });
		const { error } = await change('edit', { messageId: id, newText: 'x'.repeat(400) });
		expect(error?.message).toBe('Insufficient balance');
		expect(error?.description).toMatch(/balance covers/);
		expect(stored(id)[0].text).toBe('Clinic tomorrow');
	});
});

describe('Change Scheduled SMS: not found and other errors', () => {
	it('turns an unknown id (HTTP 200, code 403) into a not-found error', async () => {
		const { error, run } = await change('suspend', {
			messageId: 'sms-00000000000000000000000000000000',
		});
		expect(run.status).toBe('error');
		expect(error?.message).toBe('Message sms-00000000000000000000000000000000 not found');
		expect(error?.description).toMatch(/gone out already/);
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('says "not found" for a message that has gone out already', async () => {
		const id = await schedule();
		fx.get().sim.advance(4 * HOUR);
		const { error } = await change('resume', { messageId: id });
		expect(error?.message).toBe(`Message ${id} not found`);
	});

	it('needs a message id', async () => {
		const { error } = await change('suspend', { messageId: '={{ "message_id:" }}' });
		expect(error?.message).toBe('The message ID is empty');
		expect(changeCalls()).toBe(0);
	});

	it('reports wrong credentials with SMSBox code 120', async () => {
		const id = await schedule();
		const credentials = {
			...fx.get().credentials,
			smsBoxApi: { ...fx.get().credentials.smsBoxApi, apiKey: 'wrong' },
		};
		const { error } = await change('suspend', { messageId: id }, { credentials });
		expect(error?.message).toBe('Invalid Authentication Parameters');
	});

	it('reports a temporary outage (503) as "try again later", without changing anything', async () => {
		const id = await schedule();
		fx.get().sim.configure({ faults: { gateways: { smsBox: { next: ['serverError'] } } } });
		const { error } = await change('suspend', { messageId: id });
		expect(error?.message).toMatch(/HTTP 503/);
		expect(error?.description).toMatch(/try again later/i);
		expect(stored(id)[0].status).toBe('scheduled');
	});

	it('keeps each outcome with its item: one change done, one not found', async () => {
		const id = await schedule();
		const { items, run } = await change(
			'suspend',
			{ messageId: '={{ $json.id }}' },
			{ items: [{ id }, { id: 'sms-missing' }], onError: 'continueRegularOutput' },
		);
		expect(run.status).toBe('success');
		expect(items.map((i) => [i.json.messageId ?? i.json.error, i.pairedItem])).toEqual([
			[id, { item: 0 }],
			['Message sms-missing not found', { item: 1 }],
		]);
		expect(items[1].json.details).toMatchObject({ code: '403' });
	});
});

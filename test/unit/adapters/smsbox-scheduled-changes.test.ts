import type { ScheduledChange } from '../../../nodes/shared/core/adapter';
import { clock } from '../../../nodes/shared/helpers/clock';
import { smsBox } from '../../../nodes/shared/adapters/smsbox';
import { FakeHttp, reply } from '../../fixtures/fake-http';
import { refusal } from '../../fixtures/gateway-refusal';

const changes = smsBox.scheduledChanges!;
const credentials = { apiKey: 'key', apiSecret: 'secret', baseUrl: 'http://127.0.0.1:8787/smsbox' };
const ID = 'sms-2025050112252123117a517ef211f2dbdb';

/** SMSBox's documented replies (docs/gateways/smsbox.md#scheduled-messages "CHANGE SMS SUCCESS RESPONSE" / "ERROR RESPONSE"), without trailing commas. */
const UPDATED = {
	status: true,
	code: 200,
	message: `Message ${ID} Updated Successfully!`,
	data: `message_id:${ID}`,
};
const NOT_FOUND = { status: true, code: 403, message: `Message ${ID} not found` };

/** 2026-05-01 09:00:00 UTC. */
const NOW = Date.UTC(2026, 4, 1, 9, 0, 0);

async function change(kind: ScheduledChange, ...replies: ReturnType<typeof reply>[]) {
	const http = new FakeHttp(...replies);
	const result = await changes.change(http, credentials, ID, kind);
	return { http, result };
}

beforeEach(() => jest.spyOn(clock, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('SMSBox change_sms_info requests', () => {
	it.each<[ScheduledChange, Record<string, string>]>([
		[{ kind: 'suspend' }, { scheduled_status: '0' }],
		[{ kind: 'resume' }, { scheduled_status: '1' }],
		[
			{ kind: 'reschedule', scheduleAt: '2026-05-01T12:25:59+02:00' },
			{ schedule_time: '2026-05-01 10:25' },
		],
		[{ kind: 'edit', text: 'New text' }, { message: 'New text' }],
		[{ kind: 'edit', sender: 'CLINIC' }, { source_addr: 'CLINIC' }],
		[{ kind: 'edit', sender: '+255700000001' }, { source_addr: '255700000001' }],
		[
			{ kind: 'edit', text: 'Hi [{RECEIVERNAME}]', sender: 'CLINIC' },
			{ message: 'Hi [{RECEIVERNAME}]', source_addr: 'CLINIC' },
		],
	])('%j sends only its own parameters', async (kind, parameters) => {
		const { http } = await change(kind, reply(200, UPDATED));
		const request = http.only();
		expect(request.method).toBe('GET');
		expect(request.url).toBe('http://127.0.0.1:8787/smsbox/api/sms/v1/change_sms_info');
		expect(request.qs).toEqual({ message_id: ID, ...parameters });
		expect(request.body).toBeUndefined();
	});

	it('returns SMSBox words and, for a reschedule, the time in GMT+0 cut to the minute', async () => {
		const { result } = await change(
			{ kind: 'reschedule', scheduleAt: '2026-05-01T12:25:59Z' },
			reply(200, UPDATED),
		);
		expect(result).toEqual({
			messageId: ID,
			message: `Message ${ID} Updated Successfully!`,
			scheduleTime: '2026-05-01 12:25',
			scheduledAt: '2026-05-01T12:25:00.000Z',
			raw: UPDATED,
		});
	});

	it('turns "not found" (HTTP 200 with code 403) into a not-found error', async () => {
		const error = await refusal(
			changes.change(new FakeHttp(reply(200, NOT_FOUND)), credentials, ID, { kind: 'suspend' }),
		);
		expect(error.info).toMatchObject({ code: '403', message: `Message ${ID} not found` });
		expect(error.info.explanation).toMatch(/gone out already/);
		expect(error.httpStatus).toBe(404);
	});

	it.each([
		[400, 102, /balance/],
		[400, 104, /missing/],
		[400, 110, /Unicode/],
		[400, 111, /not approved/],
		[400, 112, /in the past/],
		[400, 113, /bug/],
		[400, 117, /could not read the new time/],
		[401, 120, /API key or secret/],
	])(
		'maps HTTP %i code %i to an error that says the message was not changed',
		async (status, code, explanation) => {
			const error = await refusal(
				changes.change(
					new FakeHttp(reply(status, { code, message: `words ${code}` })),
					credentials,
					ID,
					{ kind: 'resume' },
				),
			);
			expect(error.info).toMatchObject({ code: String(code), message: `words ${code}` });
			expect(error.info.explanation).toMatch(explanation);
		},
	);

	it('reports a missing Authorization header (HTTP 400 without a code) as 107', async () => {
		const error = await refusal(
			changes.change(
				new FakeHttp(reply(400, { error: 'No authorization headers' })),
				credentials,
				ID,
				{ kind: 'resume' },
			),
		);
		expect(error.info.code).toBe('107');
	});

	it('does not take a 2xx without code 200 for a success', async () => {
		const error = await refusal(
			changes.change(
				new FakeHttp(reply(200, { status: false, code: 999, message: 'odd' })),
				credentials,
				ID,
				{ kind: 'resume' },
			),
		);
		expect(error.info.code).toBe('999');
	});
});

describe('SMSBox message ids', () => {
	it.each([
		[ID, ID],
		[`message_id:${ID}`, ID],
		[` Message_ID : ${ID} `, ID],
		['', ''],
	])('reads %j as %j', (input, id) => {
		expect(changes.messageId(input)).toBe(id);
	});
});

describe('SMSBox change checks before calling', () => {
	it('needs a message id', () => {
		expect(changes.check('', { kind: 'suspend' })?.code).toBe('MESSAGE_ID_REQUIRED');
		expect(changes.check(ID, { kind: 'suspend' })).toBeUndefined();
		expect(changes.check(ID, { kind: 'resume' })).toBeUndefined();
	});

	it.each([
		['2026-05-01T09:01:00Z', undefined],
		['2026-05-01T09:00:59Z', 'SCHEDULE_IN_PAST'],
		['2026-05-01T09:00:00Z', 'SCHEDULE_IN_PAST'],
		['2025-01-01T00:00:00Z', 'SCHEDULE_IN_PAST'],
		['not a date', 'INVALID_SCHEDULE_TIME'],
	])('a new time of %s → %s', (scheduleAt, code) => {
		expect(changes.check(ID, { kind: 'reschedule', scheduleAt })?.code).toBe(code);
	});

	it.each([
		[{}, 'NOTHING_TO_CHANGE'],
		[{ text: '   ' }, 'TEXT_EMPTY'],
		[{ text: 'Karibu – tomorrow' }, 'UNICODE_NOT_SUPPORTED'],
		[{ text: 'Habari 🙂' }, 'UNICODE_NOT_SUPPORTED'],
		[{ sender: 'WAY TOO LONG NAME' }, 'SENDER_INVALID'],
		[{ sender: '   ' }, 'SENDER_REQUIRED'],
		[{ text: 'Plain text {ok} €' }, undefined],
		[{ sender: 'CLINIC' }, undefined],
	])('an edit with %j → %s', (edit, code) => {
		expect(changes.check(ID, { kind: 'edit', ...edit })?.code).toBe(code);
	});
});

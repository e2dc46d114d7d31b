/**
 * Every action node, inside n8n's engine against the simulator, run twice on the same workflow and
 * items: once with plain `$json` expressions computed natively (as in n8n) and once with n8n
 * resolving every expression. Outputs, errors and what reached the gateway must be identical, and
 * the first run must really have used the native path (counted on the evaluator), the second not.
 */
import type { IDataObject } from 'n8n-workflow';

import { nativeItemExpressions } from '../../../nodes/shared/n8n/item-parameters';
import * as nativeExpression from '../../../nodes/shared/n8n/native-expression';
import type { RunNodeResult } from '../../harness/engine';
import { runNode } from '../../harness/engine';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();
const HOUR = 3_600_000;

interface Observed {
	result: RunNodeResult;
	/** Native answers (not declined) during the run. */
	nativeAnswers: number;
	/** What the simulator stored, when the test reads it. */
	stored?: unknown;
}

async function observe(
	native: boolean,
	run: () => Promise<RunNodeResult>,
	stored?: () => unknown,
): Promise<Observed> {
	fx.get().sim.reset();
	const spy = jest.spyOn(nativeExpression, 'evaluateNativeExpression');
	nativeItemExpressions.enabled = native;
	try {
		const result = await run();
		const nativeAnswers = spy.mock.results.filter(
			(r) => r.value !== nativeExpression.DECLINED,
		).length;
		return { result, nativeAnswers, stored: stored?.() };
	} finally {
		nativeItemExpressions.enabled = true;
		spy.mockRestore();
	}
}

/** SMSBox message IDs start with the second they were made (sms-YYYYMMDDHHMMSS…): two runs differ there. */
function maskTimes(value: unknown): unknown {
	if (typeof value === 'string') return value.replace(/\bsms-\d{14}/g, 'sms-<time>');
	if (Array.isArray(value)) return value.map(maskTimes);
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, maskTimes(field)]));
	}
	return value;
}

/** Runs on then off and checks both runs gave the same, the native one natively. */
async function expectSameOnAndOff(
	run: () => Promise<RunNodeResult>,
	stored?: () => unknown,
): Promise<RunNodeResult> {
	const on = await observe(true, run, stored);
	const off = await observe(false, run, stored);
	expect(on.nativeAnswers).toBeGreaterThan(0);
	expect(off.nativeAnswers).toBe(0);
	expect(maskTimes(on.result.outputs)).toStrictEqual(maskTimes(off.result.outputs));
	expect(on.result.error?.message).toBe(off.result.error?.message);
	expect(on.result.run.status).toBe(off.result.run.status);
	expect(on.stored).toStrictEqual(off.stored);
	return on.result;
}

const smsBoxMessages = () =>
	fx
		.get()
		.sim.messages({ gateway: 'smsBox' })
		.map(({ to, text, sender, status }) => ({ to, text, sender, status }));

/** A time `ms` from now, on a whole minute (SMSBox schedules to the minute). */
function minuteFromNow(ms: number): string {
	const at = new Date(Date.now() + ms);
	at.setUTCSeconds(0, 0);
	return at.toISOString();
}

describe('plain $json expressions computed natively give what n8n gives, in every action node', () => {
	it('Send SMS: recipients, personalised text, recipient name and a schedule time from the items', async () => {
		const when = minuteFromNow(3 * HOUR);
		const items: IDataObject[] = [
			{ phone: '+255700000001', person: { 'first name': 'Asha' }, time: '09:00', when },
			{ phone: '+255700000002', person: { 'first name': 'Baraka' }, time: 930, when },
			// No person: n8n resolves this item (the native path declines a missing parent).
			{ phone: '+255700000003', time: null, when },
			{ phone: 255700000004, person: { 'first name': '' }, when },
			{ phone: 'not a number', person: { 'first name': 'Zawadi' }, time: '10:00', when },
		];
		const result = await expectSameOnAndOff(
			() =>
				runNode({
					type: 'sendSms',
					parameters: {
						gateway: 'smsBox',
						to: '={{ $json.phone }}',
						message: '=Hello [{RECEIVERNAME}], see you at {{ $json.time }}',
						from: 'SMSBOX',
						recipientName: '={{ $json.person["first name"] }}',
						options: { scheduleTime: '={{ $json.when }}' },
					},
					credentials: fx.get().credentials,
					items,
					onError: 'continueRegularOutput',
				}),
			smsBoxMessages,
		);
		expect(result.json.map((j) => j.status)).toEqual([
			'accepted',
			'accepted',
			'accepted',
			'accepted',
			'invalid',
		]);
	});

	it('Check SMS Balance: a threshold from each item', async () => {
		const result = await expectSameOnAndOff(() =>
			runNode({
				type: 'checkSmsBalance',
				parameters: {
					gateway: 'africasTalking',
					resource: 'balance',
					operation: 'get',
					options: { threshold: '={{ $json.alert.below }}' },
				},
				credentials: fx.get().credentials,
				items: [
					{ alert: { below: 500 } },
					{ alert: { below: '1e9' } },
					{ alert: { below: 'lots' } },
					{ alert: {} },
				],
				onError: 'continueRegularOutput',
			}),
		);
		expect(result.json.map((j) => j.belowThreshold ?? j.error)).toEqual([
			false,
			true,
			'"lots" is not a number',
			undefined,
		]);
	});

	it('Manage Sender Names: requests with a sender and a sample text from each item', async () => {
		const result = await expectSameOnAndOff(
			() =>
				runNode({
					type: 'manageSenderNames',
					parameters: {
						gateway: 'smsBox',
						resource: 'senderName',
						operation: 'request',
						senderId: '={{ $json.sender }}',
						sampleContent:
							'=Dear {{ $json.name }}, your appointment at {{ $json["clinic name"] }} is confirmed.',
					},
					credentials: fx.get().credentials,
					items: [
						{ sender: 'CLINIC', name: 'Asha', 'clinic name': 'Mwanza' },
						{ sender: 'CLINIC_OF_TANZANIA', name: 'Baraka', 'clinic name': 'Dodoma' },
						{ sender: 'HEALTH', name: 'Zawadi', 'clinic name': 'Arusha' },
					],
					onError: 'continueRegularOutput',
				}),
			() => fx.get().sim.stats().requests.byGateway.smsBox.total,
		);
		expect(result.json.map((j) => j.status ?? (j.details as IDataObject).code)).toEqual([
			'pending',
			'SENDER_NAME_TOO_LONG',
			'pending',
		]);
	});

	it('Change Scheduled SMS: the message ID and a personalised new text from each item', async () => {
		const result = await expectSameOnAndOff(async () => {
			const scheduled = await runNode({
				type: 'sendSms',
				parameters: {
					gateway: 'smsBox',
					to: '={{ $json.phone }}',
					message: 'Clinic tomorrow',
					from: 'SMSBOX',
					options: { scheduleTime: minuteFromNow(3 * HOUR) },
				},
				credentials: fx.get().credentials,
				items: [{ phone: '+255700000001' }, { phone: '+255700000002' }],
			});
			const ids = scheduled.json.map((j) => j.messageId as string);
			return await runNode({
				type: 'changeScheduledSms',
				parameters: {
					gateway: 'smsBox',
					resource: 'scheduledMessage',
					operation: 'edit',
					messageId: '={{ $json.sent.id }}',
					newText: '=Dear {{ $json.name }}, the clinic moved to {{ $json.day }}',
					newSender: '',
				},
				credentials: fx.get().credentials,
				items: [
					{ sent: { id: ids[0] }, name: 'Asha', day: 'Friday' },
					{ sent: { id: ids[1] }, name: 'Baraka', day: 'Monday' },
				],
			});
		}, smsBoxMessages);
		expect(result.json.map((j) => j.text)).toEqual([
			'Dear Asha, the clinic moved to Friday',
			'Dear Baraka, the clinic moved to Monday',
		]);
	});

	it('DHIS2 SMS Gateways: a gateway created from an item (DHIS2 keeps one per type)', async () => {
		const result = await expectSameOnAndOff(
			() =>
				runNode({
					type: 'dhis2SmsGateways',
					parameters: {
						gateway: 'dhis2',
						resource: 'smsGateway',
						operation: 'create',
						gatewayType: 'bulksms',
						name: '=Bulk SMS {{ $json.region }}',
						username: '={{ $json.account.user }}',
						password: '={{ $json.account["pass word"] }}',
					},
					credentials: fx.get().credentials,
					items: [
						{ region: 'North', account: { user: 'north-user', 'pass word': 'north-secret-1' } },
					],
				}),
			() => fx.get().sim.stats().requests.byGateway.dhis2.total,
		);
		expect(result.error?.message).toBeUndefined();
		expect(result.json.map((j) => (j.gateway as IDataObject).name)).toEqual(['Bulk SMS North']);
		expect(result.json[0].gateway).toMatchObject({ username: 'north-user' });
	});
});

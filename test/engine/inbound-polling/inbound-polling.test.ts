/**
 * Inbound SMS (Polling) Trigger in n8n-core's real PollContext against the simulator over loopback:
 * the cursor in static data, paging past one page, a restart (static data carried into a new
 * workflow), manual mode, and the same events as the webhook trigger.
 */
import type { IDataObject } from 'n8n-workflow';

import { InboundSmsPollingTrigger } from '../../../nodes/InboundSmsPolling/InboundSmsPollingTrigger.node';
import { incomingMessage } from '../../../nodes/shared/adapters/africastalking/webhooks';
import { dhis2Webhooks } from '../../../nodes/shared/adapters/dhis2/webhooks';
import { runPoll } from '../../harness/poll';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();
const nodeClass = new InboundSmsPollingTrigger();

type Gateway = 'africasTalking' | 'dhis2';
/** DHIS2 takes SMS only from numbers of its users (the simulator's registered number). */
const SENDER = { africasTalking: '+254711000111', dhis2: '+4740000000' } as const;

async function poll(gateway: Gateway, staticData?: IDataObject, mode?: 'manual' | 'trigger') {
	const run = await runPoll({
		type: 'inboundSmsPollingTrigger',
		nodeClass,
		parameters: { gateway },
		credentials: fx.get().credentials,
		staticData,
		mode,
	});
	if (run.error) throw run.error;
	return run;
}

async function arrive(gateway: Gateway, texts: string[]): Promise<void> {
	for (const text of texts) await fx.get().sim.inbound({ gateway, from: SENDER[gateway], text });
}

const texts = (items: IDataObject[] | null) => (items ?? []).map((i) => i.text);
const range = (n: number, tag: string) =>
	Array.from({ length: n }, (_, i) => `${tag} message ${i + 1}`);

describe('Inbound SMS (Polling) Trigger: what it offers', () => {
	it("offers Africa's Talking and DHIS2 only, and is a polling trigger", () => {
		const { description } = nodeClass;
		expect(description.polling).toBe(true);
		const gateway = description.properties.find((p) => p.name === 'gateway');
		expect(gateway?.options?.map((o) => (o as { value: string }).value)).toEqual([
			'africasTalking',
			'dhis2',
		]);
		expect(description.credentials?.map((c) => c.name).sort()).toEqual([
			'africasTalkingApi',
			'dhis2Api',
		]);
	});
});

describe.each(['africasTalking', 'dhis2'] as const)(
	'Inbound SMS (Polling) Trigger: %s',
	(gateway) => {
		beforeEach(() => {
			// Small pages at Africa's Talking, so that paging is exercised (DHIS2 pages by 50 itself).
			fx.get().sim.configure({ atInboxPageSize: 3 });
		});

		it('starts after the messages already stored, then emits each new one once', async () => {
			await arrive(gateway, ['old one', 'old two']);
			const first = await poll(gateway);
			expect(first.items).toBeNull();

			await arrive(gateway, ['new one', 'new two']);
			const second = await poll(gateway, first.staticData);
			expect(texts(second.items)).toEqual(['new one', 'new two']);
			expect(second.items!.every((i) => i.eventType === 'inbound' && i.gateway === gateway)).toBe(
				true,
			);

			const third = await poll(gateway, second.staticData);
			expect(third.items).toBeNull();

			await arrive(gateway, ['new three']);
			const fourth = await poll(gateway, third.staticData);
			expect(texts(fourth.items)).toEqual(['new three']);
		});

		it('pages through more messages than one page holds, skipping none and repeating none', async () => {
			const first = await poll(gateway);
			// DHIS2 pages by 50 (and many share one creation time); Africa's Talking by 3 here.
			const count = gateway === 'dhis2' ? 120 : 11;
			const sent = range(count, gateway);
			await arrive(gateway, sent);
			const second = await poll(gateway, first.staticData);
			expect(texts(second.items)).toEqual(sent);
			expect(new Set(second.items!.map((i) => i.eventId)).size).toBe(count);
			expect((await poll(gateway, second.staticData)).items).toBeNull();
		});

		it('carries on after a restart from the stored cursor: nothing again, nothing lost', async () => {
			const first = await poll(gateway);
			await arrive(gateway, ['before restart']);
			const second = await poll(gateway, first.staticData);
			expect(texts(second.items)).toEqual(['before restart']);
			// A restart: a new Workflow object whose static data is what n8n stored (a JSON copy).
			const stored = JSON.parse(JSON.stringify(second.staticData)) as IDataObject;
			await arrive(gateway, [
				'while stopped 1',
				'while stopped 2',
				'while stopped 3',
				'while stopped 4',
			]);
			const afterRestart = await poll(gateway, stored);
			expect(texts(afterRestart.items)).toEqual([
				'while stopped 1',
				'while stopped 2',
				'while stopped 3',
				'while stopped 4',
			]);
		});

		it('in manual mode returns the newest message and moves no cursor', async () => {
			const first = await poll(gateway);
			// One millisecond apart: which of several SMS stored at one instant is "newest" is undefined.
			for (const text of ['one', 'two', 'newest']) {
				await arrive(gateway, [text]);
				fx.get().sim.advance(1);
			}
			const manual = await poll(gateway, first.staticData, 'manual');
			expect(texts(manual.items)).toEqual(['newest']);
			expect(manual.staticData).toEqual(first.staticData);
			const next = await poll(gateway, manual.staticData);
			expect(texts(next.items)).toEqual(['one', 'two', 'newest']);
		});

		it('in manual mode on an empty inbox returns nothing', async () => {
			expect((await poll(gateway, undefined, 'manual')).items).toBeNull();
		});

		it('names the wrong credential in its error', async () => {
			const credentials = fx.get().credentials;
			const wrong =
				gateway === 'dhis2'
					? { ...credentials, dhis2Api: { ...credentials.dhis2Api, password: 'wrong' } }
					: {
							...credentials,
							africasTalkingApi: { ...credentials.africasTalkingApi, apiKey: 'wrong' },
						};
			const run = await runPoll({
				type: 'inboundSmsPollingTrigger',
				nodeClass,
				parameters: { gateway },
				credentials: wrong,
			});
			expect(run.error?.message).toMatch(/Unauthorized|authentication|invalid/i);
			expect(JSON.stringify(run.error)).not.toContain('district');
			expect(JSON.stringify(run.error)).not.toContain('at-sim-key');
		});
	},
);

describe('Inbound SMS (Polling) Trigger: the same events as the webhook trigger', () => {
	it('gives a DHIS2 SMS the eventId and fields the webhook parser gives its pushed JSON', async () => {
		const first = await poll('dhis2');
		const { inbound } = await fx
			.get()
			.sim.inbound({ gateway: 'dhis2', from: SENDER.dhis2, text: 'VISIT 12 3' });
		const polled = (await poll('dhis2', first.staticData)).items![0];
		const pushed = dhis2Webhooks.parse(
			{ headers: {}, query: {}, body: { kind: 'json', value: inbound as IDataObject } },
			{ receivedAtMs: Date.now() },
		);
		if (!pushed.ok) throw new Error('the pushed JSON was refused');
		const { messageId: _polledId, ...polledRest } = polled;
		const { messageId: _pushedId, ...pushedRest } = pushed.event as unknown as IDataObject;
		expect(polledRest.eventId).toBe(pushedRest.eventId);
		expect({ ...polledRest, raw: undefined }).toEqual({ ...pushedRest, raw: undefined });
		// The polled one names DHIS2's own uid, which the DHIS2 SMS node can delete.
		expect(polled.messageId).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
	});

	/*
	 * Africa's Talking documents the callback's `id` as a string, "the internal ID that we use to
	 * store this message", and the inbox's `id` as an integer, "the id of the message"; it does not
	 * say they are the same value (docs/gateways/africastalking.md#balance-inbox-and-subscriptions).
	 * The simulator gives them different values (an `ATSid_…` callback id, a numeric inbox id), so
	 * there the two triggers give one message two eventIds; the parser is the same, so one id gives
	 * one eventId.
	 */
	it("gives an Africa's Talking message the webhook parser's fields, and its eventId only when the ids agree", async () => {
		const first = await poll('africasTalking');
		const { inbound } = await fx
			.get()
			.sim.inbound({ gateway: 'africasTalking', from: SENDER.africasTalking, text: 'JOIN' });
		const polled = (await poll('africasTalking', first.staticData)).items![0];
		const callback = inbound as Record<string, string>;
		const pushed = incomingMessage(callback, {
			receivedAtMs: Date.now(),
		}) as unknown as IDataObject;

		expect(polled).toMatchObject({
			from: pushed.from,
			to: pushed.to,
			text: pushed.text,
			linkId: pushed.linkId,
		});
		expect(
			Date.parse(String(polled.receivedAt)) - Date.parse(String(pushed.receivedAt)),
		).toBeLessThan(1000);
		// The simulator's two ids differ, and so do the eventIds.
		expect(pushed.messageId).toMatch(/^ATSid_/);
		expect(polled.messageId).toMatch(/^\d+$/);
		expect(polled.eventId).not.toBe(pushed.eventId);
		// Were the callback's id the inbox's, the webhook trigger would give the polled eventId.
		const sameId = incomingMessage(
			{ ...callback, id: String(polled.messageId) },
			{ receivedAtMs: Date.now() },
		);
		expect(sameId.eventId).toBe(polled.eventId);
	});
});

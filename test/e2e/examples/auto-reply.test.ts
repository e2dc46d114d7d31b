/**
 * examples/auto-reply.json, activated with a secret and driven by the simulator's own Africa's
 * Talking inbound callbacks (docs/gateways/africastalking.md#incoming-messages, two-way SMS) sent to the trigger's production URL: n8n
 * answers each callback 200 "OK", one webhook execution starts per message, and each sender gets
 * exactly one reply from the short code with the inbound `linkId`. Calls without the secret or
 * with malformed bodies are refused with a 4xx and start nothing.
 */
import { finishedExecutions } from '../../../tooling/n8n/executions';
import type { CallbackAttempt } from '../../../tooling/n8n/sim-control';
import { uniqueNumber, uniqueTag } from '../../../tooling/n8n/workflows';
import { ActiveExample } from './support/active-example';
import { expectEveryCallRefused, type RefusalOutcome } from './support/webhook-calls';

const SHORT_CODE = '12345';
const FORM = 'application/x-www-form-urlencoded';

interface Conversation {
	from: string;
	text: string;
	linkId: string;
	attempts: CallbackAttempt[];
}

describe("example: auto-reply to incoming messages (Africa's Talking)", () => {
	let example: ActiveExample;
	const conversations: Conversation[] = [];

	beforeAll(async () => {
		example = await ActiveExample.activate('auto-reply.json', 'Incoming SMS', {
			gateway: 'africasTalking',
			kind: 'inbound',
		});
		const { client, sim, workflow } = example;

		// Two people text the short code, one after the other.
		for (const text of ['Hello, is the clinic open?', 'NEWS']) {
			const from = uniqueNumber('+254711', 6);
			const { inbound, attempts } = await sim.inbound({
				gateway: 'africasTalking',
				from,
				to: SHORT_CODE,
				text,
			});
			conversations.push({ from, text, linkId: String(inbound.linkId), attempts: attempts ?? [] });
		}
		await finishedExecutions(client, workflow.id, conversations.length);
	});

	afterAll(async () => {
		await example?.deactivate();
	});

	it('answers each inbound callback once with 200 "OK" (no retry needed)', () => {
		for (const { attempts } of conversations) {
			expect(
				attempts.map((a) => ({
					status: a.status,
					body: a.responseBody,
					acknowledged: a.acknowledged,
				})),
			).toEqual([{ status: 200, body: 'OK', acknowledged: true }]);
		}
	});

	it('starts one successful webhook execution per inbound message', async () => {
		await example.expectSuccessfulWebhookExecutions(conversations.length);
	});

	it('replies exactly once to each sender, from the short code, with the inbound linkId', async () => {
		for (const { from, text, linkId } of conversations) {
			const replies = await example.sim.messages({ gateway: 'africasTalking', to: from });
			expect(
				replies.map((m) => ({
					text: m.text,
					sender: m.sender,
					linkId: m.linkId,
					premium: m.premium,
				})),
			).toEqual([
				{ text: `This is a response to: "${text}"`, sender: SHORT_CODE, linkId, premium: true },
			]);
		}
	});

	it('replies the telco delivers: the linkId matched the inbound message (no InvalidLinkId)', async () => {
		const { sim } = example;
		for (const { from } of conversations) {
			const [reply] = await sim.messages({ gateway: 'africasTalking', to: from });
			await sim.deliver({ ids: [reply.id] });
			const [after] = await sim.messages({ gateway: 'africasTalking', id: reply.id });
			expect({ status: after.status, failureReason: after.failureReason }).toEqual({
				status: 'delivered',
				failureReason: null,
			});
		}
	});

	describe("calls that are not genuine Africa's Talking callbacks", () => {
		let outcome: RefusalOutcome;
		const genuineFrom = uniqueNumber('+254711', 6);

		beforeAll(async () => {
			const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
			const valid = form({
				linkId: `link-${uniqueTag()}`,
				text: 'Hi',
				to: SHORT_CODE,
				id: `ATSid_${uniqueTag()}`,
				date: '2026-03-04 10:30:00',
				from: genuineFrom,
			});
			outcome = await example.refusalsThenGenuine(
				FORM,
				[
					{
						label: 'form without from/text',
						contentType: FORM,
						body: form({ linkId: 'x', to: SHORT_CODE }),
					},
					{
						label: 'JSON instead of a form',
						contentType: 'application/json',
						body: '{"from": "+254711000001", "text": "Hi"',
					},
					{ label: 'repeated fields', contentType: FORM, body: `${valid}&from=%2B254711000002` },
				],
				valid,
				valid,
			);
		});

		it('refuses each with a 4xx (401 without the right secret)', () => {
			expectEveryCallRefused(outcome);
		});

		it('starts no execution for them, and still serves the genuine call after them', async () => {
			expect({ status: outcome.genuine.status, body: outcome.genuine.body }).toEqual({
				status: 200,
				body: 'OK',
			});
			expect(outcome.executionsAfter).toBe(outcome.executionsBefore + 1);
			const reply = await example.sim.messages({ gateway: 'africasTalking', to: genuineFrom });
			expect(reply.map((m) => m.text)).toEqual(['This is a response to: "Hi"']);
		});
	});
});

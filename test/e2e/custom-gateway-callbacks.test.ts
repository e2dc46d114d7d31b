/**
 * The Custom HTTP Gateway's triggers in the real n8n (issue 14): SMS Delivery Report and Inbound SMS
 * Triggers set to gateway `httpGateway`, each with a shipped profile stored as an
 * `httpSmsGatewayApi` credential, activated, and called by the simulator itself:
 * - Twilio-style status callbacks: Send SMS (Twilio profile, the trigger's URL as StatusCallback in
 *   Fixed Extra Parameters) sends two messages, the simulator reports one delivered and one failed;
 * - SMSBox two-way callbacks (SMSBox profile): acknowledged with the echoed transaction_id, so the
 *   simulator stops at the first attempt and n8n runs the workflow once;
 * - a credential stored without Normalise To Number (as saved before the field existed) keeps the
 *   To number as posted, because n8n fills a missing field with its default (off).
 * For each: the executions' output events, the exact acknowledgement bytes (and the content type,
 * on a replay of the simulator's own body), and calls without the right token or with a body the
 * mapping cannot read refused with a 4xx, starting nothing. In queue mode the callbacks go to the
 * webhook processor, which reads the credential there, and the executions run on workers.
 */
import { finishedExecution, finishedExecutions, nodeOutput } from '../../tooling/n8n/executions';
import type {
	CredentialSummary,
	N8nRestClient,
	WorkflowSummary,
} from '../../tooling/n8n/rest-client';
import { SimControl, type CallbackAttempt } from '../../tooling/n8n/sim-control';
import { deployActive, uniqueNumber, uniqueTag, webhookThen } from '../../tooling/n8n/workflows';
import {
	CALLBACK_SECRET,
	deployTarget,
	FORM,
	JSON_TYPE,
	triggerWorkflow,
	type CallbackTarget,
	type TriggerType,
} from './callbacks/support/callback-workflows';
import {
	callRefusalsThenGenuine,
	expectEveryCallRefused,
	refusalCalls,
	type RefusalOutcome,
	type WebhookCall,
} from './examples/support/webhook-calls';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { storeShippedProfile, type ShippedProfileName } from './support/custom-profiles';
import { expectRunByWorkers } from './support/processes';

const TWIML_ACK = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const smsBoxAck = (transactionId: string) =>
	`{"transaction_id":${JSON.stringify(transactionId)},"successful":true}`;
/** The simulator's SMSBox two-way number, posted without "+" (simulator/core/accounts.ts). */
const SMSBOX_TWO_WAY = '255701000001';

interface DeployedTrigger {
	workflow: WorkflowSummary;
	/** `<webhookId>/<path>` without the token. */
	path: string;
	/** What the gateway is given: the production URL with `?token=`. */
	callbackUrl: string;
}

describe('Custom HTTP Gateway callbacks in the real n8n', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let sim: SimControl;
	const credentials: CredentialSummary[] = [];
	const workflowIds: string[] = [];

	beforeAll(() => {
		context = loadE2eContext();
		client = ownerClient(context);
		sim = new SimControl(context.simulatorUrl);
	});

	afterAll(async () => {
		await sim.setCallbacks({ smsBox: { inbound: null } });
		for (const id of workflowIds) await client.deactivateWorkflow(id);
		for (const credential of credentials) await client.deleteCredential(credential.id);
	});

	async function profile(
		name: ShippedProfileName,
		patch: Record<string, unknown> = {},
	): Promise<CredentialSummary> {
		const credential = await storeShippedProfile(client, context, name, patch);
		credentials.push(credential);
		return credential;
	}

	async function deployTrigger(
		type: TriggerType,
		credential: CredentialSummary,
	): Promise<DeployedTrigger> {
		const target: CallbackTarget = triggerWorkflow(
			type,
			2,
			{ gateway: 'httpGateway', options: {} },
			`custom ${type} ${uniqueTag()}`,
			{
				httpSmsGatewayApi: { id: credential.id, name: credential.name },
			},
		);
		const workflow = await deployTarget(client, target);
		workflowIds.push(workflow.id);
		return {
			workflow,
			path: target.webhookPath.split('?')[0],
			callbackUrl: `${context.webhookUrl}/webhook/${target.webhookPath}`,
		};
	}

	/** Every event the workflow's trigger output, over its finished executions (at least `count`). */
	async function events(
		workflowId: string,
		count: number,
	): Promise<{ ids: string[]; items: Array<Record<string, unknown>> }> {
		const summaries = await finishedExecutions(client, workflowId, count, 30_000);
		const items: Array<Record<string, unknown>> = [];
		for (const summary of summaries) {
			const execution = await finishedExecution(client, summary.id);
			expect([execution.status, execution.mode]).toEqual(['success', 'webhook']);
			items.push(...(nodeOutput(execution, 'Trigger') as Array<Record<string, unknown>>));
		}
		return { ids: summaries.map((s) => s.id), items };
	}

	/** The usual refusals, then the simulator's own callback again with the token: its answer, headers included. */
	async function refusalsThenReplay(
		trigger: DeployedTrigger,
		attempt: CallbackAttempt,
		malformed: Array<Omit<WebhookCall, 'query'>>,
	): Promise<RefusalOutcome> {
		const genuine: WebhookCall = {
			label: 'replay',
			query: `?token=${CALLBACK_SECRET}`,
			contentType: attempt.contentType,
			body: attempt.body,
		};
		const outcome = await callRefusalsThenGenuine(
			client,
			trigger.workflow.id,
			trigger.path,
			refusalCalls(CALLBACK_SECRET, malformed, attempt.contentType, attempt.body),
			genuine,
		);
		expectEveryCallRefused(outcome);
		// Only the replay started an execution.
		expect(outcome.executionsAfter).toBe(outcome.executionsBefore + 1);
		return outcome;
	}

	it('Twilio profile: the Delivery Report Trigger reports the message IDs Send SMS returned, answers the exact TwiML, refuses what it must', async () => {
		const trigger = await deployTrigger('smsDeliveryReportTrigger', await profile('twilio'));
		const sender = await profile('twilio', {
			extraParameters: JSON.stringify({ StatusCallback: trigger.callbackUrl }),
		});
		const hookPath = `e2e-custom-reports-${uniqueTag()}`;
		const sendWorkflow = await deployActive(
			client,
			webhookThen(hookPath, {
				type: 'sendSms',
				name: 'Send SMS',
				parameters: {
					gateway: 'httpGateway',
					to: '={{ $json.body.to }}',
					message: 'Your code is 1234',
					from: '+15005550006',
					options: {},
				},
				credentials: { httpSmsGatewayApi: { id: sender.id, name: sender.name } },
			}),
		);
		workflowIds.push(sendWorkflow.id);
		// The simulator fails numbers ending in 0000 (its default outcome rule).
		const delivered = uniqueNumber('+254737', 6);
		const failed = `${uniqueNumber('+254738', 2)}0000`;
		const reply = await client.callWebhook(hookPath, { body: { to: `${delivered}, ${failed}` } });
		expect(reply.status).toBe(200);
		const sent = JSON.parse(reply.body) as Array<{ to: string; status: string; messageId: string }>;
		expect(sent.map((s) => [s.to, s.status])).toEqual([
			[delivered, 'accepted'],
			[failed, 'accepted'],
		]);

		const { attempts = [] } = await sim.deliver({ ids: sent.map((s) => s.messageId) });
		expect(
			attempts.map((a) => ({
				attempt: a.attempt,
				status: a.status,
				body: a.responseBody,
				acknowledged: a.acknowledged,
			})),
		).toEqual([
			{ attempt: 1, status: 200, body: TWIML_ACK, acknowledged: true },
			{ attempt: 1, status: 200, body: TWIML_ACK, acknowledged: true },
		]);

		const { ids, items } = await events(trigger.workflow.id, 2);
		expect(items).toHaveLength(2);
		const byId = Object.fromEntries(items.map((e) => [String(e.messageId), e]));
		expect(byId[sent[0].messageId]).toMatchObject({
			eventType: 'deliveryReport',
			gateway: 'httpGateway',
			to: delivered,
			status: 'delivered',
			final: true,
			gatewayStatus: 'delivered',
			failureReason: null,
		});
		expect(byId[sent[1].messageId]).toMatchObject({
			to: failed,
			status: 'failed',
			final: true,
			gatewayStatus: 'undelivered',
			failureReason: '30003',
		});
		await expectRunByWorkers(context, ids, 'webhook');

		const outcome = await refusalsThenReplay(trigger, attempts[0], [
			{
				label: 'no MessageSid',
				contentType: FORM,
				body: `MessageStatus=delivered&To=${encodeURIComponent(delivered)}`,
			},
			{
				label: 'a text body',
				contentType: 'text/plain',
				body: 'MessageSid=SM1&MessageStatus=delivered',
			},
		]);
		expect(outcome.genuine).toMatchObject({
			status: 200,
			contentType: 'text/xml',
			body: TWIML_ACK,
		});
	});

	it('SMSBox profile: the Inbound SMS Trigger echoes the transaction_id, so SMSBox calls once and the workflow runs once', async () => {
		const trigger = await deployTrigger('inboundSmsTrigger', await profile('smsbox-simulator'));
		await sim.setCallbacks({ smsBox: { inbound: trigger.callbackUrl } });
		const from = uniqueNumber('+255736', 6);
		const text = `Habari "yako" & {{to}} ${uniqueTag()}`;
		const { attempts = [] } = await sim.inbound({ gateway: 'smsBox', from, text });
		const transactionId = String(
			(JSON.parse(attempts[0].body) as { transaction_id: unknown }).transaction_id,
		);
		expect(
			attempts.map((a) => ({
				attempt: a.attempt,
				status: a.status,
				body: a.responseBody,
				acknowledged: a.acknowledged,
			})),
		).toEqual([{ attempt: 1, status: 200, body: smsBoxAck(transactionId), acknowledged: true }]);

		const { ids, items } = await events(trigger.workflow.id, 1);
		expect(items).toEqual([
			expect.objectContaining({
				eventType: 'inbound',
				gateway: 'httpGateway',
				from,
				to: `+${SMSBOX_TWO_WAY}`,
				text,
				messageId: transactionId,
			}),
		]);
		await expectRunByWorkers(context, ids, 'webhook');

		const outcome = await refusalsThenReplay(trigger, attempts[0], [
			{
				label: 'no number',
				contentType: JSON_TYPE,
				body: JSON.stringify({ transaction_id: 'x1', message: { text: 'hi' } }),
			},
			{ label: 'broken JSON', contentType: JSON_TYPE, body: '{"from":' },
		]);
		expect(outcome.genuine).toMatchObject({
			status: 200,
			contentType: 'application/json; charset=utf-8',
			body: smsBoxAck(transactionId),
		});
	});

	it('a credential stored without Normalise To Number keeps the To number as posted', async () => {
		const trigger = await deployTrigger(
			'inboundSmsTrigger',
			await profile('smsbox-simulator', { callbackNormaliseTo: undefined }),
		);
		await sim.setCallbacks({ smsBox: { inbound: trigger.callbackUrl } });
		const from = uniqueNumber('+255739', 6);
		const { attempts = [] } = await sim.inbound({ gateway: 'smsBox', from, text: 'Saved before' });
		expect(attempts.map((a) => [a.attempt, a.acknowledged])).toEqual([[1, true]]);
		const { items } = await events(trigger.workflow.id, 1);
		expect(items).toEqual([
			expect.objectContaining({ from, to: SMSBOX_TWO_WAY, text: 'Saved before' }),
		]);
	});
});

/**
 * Issue 16, the proof in a real n8n: how many expressions n8n's engine evaluates, and how many
 * isolates it takes from its pool, while it handles a gateway callback to one of the triggers,
 * under `N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true` (n8n 2.41.1, its own Prometheus metrics).
 *
 * At typeVersion 1 n8n evaluates `$parameter["options"]["binaryData"]` for every callback
 * (webhook-helpers.ts `parseRequestBody`), so every callback builds an isolate; at typeVersion 2
 * nothing at all is evaluated, for a callback that starts an execution (trigger → No-Op) or one
 * the trigger only acknowledges, including the Inbound trigger whose path depends on the gateway.
 * The Custom HTTP Gateway reads its credential (the callback mapping) on every callback; n8n's
 * credential read resolves expressions over the data, which evaluates nothing when no field holds
 * one, so it is held to the same zero. n8n's own Webhook node is measured beside them as the reference.
 */
import { finishedExecutions } from '../../../tooling/n8n/executions';
import {
	countsBetween,
	readExpressionCounts,
	type ExpressionCounts,
} from './support/expression-metrics';
import {
	AT_INBOUND,
	atDeliveryReport,
	DHIS2_MESSAGE,
	deployTarget,
	FORM,
	JSON_TYPE,
	triggerWorkflow,
	twilioStatusCallback,
	webhookNodeWorkflow,
	type CallbackTarget,
} from './support/callback-workflows';
import { startOwnN8n, type OwnN8n } from './support/own-n8n';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CALLBACKS = 3;

interface Scenario {
	label: string;
	target: (typeVersion: number) => CallbackTarget;
	contentType: string;
	body: (index: number) => string;
	/** Whether each callback starts an execution (else it is only acknowledged). */
	starts: boolean;
}

/** The Custom HTTP Gateway credential the custom-gateway scenario uses, stored in beforeAll. */
const customCredential = { id: '', name: 'callbacks: Custom HTTP Gateway (Twilio profile)' };
const TWILIO_PROFILE = JSON.parse(
	fs.readFileSync(
		path.join(__dirname, '../../../docs/custom-gateway-profiles/twilio.json'),
		'utf8',
	),
) as Record<string, unknown>;

const SCENARIOS: Scenario[] = [
	{
		label: "Delivery Report, Africa's Talking, report started",
		target: (v) => triggerWorkflow('smsDeliveryReportTrigger', v, { gateway: 'africasTalking' }),
		contentType: FORM,
		body: (i) => atDeliveryReport(`started${i}`),
		starts: true,
	},
	{
		label: "Delivery Report, Africa's Talking, Failures Only: a delivered report acknowledged",
		target: (v) =>
			triggerWorkflow('smsDeliveryReportTrigger', v, {
				gateway: 'africasTalking',
				statusFilter: 'failures',
			}),
		contentType: FORM,
		body: (i) => atDeliveryReport(`filtered${i}`),
		starts: false,
	},
	{
		label: "Inbound SMS, Africa's Talking",
		target: (v) => triggerWorkflow('inboundSmsTrigger', v, { gateway: 'africasTalking' }),
		contentType: FORM,
		body: () => AT_INBOUND,
		starts: true,
	},
	{
		label: 'Inbound SMS, DHIS2 (path api/sms/inbound, chosen by the gateway parameter)',
		target: (v) => triggerWorkflow('inboundSmsTrigger', v, { gateway: 'dhis2' }),
		contentType: JSON_TYPE,
		body: () => DHIS2_MESSAGE,
		starts: true,
	},
	{
		// The trigger reads its httpSmsGatewayApi credential on every callback (the mapping is there).
		label:
			'Delivery Report, Custom HTTP Gateway (Twilio profile, mapping read from the credential)',
		target: (v) =>
			triggerWorkflow('smsDeliveryReportTrigger', v, { gateway: 'httpGateway' }, undefined, {
				httpSmsGatewayApi: customCredential,
			}),
		contentType: FORM,
		body: (i) => twilioStatusCallback(`SMcustom${i}`),
		starts: true,
	},
	{
		label: "Opt-Out, a STOP reply over Africa's Talking",
		target: (v) => triggerWorkflow('smsOptOutTrigger', v, { gateway: 'africasTalking' }),
		contentType: FORM,
		body: () => AT_INBOUND.replace('text=Hello', 'text=STOP'),
		starts: true,
	},
];

describe('expression evaluations per callback in n8n 2.41.1 with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', () => {
	let own: OwnN8n;
	const measured: Array<{ label: string; version: string; counts: ExpressionCounts }> = [];

	beforeAll(async () => {
		own = await startOwnN8n({
			label: 'lazy-acquire',
			env: { N8N_METRICS: 'true', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		});
		const stored = await own.client.createCredential({
			name: customCredential.name,
			type: 'httpSmsGatewayApi',
			data: TWILIO_PROFILE,
		});
		customCredential.id = String(stored.id);
	}, 240_000);

	afterAll(async () => {
		await own?.stop();
		if (measured.length > 0) {
			const lines = measured.map(
				(m) =>
					`${m.version.padEnd(4)} ${String(m.counts.evaluations).padStart(3)} evaluations, ${String(m.counts.isolatesAcquired).padStart(3)} isolates (${m.counts.coldStarts} cold)  ${m.label}`,
			);
			process.stdout.write(
				`\n[callbacks] per ${CALLBACKS} callbacks, lazy acquisition:\n${lines.join('\n')}\n`,
			);
		}
	});

	/** Sends the callbacks one after the other and returns what n8n's engine counted meanwhile. */
	async function measure(
		target: CallbackTarget,
		scenario: Pick<Scenario, 'contentType' | 'body' | 'starts'>,
	) {
		const { client, n8n } = own;
		const workflow = await deployTarget(client, target);
		const executionsBefore = (await client.listExecutions({ workflowId: workflow.id })).length;
		const before = await readExpressionCounts(n8n.url);
		const replies = [];
		for (let i = 0; i < CALLBACKS; i++) {
			replies.push(
				await client.callWebhook(target.webhookPath, {
					body: scenario.body(i),
					headers: { 'content-type': scenario.contentType },
					registrationTimeoutMs: 0,
				}),
			);
		}
		const executions = scenario.starts
			? await finishedExecutions(client, workflow.id, executionsBefore + CALLBACKS, 60_000)
			: await client.listExecutions({ workflowId: workflow.id });
		const counts = countsBetween(before, await readExpressionCounts(n8n.url));
		await client.deactivateWorkflow(workflow.id);
		return { replies, counts, executions: executions.length - executionsBefore };
	}

	describe.each(SCENARIOS)('$label', (scenario) => {
		it('typeVersion 2: no expression evaluated, no isolate acquired; typeVersion 1: one per callback at least', async () => {
			const v1 = await measure(scenario.target(1), scenario);
			const v2 = await measure(scenario.target(2), scenario);
			measured.push({ label: scenario.label, version: 'v1', counts: v1.counts });
			measured.push({ label: scenario.label, version: 'v2', counts: v2.counts });

			// Same answers, same executions at both versions.
			expect(v2.replies.map((r) => [r.status, r.body])).toEqual(
				v1.replies.map((r) => [r.status, r.body]),
			);
			expect(v1.replies.every((r) => r.status === 200)).toBe(true);
			expect(v2.executions).toBe(v1.executions);
			expect(v1.executions).toBe(scenario.starts ? CALLBACKS : 0);

			expect(v2.counts).toEqual({ evaluations: 0, isolatesAcquired: 0, coldStarts: 0 });
			expect(v1.counts.evaluations).toBeGreaterThanOrEqual(CALLBACKS);
			expect(v1.counts.isolatesAcquired).toBeGreaterThanOrEqual(CALLBACKS);
		});
	});

	it("n8n's own Webhook node (typeVersion 2) evaluates nothing either: the reference", async () => {
		const webhook = await measure(webhookNodeWorkflow(), {
			contentType: FORM,
			body: (i) => atDeliveryReport(`webhook${i}`),
			starts: true,
		});
		measured.push({ label: "n8n's Webhook node → No-Op", version: 'ref', counts: webhook.counts });
		expect(webhook.executions).toBe(CALLBACKS);
		expect(webhook.counts).toEqual({ evaluations: 0, isolatesAcquired: 0, coldStarts: 0 });
	});
});

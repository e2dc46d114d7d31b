/**
 * The Custom HTTP Gateway in the real n8n: a credential of type `httpSmsGatewayApi` stored through
 * n8n's REST API from each shipped profile (pointed at this run's simulator), Webhook → Send SMS
 * deployed and called, the simulator holding the message once; Check SMS Balance through a profile's
 * balance request; and n8n's own credential test, which runs the credential's function
 * `authenticate` (Basic, header, confidential parameters) inside n8n.
 */
import type { CredentialSummary, N8nRestClient } from '../../tooling/n8n/rest-client';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { storeShippedProfile, type ShippedProfileName } from './support/custom-profiles';
import { SimControl } from '../../tooling/n8n/sim-control';
import { deployActive, uniqueNumber, uniqueTag, webhookThen } from '../../tooling/n8n/workflows';

const CASES = [
	{ profile: 'kannel', simulatorGateway: 'kannel', from: 'CLINIC', prefix: '+254733' },
	{ profile: 'twilio', simulatorGateway: 'twilio', from: '+15005550006', prefix: '+254734' },
	{
		profile: 'africastalking-simulator',
		simulatorGateway: 'africasTalking',
		from: 'SIMSMS',
		prefix: '+254735',
	},
	{ profile: 'smsbox-simulator', simulatorGateway: 'smsBox', from: 'SMSBOX', prefix: '+255736' },
] as const;

const digits = (phone: string) => phone.replace(/\D/g, '');

describe('the Custom HTTP Gateway in the real n8n', () => {
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
		for (const id of workflowIds) await client.deactivateWorkflow(id);
		for (const credential of credentials) await client.deleteCredential(credential.id);
	});

	async function storeProfile(
		name: ShippedProfileName,
		patch: Record<string, unknown> = {},
	): Promise<CredentialSummary> {
		const credential = await storeShippedProfile(client, context, name, patch);
		credentials.push(credential);
		return credential;
	}

	it.each(CASES.map((c) => [c.profile, c] as const))(
		'sends one SMS with the %s profile',
		async (_name, c) => {
			const credential = await storeProfile(c.profile);
			const tag = uniqueTag();
			const hookPath = `e2e-custom-${c.profile}-${tag}`;
			const workflow = await deployActive(
				client,
				webhookThen(hookPath, {
					type: 'sendSms',
					name: 'Send SMS',
					parameters: {
						gateway: 'httpGateway',
						to: '={{ $json.body.to }}',
						message: '={{ $json.body.message }}',
						from: c.from,
						options: {},
					},
					credentials: { httpSmsGatewayApi: { id: credential.id, name: credential.name } },
				}),
			);
			workflowIds.push(workflow.id);
			const to = uniqueNumber(c.prefix, 6);
			const message = `Custom gateway "${tag}" & {{to}} = ok`;
			const reply = await client.callWebhook(hookPath, { body: { to, message } });
			expect(reply.status).toBe(200);
			const items = JSON.parse(reply.body) as Array<Record<string, unknown>>;
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ gateway: 'httpGateway', status: 'accepted', error: null });
			const stored = (await sim.messages({ gateway: c.simulatorGateway })).filter(
				(m) => digits(m.to) === digits(to),
			);
			expect(stored).toHaveLength(1);
			expect(stored[0].text).toBe(message);
		},
	);

	it("checks the balance through the Africa's Talking profile's balance request", async () => {
		const credential = await storeProfile('africastalking-simulator');
		const hookPath = `e2e-custom-balance-${uniqueTag()}`;
		const workflow = await deployActive(
			client,
			webhookThen(hookPath, {
				type: 'checkSmsBalance',
				name: 'Check SMS Balance',
				parameters: { gateway: 'httpGateway' },
				credentials: { httpSmsGatewayApi: { id: credential.id, name: credential.name } },
			}),
		);
		workflowIds.push(workflow.id);
		const reply = await client.callWebhook(hookPath, { body: {} });
		expect(reply.status).toBe(200);
		const items = JSON.parse(reply.body) as Array<Record<string, unknown>>;
		expect(items[0]).toMatchObject({ gateway: 'httpGateway', currency: 'KES' });
		expect(typeof items[0].balance).toBe('number');
	});

	it("passes n8n's credential test with the right secret and fails it with a wrong one", async () => {
		expect(
			(await client.testCredential(await storeProfile('africastalking-simulator'))).status,
		).toBe('OK');
		expect(
			(
				await client.testCredential(
					await storeProfile('africastalking-simulator', { authHeaderSecret: 'wrong' }),
				)
			).status,
		).toBe('Error');
		expect((await client.testCredential(await storeProfile('smsbox-simulator'))).status).toBe('OK');
		expect(
			(await client.testCredential(await storeProfile('smsbox-simulator', { password: 'wrong' })))
				.status,
		).toBe('Error');
	});
});

/** How each gateway is driven by a Send SMS workflow in the e2e tests. */
import type {
	CredentialSummary,
	N8nRestClient,
	WebhookReply,
} from '../../../tooling/n8n/rest-client';
import type { SimulatorCredentialKey } from '../../../tooling/n8n/simulator-credentials';
import { deployActive, uniqueNumber, uniqueTag, webhookThen } from '../../../tooling/n8n/workflows';

export interface GatewaySend {
	/** The node's `gateway` parameter value, the simulator's id for the gateway too (`/sim/messages?gateway=`). */
	gateway: 'africasTalking' | 'gupshup' | 'smsBox' | 'dhis2';
	credentialKey: SimulatorCredentialKey;
	credentialType: string;
	/** Numbers the simulator and the node accept (as in the engine tests), with random trailing digits. */
	numberPrefix: string;
	numberDigits: number;
	from: string;
}

export const GATEWAY_SENDS: GatewaySend[] = [
	{
		gateway: 'africasTalking',
		credentialKey: 'africasTalking',
		credentialType: 'africasTalkingApi',
		numberPrefix: '+254711',
		numberDigits: 6,
		from: '',
	},
	{
		gateway: 'gupshup',
		credentialKey: 'gupshup',
		credentialType: 'gupshupApi',
		numberPrefix: '+55119870',
		numberDigits: 5,
		from: '',
	},
	{
		gateway: 'smsBox',
		credentialKey: 'smsBox',
		credentialType: 'smsBoxApi',
		numberPrefix: '+255700',
		numberDigits: 6,
		// SMSBox needs an approved sender name; the simulator's account has this one.
		from: 'SMSBOX',
	},
	{
		gateway: 'dhis2',
		credentialKey: 'dhis2',
		credentialType: 'dhis2Api',
		numberPrefix: '+254722',
		numberDigits: 6,
		from: '',
	},
];

export interface SendRun {
	workflowId: string;
	to: string;
	message: string;
	reply: WebhookReply;
}

/**
 * Deploys Webhook → Send SMS (to and message read from the POST body) with `credential`, calls
 * it once and returns n8n's reply.
 */
export async function sendThroughWorkflow(
	client: N8nRestClient,
	spec: GatewaySend,
	credential: CredentialSummary,
): Promise<SendRun> {
	const tag = uniqueTag();
	const path = `e2e-send-${spec.gateway.toLowerCase()}-${tag}`;
	const workflow = await deployActive(
		client,
		webhookThen(path, {
			type: 'sendSms',
			name: 'Send SMS',
			parameters: {
				gateway: spec.gateway,
				to: '={{ $json.body.to }}',
				message: '={{ $json.body.message }}',
				...(spec.from ? { from: spec.from } : {}),
				options: {},
			},
			credentials: { [spec.credentialType]: { id: credential.id, name: credential.name } },
		}),
	);
	const to = uniqueNumber(spec.numberPrefix, spec.numberDigits);
	const message = `Hello from the e2e test ${tag}`;
	const reply = await client.callWebhook(path, { body: { to, message } });
	return { workflowId: workflow.id, to, message, reply };
}

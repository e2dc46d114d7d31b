/**
 * The sending node of each bulk variant, as a user would configure it in n8n:
 * - `sendSms`: this package's Send SMS node at its defaults (each gateway's own Max Concurrency default).
 * - `httpDefaults`: n8n's HTTP Request node (newest typeVersion, 4.5 in n8n 2.41), one request per
 *   item, no options. n8n 2.41's HttpRequestV3 starts each item's request without waiting for the
 *   previous one (`requestPromises`, then `Promise.allSettled`), so 5,000 items are 5,000 requests
 *   in flight at once.
 * - `httpBatched`: the same node with its Batching option set to 10 items per 20 ms. Batching can
 *   only add waits (HttpRequestV3: `sleep(batchInterval)` every `batchSize` items), so this is its
 *   fastest setting that keeps the gateway at 10 requests in flight at 20 ms latency (Send SMS's former default for every gateway),
 *   what a user sets when the gateway answers floods with 429 ("Try spacing your requests out
 *   using the batching settings", the node's own 429 hint).
 * The baselines use n8n's generic Header/Basic auth credentials, as someone without this package
 * would; each request carries one recipient, the way the gateways' own examples show it.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { CredentialSummary, N8nRestClient } from '../../tooling/n8n/rest-client';
import type { SimulatorAccountsForCredentials } from '../../tooling/n8n/simulator-credentials';
import { CREDENTIAL_TYPE_BY_GATEWAY } from '../../tooling/n8n/simulator-credentials';
import type { ProvisionedCredentials } from '../../tooling/n8n/provision-credentials';
import type { BenchGateway, SendMode } from '../support/gateways';
import type { SenderNodeSpec } from '../support/workflows';

export type SenderVariant = 'sendSms' | 'httpDefaults' | 'httpBatched';

export const SENDER_VARIANTS: readonly SenderVariant[] = ['sendSms', 'httpDefaults', 'httpBatched'];

export const VARIANT_LABEL: Record<SenderVariant, string> = {
	sendSms: 'Send SMS (defaults)',
	httpDefaults: 'HTTP Request (defaults)',
	httpBatched: 'HTTP Request (batching 10 / 20 ms)',
};

/** The newest HTTP Request version in n8n 2.41 (`HttpRequest.node.js` `defaultVersion`). */
export const HTTP_REQUEST_VERSION = 4.5;
export const HTTP_BATCH = { batchSize: 10, batchInterval: 20 };

const BROADCAST_TEXT = 'Clinic day is Friday';
/** The node's placeholder (SMSBox's `[{RECEIVERNAME}]`, offered on every gateway). */
const PERSONALISED_TEMPLATE = 'Hello [{RECEIVERNAME}], clinic day is Friday';
/** The same text through an expression, as the HTTP Request node needs it. */
const PERSONALISED_EXPRESSION = 'Hello {{ $json.name }}, clinic day is Friday';

export function expectedText(mode: SendMode, name: string): string {
	return mode === 'broadcast'
		? BROADCAST_TEXT
		: PERSONALISED_TEMPLATE.replace('[{RECEIVERNAME}]', name);
}

/** Send SMS's parameters for items `{phone, name}`, at the node's defaults plus `options`. */
export function sendSmsParameters(
	gateway: BenchGateway,
	mode: SendMode,
	options: INodeParameters = {},
): INodeParameters {
	return {
		gateway,
		to: '={{ $json.phone }}',
		message: mode === 'broadcast' ? BROADCAST_TEXT : PERSONALISED_TEMPLATE,
		// SMSBox needs an approved sender name; the simulator's account has this one.
		...(gateway === 'smsBox' ? { from: 'SMSBOX' } : {}),
		...(mode === 'personalised' ? { recipientName: '={{ $json.name }}' } : {}),
		options,
	};
}

export function sendSmsNode(
	gateway: BenchGateway,
	mode: SendMode,
	credentials: ProvisionedCredentials,
	packageName: string,
): SenderNodeSpec {
	const credentialType = CREDENTIAL_TYPE_BY_GATEWAY[gateway];
	const stored = credentials[gateway];
	return {
		type: `${packageName}.sendSms`,
		typeVersion: 1,
		parameters: sendSmsParameters(gateway, mode),
		credentials: { [credentialType]: { id: stored.id, name: stored.name } },
	};
}

/** n8n's generic credentials for the baselines, one per gateway. */
export type BaselineCredentials = Record<BenchGateway, CredentialSummary>;

export async function createBaselineCredentials(
	client: N8nRestClient,
	accounts: SimulatorAccountsForCredentials,
): Promise<BaselineCredentials> {
	const create = (name: string, type: string, data: Record<string, unknown>) =>
		client.createCredential({ name: `Bench baseline: ${name}`, type, data });
	return {
		africasTalking: await create("Africa's Talking", 'httpHeaderAuth', {
			name: 'apiKey',
			value: accounts.africasTalking.apiKey,
		}),
		gupshup: await create('Gupshup', 'httpHeaderAuth', {
			name: 'apikey',
			value: accounts.gupshup.apiKey,
		}),
		smsBox: await create('SMSBox', 'httpBasicAuth', {
			user: accounts.smsBox.apiKey,
			password: accounts.smsBox.apiSecret,
		}),
		dhis2: await create('DHIS2', 'httpBasicAuth', {
			user: accounts.dhis2.username,
			password: accounts.dhis2.password,
		}),
	};
}

export function httpRequestNode(
	gateway: BenchGateway,
	mode: SendMode,
	variant: Exclude<SenderVariant, 'sendSms'>,
	simUrl: string,
	accounts: SimulatorAccountsForCredentials,
	credential: CredentialSummary,
): SenderNodeSpec {
	const text = mode === 'broadcast' ? BROADCAST_TEXT : PERSONALISED_EXPRESSION;
	const request = gatewayRequest(gateway, text, simUrl, accounts);
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		parameters: {
			method: 'POST',
			url: request.url,
			authentication: 'genericCredentialType',
			genericAuthType: credential.type,
			sendHeaders: true,
			specifyHeaders: 'keypair',
			headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
			sendBody: true,
			...request.body,
			options: variant === 'httpBatched' ? { batching: { batch: HTTP_BATCH } } : {},
		},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

function gatewayRequest(
	gateway: BenchGateway,
	text: string,
	simUrl: string,
	accounts: SimulatorAccountsForCredentials,
): { url: string; body: Record<string, unknown> } {
	const form = (fields: Record<string, string>) => ({
		contentType: 'form-urlencoded',
		bodyParameters: {
			parameters: Object.entries(fields).map(([name, value]) => ({ name, value })),
		},
	});
	const json = (template: string) => ({
		contentType: 'json',
		specifyBody: 'json',
		jsonBody: `=${template}`,
	});
	switch (gateway) {
		case 'africasTalking':
			// Seed: POST /version1/messaging, form username, to (+E.164), message; apiKey header.
			return {
				url: `${simUrl}/africastalking/version1/messaging`,
				body: form({
					username: accounts.africasTalking.username,
					to: '={{ $json.phone }}',
					message: `=${text}`,
				}),
			};
		case 'gupshup':
			// Seed: POST /sms/v1/message/{appid}, form destination (digits, no +), message; apikey header.
			return {
				url: `${simUrl}/gupshup/sms/v1/message/${accounts.gupshup.appId}`,
				body: form({ destination: "={{ $json.phone.replace('+', '') }}", message: `=${text}` }),
			};
		case 'smsBox':
			// Seed: POST /api/sms/v1/send_sms, JSON with source_addr, message, recipients[]; Basic auth.
			return {
				url: `${simUrl}/smsbox/api/sms/v1/send_sms`,
				body: json(
					`{"source_addr":"SMSBOX","schedule_time":"","encoding":0,"message":"${text}","recipients":[{"recipient_name":"{{ $json.name }}","dest_addr":"{{ $json.phone }}"}]}`,
				),
			};
		case 'dhis2':
			// docs/gateways/dhis2.md#sending: POST /api/sms/outbound, JSON {message, recipients[]}; Basic auth.
			return {
				url: `${simUrl}/dhis2/api/sms/outbound`,
				body: json(`{"message":"${text}","recipients":["{{ $json.phone }}"]}`),
			};
	}
}

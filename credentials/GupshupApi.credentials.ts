import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { applyAuthentication, asText } from '../nodes/shared/helpers/credential-authentication';

/**
 * Gupshup's SMS API documents the key twice: its cURL sends `Authorization: <key>` while its
 * header table says `apikey` (docs/gateways/gupshup.md#sending), and the wallet-balance endpoint is called with
 * `apikey`. Both headers carry the same key so every endpoint finds it where it looks.
 */
export class GupshupApi implements ICredentialType {
	name = 'gupshupApi';

	displayName = 'Gupshup API';

	icon: Icon = { light: 'file:../icons/gupshup.svg', dark: 'file:../icons/gupshup.dark.svg' };

	documentationUrl =
		'https://www.gupshup.io/developer/docs/bot-platform/guide/sms-api-documentation';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key shown in your Gupshup dashboard',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '4a1b2c3d-0000-4000-8000-000000000001',
			description: "The app's ID (a UUID), visible in the cURL example the dashboard generates",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.gupshup.io',
			description:
				'Change it only to use a proxy or the local gateway simulator (http://127.0.0.1:8787/gupshup)',
		},
	];

	/** The key in both headers (a function: no expression is evaluated per request). */
	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		applyAuthentication(requestOptions, {
			headers: { Authorization: asText(credentials.apiKey), apikey: asText(credentials.apiKey) },
		});

	/**
	 * The wallet-balance read is the only authenticated Gupshup call that sends nothing and costs
	 * nothing. It is observed in integrators' code, not documented, so a 200 whose body says
	 * `status: error` is treated as a refusal too.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: "={{($credentials.baseUrl || 'https://api.gupshup.io').replace(/\\/+$/, '')}}",
			url: '/sm/api/v2/wallet/balance',
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: 'error', message: 'Gupshup refused the API key' },
			},
		],
	};
}

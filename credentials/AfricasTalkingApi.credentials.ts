import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { applyAuthentication, asText } from '../nodes/shared/helpers/credential-authentication';

/**
 * Africa's Talking authenticates every call with an `apiKey` header; the username travels in the
 * body or query of each call (the adapter adds it). Live and sandbox are different hosts, and the
 * premium (content) host is another: `baseUrl`, when set, replaces all of them, which is how a user
 * points the node at the local simulator or a proxy.
 */
export class AfricasTalkingApi implements ICredentialType {
	name = 'africasTalkingApi';

	displayName = "Africa's Talking API";

	icon: Icon = {
		light: 'file:../icons/africastalking.svg',
		dark: 'file:../icons/africastalking.dark.svg',
	};

	documentationUrl = 'https://developers.africastalking.com/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'Your Africa\'s Talking application username. In the sandbox it is always "sandbox".',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Live', value: 'live' },
				{ name: 'Sandbox', value: 'sandbox' },
			],
			default: 'live',
			description:
				'Sandbox messages are not delivered to real phones; use the sandbox simulator to see them',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.africastalking.com',
			description:
				"Optional. Replaces every Africa's Talking host (api, sandbox and content), for example to use a proxy or the local gateway simulator (http://127.0.0.1:8787/africastalking).",
		},
	];

	/** `apiKey: <key>` on every request (a function: no expression is evaluated per request). */
	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		applyAuthentication(requestOptions, { headers: { apiKey: asText(credentials.apiKey) } });

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				"={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, '') : ($credentials.environment === 'sandbox' ? 'https://api.sandbox.africastalking.com' : 'https://api.africastalking.com')}}",
			url: '/version1/user',
			method: 'GET',
			qs: { username: '={{$credentials.username}}' },
			headers: { Accept: 'application/json' },
		},
	};
}

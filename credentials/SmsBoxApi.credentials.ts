import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { applyAuthentication, asText } from '../nodes/shared/helpers/credential-authentication';

/**
 * SMSBox's header table names `api-key` / `api-secret` "Basic Authentication Username/Password",
 * and every one of its samples sends `Authorization: Basic base64(key:secret)` (docs/gateways/smsbox.md#authentication-and-formats):
 * that is what is sent.
 */
export class SmsBoxApi implements ICredentialType {
	name = 'smsBoxApi';

	displayName = 'SMSBox API';

	icon: Icon = { light: 'file:../icons/smsbox.svg', dark: 'file:../icons/smsbox.dark.svg' };

	documentationUrl = 'https://smsbox.devotek.africa/docs/sms';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://smsbox.devotek.africa',
			description:
				'Change it only to use a proxy or the local gateway simulator (http://127.0.0.1:8787/smsbox)',
		},
	];

	/** HTTP Basic with key and secret (a function: no expression is evaluated per request). */
	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		applyAuthentication(requestOptions, {
			auth: { username: asText(credentials.apiKey), password: asText(credentials.apiSecret) },
		});

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				"={{($credentials.baseUrl || 'https://smsbox.devotek.africa').replace(/\\/+$/, '')}}",
			url: '/api/sms/v1/query_sms_balance',
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: false,
					message: 'SMSBox refused the API key or secret',
				},
			},
		],
	};
}

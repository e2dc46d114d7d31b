/**
 * The credentials' `authenticate` as they were before they became functions (commit a65aa95):
 * n8n generic authentication, whose `={{ $credentials.x }}` expressions n8n evaluates on every
 * request. Kept only so the tests can prove the functions send exactly what these sent.
 */
import type { IAuthenticateGeneric } from 'n8n-workflow';

export const FORMER_AUTHENTICATE: Record<string, IAuthenticateGeneric> = {
	africasTalkingApi: {
		type: 'generic',
		properties: { headers: { apiKey: '={{$credentials.apiKey}}' } },
	},
	gupshupApi: {
		type: 'generic',
		properties: {
			headers: { Authorization: '={{$credentials.apiKey}}', apikey: '={{$credentials.apiKey}}' },
		},
	},
	smsBoxApi: {
		type: 'generic',
		properties: {
			auth: { username: '={{$credentials.apiKey}}', password: '={{$credentials.apiSecret}}' },
		},
	},
	dhis2Api: {
		type: 'generic',
		properties: {
			headers: {
				Authorization:
					"={{$credentials.authType === 'token' ? 'ApiToken ' + $credentials.token : 'Basic ' + ($credentials.username + ':' + $credentials.password).base64Encode()}}",
				'X-Requested-With': 'XMLHttpRequest',
			},
		},
	},
};

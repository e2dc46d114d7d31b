import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { applyAuthentication } from '../nodes/shared/helpers/credential-authentication';

/**
 * DHIS2 takes either HTTP Basic or a personal access token (`Authorization: ApiToken …`, DHIS2
 * 2.37 and later). Both go in one Authorization header, because a generic
 * `auth` block would add Basic credentials even when a token is chosen. `X-Requested-With` makes
 * DHIS2 answer a refused login with a 401 WebMessage instead of redirecting to its login page
 * (docs/gateways/dhis2.md#authentication-and-api-versions).
 */
export class Dhis2Api implements ICredentialType {
	name = 'dhis2Api';

	displayName = 'DHIS2 API';

	icon: Icon = { light: 'file:../icons/dhis2.svg', dark: 'file:../icons/dhis2.dark.svg' };

	documentationUrl =
		'https://docs.dhis2.org/en/develop/using-the-api/dhis-core-version-master/sms.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://dhis2.example.org',
			description:
				'The address of your DHIS2 instance, with its context path if it has one (for example https://play.dhis2.org/40). For the local gateway simulator: http://127.0.0.1:8787/dhis2.',
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Username and Password', value: 'basic' },
				{ name: 'Personal Access Token', value: 'token' },
			],
			default: 'basic',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Personal Access Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'd2p_…',
			description: 'Created in DHIS2 under Profile → Personal access tokens (DHIS2 2.37 and later)',
			displayOptions: { show: { authType: ['token'] } },
		},
	];

	/**
	 * One Authorization header, token or Basic, and `X-Requested-With` (a function: no expression
	 * is evaluated per request). The Basic value is base64 of the UTF-8 `username:password`, as the
	 * former expression's `.base64Encode()` made it; the parts are joined as JavaScript's `+` joins
	 * them.
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		applyAuthentication(requestOptions, {
			headers: {
				Authorization:
					credentials.authType === 'token'
						? `ApiToken ${credentials.token as string}`
						: `Basic ${Buffer.from(`${credentials.username as string}:${credentials.password as string}`, 'utf8').toString('base64')}`,
				'X-Requested-With': 'XMLHttpRequest',
			},
		});

	test: ICredentialTestRequest = {
		request: {
			baseURL: "={{$credentials.serverUrl.replace(/\\/+$/, '')}}",
			url: '/api/me',
			method: 'GET',
			qs: { fields: 'id,username' },
			headers: { Accept: 'application/json' },
		},
	};
}

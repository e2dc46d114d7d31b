/**
 * The four gateways' credentials as n8n stores them, pointing at the local gateway simulator
 * with its default accounts. Field names are those of `credentials/*.credentials.ts`.
 */
export interface SimulatorAccountsForCredentials {
	africasTalking: { username: string; apiKey: string };
	gupshup: { appId: string; apiKey: string };
	smsBox: { apiKey: string; apiSecret: string };
	dhis2: { username: string; password: string; personalAccessToken: string };
}

/** Which simulator credential: one per gateway, plus DHIS2 with a personal access token. */
export type SimulatorCredentialKey =
	| 'africasTalking'
	| 'gupshup'
	| 'smsBox'
	| 'dhis2'
	| 'dhis2Token';

export interface CredentialDefinition {
	key: SimulatorCredentialKey;
	name: string;
	/** The credential type's `name`, e.g. `africasTalkingApi`. */
	type: string;
	data: Record<string, string>;
}

/** Gateway key → its credential type name in this package. */
export const CREDENTIAL_TYPE_BY_GATEWAY = {
	africasTalking: 'africasTalkingApi',
	gupshup: 'gupshupApi',
	smsBox: 'smsBoxApi',
	dhis2: 'dhis2Api',
} as const;

/** Where each gateway lives under the simulator's URL. */
export function simulatorBaseUrls(simulatorUrl: string) {
	const root = simulatorUrl.replace(/\/+$/, '');
	return {
		africasTalking: `${root}/africastalking`,
		gupshup: `${root}/gupshup`,
		smsBox: `${root}/smsbox`,
		dhis2: `${root}/dhis2`,
	};
}

/**
 * One credential per gateway, plus a second DHIS2 credential using the personal access token,
 * so both DHIS2 authentication methods are there to try.
 */
export function simulatorCredentials(
	simulatorUrl: string,
	accounts: SimulatorAccountsForCredentials,
	namePrefix = 'Simulator',
): CredentialDefinition[] {
	const urls = simulatorBaseUrls(simulatorUrl);
	return [
		{
			key: 'africasTalking',
			name: `${namePrefix}: Africa's Talking`,
			type: 'africasTalkingApi',
			data: {
				username: accounts.africasTalking.username,
				apiKey: accounts.africasTalking.apiKey,
				// The simulator plays the sandbox (Africa's Talking's documented (docs/gateways/africastalking.md#hosts-and-authentication) sandbox username is always "sandbox").
				environment: 'sandbox',
				baseUrl: urls.africasTalking,
			},
		},
		{
			key: 'gupshup',
			name: `${namePrefix}: Gupshup`,
			type: 'gupshupApi',
			data: {
				apiKey: accounts.gupshup.apiKey,
				appId: accounts.gupshup.appId,
				baseUrl: urls.gupshup,
			},
		},
		{
			key: 'smsBox',
			name: `${namePrefix}: SMSBox`,
			type: 'smsBoxApi',
			data: {
				apiKey: accounts.smsBox.apiKey,
				apiSecret: accounts.smsBox.apiSecret,
				baseUrl: urls.smsBox,
			},
		},
		{
			key: 'dhis2',
			name: `${namePrefix}: DHIS2`,
			type: 'dhis2Api',
			data: {
				serverUrl: urls.dhis2,
				authType: 'basic',
				username: accounts.dhis2.username,
				password: accounts.dhis2.password,
			},
		},
		{
			key: 'dhis2Token',
			name: `${namePrefix}: DHIS2 (token)`,
			type: 'dhis2Api',
			data: { serverUrl: urls.dhis2, authType: 'token', token: accounts.dhis2.personalAccessToken },
		},
	];
}

/** Every secret value in the simulator accounts: what must never show in a log or an execution. */
export function simulatorSecrets(accounts: SimulatorAccountsForCredentials): string[] {
	return [
		accounts.africasTalking.apiKey,
		accounts.gupshup.apiKey,
		accounts.smsBox.apiSecret,
		accounts.dhis2.password,
		accounts.dhis2.personalAccessToken,
	];
}

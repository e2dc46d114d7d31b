/** Wrong variants of the simulator credentials: one secret field changed per credential. */
import {
	simulatorCredentials,
	type CredentialDefinition,
	type SimulatorAccountsForCredentials,
	type SimulatorCredentialKey,
} from '../../../tooling/n8n/simulator-credentials';

export const WRONG_SECRET: Record<SimulatorCredentialKey, { field: string; value: string }> = {
	africasTalking: { field: 'apiKey', value: 'at-wrong-key' },
	gupshup: { field: 'apiKey', value: 'gs-wrong-key' },
	smsBox: { field: 'apiSecret', value: 'sb-wrong-secret' },
	dhis2: { field: 'password', value: 'not-district' },
	dhis2Token: { field: 'token', value: 'd2p_WrongTokenWrongTokenWrongTokenWrongTokenWrong00' },
};

export function wrongCredential(
	simulatorUrl: string,
	accounts: SimulatorAccountsForCredentials,
	key: SimulatorCredentialKey,
	namePrefix: string,
): Omit<CredentialDefinition, 'key'> {
	const definition = simulatorCredentials(simulatorUrl, accounts, namePrefix).find(
		(d) => d.key === key,
	);
	const { field, value } = WRONG_SECRET[key];
	if (!definition || definition.data[field] === undefined)
		throw new Error(`no ${field} in the ${key} credential`);
	return {
		name: definition.name,
		type: definition.type,
		data: { ...definition.data, [field]: value },
	};
}

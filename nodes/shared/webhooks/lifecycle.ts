import type { IHookFunctions } from 'n8n-workflow';

/**
 * The webhook lifecycle of every trigger here. No gateway has an API to register a callback URL:
 * the user pastes the URL into the gateway's dashboard (each trigger's notice says where), so there
 * is nothing to check, create or delete (n8n's manual-URL pattern, as in its TheHive trigger).
 */
export const manualUrlLifecycle = {
	checkExists: async function (this: IHookFunctions): Promise<boolean> {
		return true;
	},
	create: async function (this: IHookFunctions): Promise<boolean> {
		return true;
	},
	delete: async function (this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

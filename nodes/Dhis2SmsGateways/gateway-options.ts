/** The dropdown of the server's SMS gateway configurations (a `loadOptions` method). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { adapterFor } from '../shared/registry/registry';
import { n8nHttpClient } from '../shared/core/transport';
import { toLoadOptionsError } from '../shared/n8n/errors';

export async function getSmsGateways(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const adapter = adapterFor((this.getCurrentNodeParameter('gateway') as string) || 'dhis2');
	const capability = adapter.gatewayAdmin;
	if (!capability) return [];
	try {
		const credentials = await this.getCredentials(adapter.credentialType);
		const gateways = await capability.list(
			n8nHttpClient(this, adapter.credentialType),
			credentials,
		);
		return gateways
			.map((g) => ({
				name: `${String(g.name ?? g.id)} (${g.type}${g.isDefault === true ? ', default' : ''})`,
				value: g.id,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toLoadOptionsError(this.getNode(), error);
	}
}

/** The dropdown of the server's SMS gateway configurations (a `loadOptions` method). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GatewayError } from '../shared/core/errors';
import { adapterFor } from '../shared/registry/registry';
import { n8nHttpClient } from '../shared/core/transport';

export async function getSmsGateways(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const adapter = adapterFor((this.getCurrentNodeParameter('gateway') as string) || 'dhis2');
	const capability = adapter.gatewayAdmin;
	if (!capability) return [];
	try {
		const credentials = await this.getCredentials(adapter.credentialType);
		const gateways = await capability.list(n8nHttpClient(this, adapter.credentialType), credentials);
		return gateways
			.map((g) => ({
				name: `${String(g.name ?? g.id)} (${g.type}${g.isDefault === true ? ', default' : ''})`,
				value: g.id,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		if (error instanceof GatewayError) {
			throw new NodeOperationError(this.getNode(), error.info.message, { description: error.info.explanation });
		}
		throw new NodeOperationError(this.getNode(), error as Error);
	}
}

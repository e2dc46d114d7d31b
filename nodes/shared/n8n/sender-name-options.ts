/**
 * The dropdown of approved sender names (a `loadOptions` method), for every node with a sender
 * field on a gateway that manages its sender names (SMSBox). It lists them through the same
 * adapter capability as the Manage Sender Names node.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { adapterFor, gatewaysWith } from '../registry/registry';
import { n8nHttpClient } from '../core/transport';
import { toLoadOptionsError } from './errors';

export async function getApprovedSenderNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const gateway = this.getCurrentNodeParameter('gateway');
	// Without a gateway parameter, the (only) gateway that manages sender names.
	const adapter =
		typeof gateway === 'string' && gateway ? adapterFor(gateway) : gatewaysWith('senderNames')[0];
	const capability = adapter?.senderNames;
	if (!capability) return [];
	try {
		const credentials = await this.getCredentials(adapter.credentialType);
		const names = await capability.list(n8nHttpClient(this, adapter.credentialType), credentials, {
			status: 'approved',
		});
		// Only approved names can send (SMSBox code 111 otherwise), whatever the filter returned.
		return names
			.filter((n) => n.status === 'approved' && n.name !== '')
			.map((n) => ({ name: n.name, value: n.name }))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toLoadOptionsError(this.getNode(), error);
	}
}

/**
 * The `gateway` parameter every action node starts with, the credential list that goes with it and
 * the subtitle naming the chosen gateway, built from the adapter registry so each node offers only
 * the gateways that can do its job.
 *
 * While only one gateway has a node's capability, the node shows no one-option Gateway dropdown:
 * the parameter is `hidden`, fixed to that gateway (same name and value, so saved workflows keep
 * working), and the node lists that gateway's credential with no `displayOptions`, so the editor
 * always shows its credential picker. When the registry gains a second gateway for the capability,
 * the dropdown and the per-gateway credentials come back by themselves.
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { Capability } from '../core/types';
import {
	gatewayCredentials as credentialsPerGateway,
	gatewayNames,
	gatewayOptions,
	subtitleExpression,
} from '../registry/n8n-options';
import { gatewaysWith } from '../registry/registry';

/** The one gateway with this capability, or undefined when there are several (or none). */
function onlyGatewayWith(capability: Capability) {
	const gateways = gatewaysWith(capability);
	return gateways.length === 1 ? gateways[0] : undefined;
}

export function gatewayProperty(capability: Capability, defaultGateway: string): INodeProperties {
	const only = onlyGatewayWith(capability);
	if (only) {
		const fixed: string = only.id;
		return { displayName: 'Gateway', name: 'gateway', type: 'hidden', default: fixed };
	}
	return {
		displayName: 'Gateway',
		name: 'gateway',
		type: 'options',
		noDataExpression: true,
		options: gatewayOptions(capability),
		default: defaultGateway,
		description: 'The SMS gateway to use. Only gateways that support this action are listed.',
	};
}

/** The node's `credentials`: each gateway's, shown when it is chosen; the one gateway's, always. */
export function gatewayCredentials(capability: Capability): INodeCredentialDescription[] {
	const only = onlyGatewayWith(capability);
	if (only) return [{ name: only.credentialType, required: true }];
	return credentialsPerGateway(capability);
}

/** `"<prefix> <name of the chosen gateway>"`, over the gateways with this capability. */
export function gatewaySubtitle(prefix: string, capability: Capability): string {
	return subtitleExpression(prefix, gatewaysWith(capability));
}

export { gatewayNames };

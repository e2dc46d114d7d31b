/**
 * The `gateway` parameter every action node starts with, the credential list that goes with it and
 * the subtitle naming the chosen gateway, built from the adapter registry so each node offers only
 * the gateways that can do its job.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { Capability } from '../core/types';
import { gatewayCredentials, gatewayNames, gatewayOptions, subtitleExpression } from '../registry/n8n-options';
import { gatewaysWith } from '../registry/registry';

export function gatewayProperty(capability: Capability, defaultGateway: string): INodeProperties {
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

/** `"<prefix> <name of the chosen gateway>"`, over the gateways with this capability. */
export function gatewaySubtitle(prefix: string, capability: Capability): string {
	return subtitleExpression(prefix, gatewaysWith(capability));
}

export { gatewayCredentials, gatewayNames };

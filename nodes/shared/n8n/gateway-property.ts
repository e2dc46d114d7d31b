/**
 * The `gateway` parameter every action node starts with, and the credential list that goes with
 * it, built from the adapter registry so each node offers only the gateways that can do its job.
 */
import type { INodeProperties } from 'n8n-workflow';

import { gatewayCredentials, gatewayOptions } from '../registry/registry';
import type { Capability } from '../core/types';

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

export { gatewayCredentials };

/**
 * What n8n's node descriptions need from the registry: the Gateway options, the credential list
 * that goes with them, and the subtitle naming the chosen gateway. Built from the adapters, so a
 * new gateway appears in every node that its capabilities fit without editing the nodes.
 */
import type { INodeCredentialDescription, INodePropertyOptions } from 'n8n-workflow';

import type { Capability } from '../core/types';
import { gatewaysWith } from './registry';

/** The Gateway dropdown's options for a capability, by display name. */
export function gatewayOptions(capability: Capability): INodePropertyOptions[] {
	return gatewaysWith(capability)
		.map((a) => ({ name: a.displayName, value: a.id }))
		.sort((x, y) => x.name.localeCompare(y.name));
}

/** The node's `credentials` list: each gateway's credential, shown when that gateway is chosen. */
export function gatewayCredentials(capability: Capability): INodeCredentialDescription[] {
	return gatewaysWith(capability).map((a) => ({
		name: a.credentialType,
		required: true,
		displayOptions: { show: { gateway: [a.id] } },
	}));
}

/**
 * The subtitle expression `"<prefix> " + {"africasTalking":"Africa's Talking",…}[$parameter["gateway"]]`
 * over the given gateways (in registry order), as the node shows it under its name on the canvas.
 */
export function subtitleExpression(
	prefix: string,
	gateways: ReadonlyArray<{ id: string; displayName: string }>,
): string {
	const names = Object.fromEntries(gateways.map((g) => [g.id, g.displayName]));
	return `={{"${prefix} " + ${JSON.stringify(names)}[$parameter["gateway"]]}}`;
}

/** The display names of the gateways with a capability, joined for text (`SMSBox`, `A, B`). */
export function gatewayNames(capability: Capability): string {
	return gatewaysWith(capability)
		.map((a) => a.displayName)
		.join(', ');
}

/**
 * The list of gateway adapters, and which gateway can do what. Nodes build their Gateway dropdown
 * from here (n8n-options.ts), so a node only ever offers the gateways that have the capability it
 * needs. Adding a gateway means adding its adapter to ADAPTERS (CONTRIBUTING.md, "Adding a gateway").
 */
import { africasTalking } from '../adapters/africastalking';
import { dhis2 } from '../adapters/dhis2';
import { gupshup } from '../adapters/gupshup';
import { httpGateway } from '../adapters/http-gateway';
import { smsBox } from '../adapters/smsbox';
import type { GatewayAdapter } from '../core/adapter';
import type { Capability } from '../core/types';

export const ADAPTERS: readonly GatewayAdapter[] = [
	africasTalking,
	gupshup,
	smsBox,
	dhis2,
	httpGateway,
];

export function adapterFor(id: string): GatewayAdapter {
	const adapter = ADAPTERS.find((a) => a.id === id);
	if (!adapter) throw new Error(`Unknown gateway "${id}"`);
	return adapter;
}

export function capabilitiesOf(adapter: GatewayAdapter): Capability[] {
	const all: Capability[] = [
		'send',
		'balance',
		'senderNames',
		'scheduledChanges',
		'gatewayAdmin',
		'inbound',
		'deliveryReports',
		'optOut',
		'inboundPolling',
		'premiumSubscriptions',
	];
	const kinds: readonly string[] = adapter.webhooks?.eventKinds ?? [];
	const posts: Partial<Record<Capability, boolean>> = {
		inbound: kinds.includes('inbound'),
		deliveryReports: kinds.includes('deliveryReport'),
		optOut: kinds.includes('optOut'),
	};
	return all.filter(
		(c) => posts[c] ?? (adapter as unknown as Record<string, unknown>)[c] !== undefined,
	);
}

export function gatewaysWith(capability: Capability): GatewayAdapter[] {
	return ADAPTERS.filter((a) => capabilitiesOf(a).includes(capability));
}

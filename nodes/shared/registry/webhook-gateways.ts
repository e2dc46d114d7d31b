/**
 * Which gateway posts which events, for the triggers: the adapters that carry a `webhooks`
 * capability. The trigger nodes build their Gateway list from here.
 */
import { ADAPTERS } from './registry';
import type { GatewayId } from '../core/types';
import type { EventKind, WebhookCapability } from '../core/webhook-types';

export interface WebhookGateway {
	id: GatewayId;
	displayName: string;
	webhooks: WebhookCapability;
}

export const WEBHOOK_GATEWAYS: readonly WebhookGateway[] = ADAPTERS.flatMap((a) =>
	a.webhooks ? [{ id: a.id, displayName: a.displayName, webhooks: a.webhooks }] : [],
);

/** The event kinds a trigger can emit from a gateway: its own, and for opt-outs STOP replies too. */
export function sourceKinds(kind: EventKind): EventKind[] {
	return kind === 'optOut' ? ['optOut', 'inbound'] : [kind];
}

/** The gateways a trigger of this kind offers. */
export function triggerGateways(kind: EventKind): WebhookGateway[] {
	return gatewaysPosting(sourceKinds(kind));
}

/** Gateways that post at least one of these event kinds. */
export function gatewaysPosting(kinds: readonly EventKind[]): WebhookGateway[] {
	return WEBHOOK_GATEWAYS.filter((gateway) =>
		gateway.webhooks.eventKinds.some((kind) => kinds.includes(kind)),
	);
}

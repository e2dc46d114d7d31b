/**
 * Texts shown at the top of the triggers. None of the gateways has an API to register a callback
 * URL, so the user pastes the node's URL in the gateway's dashboard: each gateway's webhook
 * capability says where (`setupNotice`, in `adapters/<gateway>/webhooks.ts`); the texts that hold
 * for every gateway are here.
 */
import type { GatewayId } from '../core/types';
import type { EventKind } from '../core/webhook-types';
import { WEBHOOK_GATEWAYS } from '../registry/webhook-gateways';

/** The setup instructions of a trigger of this kind for one gateway. */
export function setupNotice(kind: EventKind, gateway: GatewayId): string {
	const found = WEBHOOK_GATEWAYS.find((g) => g.id === gateway);
	if (!found) throw new Error(`${gateway} posts no callbacks`);
	return found.webhooks.setupNotice(kind);
}

export const NO_AUTH_WARNING =
	'Anyone who finds this URL can start the workflow with made-up messages. Use authentication unless the URL is only reachable from the gateway.';

export const KEYWORD_NOTICE =
	'Besides the opt-outs a gateway reports itself, an incoming message that is only an opt-out keyword ("STOP", "Stop.", "stop!") becomes an opt-out event. Point the gateway\'s incoming-message URL at this trigger to catch them.';

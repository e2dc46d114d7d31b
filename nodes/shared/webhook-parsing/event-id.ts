/**
 * Stable event ids. Gateways retry callbacks (Gupshup re-posts slow or refused events, docs/gateways/gupshup.md#webhook-callback-url;
 * retry policies are otherwise undocumented, docs/gateways/README.md#callbacks-across-gateways), and the trigger keeps no memory of
 * what it saw: static data is one unlocked blob per workflow, unsafe for a dedup set under
 * concurrent webhooks (docs/n8n-behaviour.md#static-data-and-queue-mode). Instead each event carries an id derived only from
 * the gateway's own identifying fields, so a retried callback gives the same id and a workflow can
 * deduplicate downstream (for example with n8n's Remove Duplicates node, "across executions").
 */
import { createHash } from 'crypto';

import type { GatewayId } from '../core/types';
import type { EventKind } from '../core/webhook-types';

export type IdPart = string | number | null | undefined;

/** `<gateway>:<sha256 hex>` over the event kind and the parts, unambiguous however the parts split. */
export function eventId(gateway: GatewayId, kind: EventKind, parts: readonly IdPart[]): string {
	const material = JSON.stringify([
		gateway,
		kind,
		...parts.map((part) => (part === undefined ? null : part)),
	]);
	return `${gateway}:${createHash('sha256').update(material, 'utf8').digest('hex')}`;
}

/**
 * Gupshup webhook: one URL per app for every event (docs/gateways/gupshup.md#webhook-callback-url). It must answer 2xx with an
 * EMPTY body; anything else is not an acknowledgement and is retried.
 */
import type { CallbackAttempt } from '../../core/callbacks';
import type { SimContext } from '../../core/context';
import type { MessageRecord } from '../../core/types';
import type { InboundInput, InboundResult } from '../gateway';

export type GupshupEventStatus = 'enqueued' | 'sent' | 'delivered' | 'failed';

function isAcknowledged(status: number, body: string): boolean {
	return status >= 200 && status < 300 && body.length === 0;
}

function post(
	ctx: SimContext,
	payload: unknown,
	kind: 'events' | 'inbound',
	messageId?: string,
): Promise<CallbackAttempt[]> | null {
	return ctx.callbacks.sendIfConfigured(ctx.config.callbacks.gupshup.events, {
		gateway: 'gupshup',
		kind,
		contentType: 'application/json',
		body: JSON.stringify(payload),
		acknowledged: isAcknowledged,
		...(messageId ? { messageId } : {}),
	});
}

/** One DLR event: {destination, messageId, ts (ms epoch as a string), status}. */
export function sendGupshupEvent(
	ctx: SimContext,
	record: MessageRecord,
	status: GupshupEventStatus,
	tsMs = ctx.clock.now(),
): Promise<CallbackAttempt[]> {
	const payload: Record<string, unknown> = {
		destination: record.to,
		messageId: record.id,
		ts: String(tsMs),
		status,
	};
	// INF: the DLR documents no failure field; a failed event given a gatewayStatus carries it as
	// `code` (an 80xx number of the seed's list) or as `reason` (any other text).
	if (status === 'failed' && record.gatewayStatus !== undefined) {
		if (/^\d+$/.test(record.gatewayStatus)) payload.code = Number(record.gatewayStatus);
		else payload.reason = record.gatewayStatus;
	}
	return post(ctx, payload, 'events', record.id) ?? Promise.resolve([]);
}

/**
 * `sent` then `delivered`/`failed`, one POST per event. Gupshup's documentation (docs/gateways/gupshup.md#delivery-events) warns the order may not
 * match reality; with `gupshupShuffleEvents` they go out shuffled (ts still tells the order).
 */
export async function reportGupshupDelivery(
	ctx: SimContext,
	record: MessageRecord,
): Promise<CallbackAttempt[]> {
	const now = ctx.clock.now();
	const events: Array<[GupshupEventStatus, number]> = [
		['sent', now - 1],
		[record.status === 'delivered' ? 'delivered' : 'failed', now],
	];
	if (ctx.config.gupshupShuffleEvents && ctx.ids.next() < 0.5) events.reverse();
	const attempts: CallbackAttempt[] = [];
	for (const [status, ts] of events)
		attempts.push(...(await sendGupshupEvent(ctx, record, status, ts)));
	return attempts;
}

/**
 * inferred: the v1 SMS inbound payload is undocumented (docs/gateways/gupshup.md#incoming-messages); the WhatsApp inbound
 * shape with `type: "message"` is used, posted to the same single webhook.
 */
export function receiveGupshupInbound(ctx: SimContext, input: InboundInput): InboundResult {
	const from = input.from.replace(/^\+/, '');
	const now = ctx.clock.now();
	const countryCode =
		typeof input.countryCode === 'string' ? input.countryCode : guessCountryCode(ctx, from);
	const payload = {
		app: ctx.accounts.gupshup.appName,
		timestamp: now,
		version: 2,
		type: 'message',
		payload: {
			id: ctx.ids.uuid(),
			source: from,
			type: 'text',
			payload: { text: input.text },
			sender: {
				phone: from,
				name: typeof input.name === 'string' ? input.name : '',
				country_code: countryCode,
				dial_code: from.slice(countryCode.length),
			},
		},
	};
	return { inbound: payload, callback: post(ctx, payload, 'inbound') };
}

function guessCountryCode(ctx: SimContext, digits: string): string {
	return ctx.config.gupshupCountries.find((code) => digits.startsWith(code)) ?? digits.slice(0, 2);
}

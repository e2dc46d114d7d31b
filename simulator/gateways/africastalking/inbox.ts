/**
 * Incoming SMS at Africa's Talking: POST /sim/inbound stores the message (for the fetch API)
 * and sends the two-way callback; GET /version1/messaging fetches them (docs/gateways/africastalking.md#balance-inbox-and-subscriptions).
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { toXml } from '../../core/xml';
import type { InboundInput, InboundResult } from '../gateway';
import { checkAtAuth } from './auth';
import { SANDBOX_NETWORK_CODE, sendAtCallback } from './callbacks';
import { atReply } from './replies';
import type { AtState } from './state';

/** inferred: the callback's date format is not specified; docs/gateways/africastalking.md#incoming-messages shows "2026-03-04 10:30:00" (UTC assumed). */
function callbackDate(iso: string): string {
	return iso.slice(0, 19).replace('T', ' ');
}

export function receiveAtInbound(
	ctx: SimContext,
	state: AtState,
	input: InboundInput,
): InboundResult {
	const nowIso = ctx.clock.iso();
	const message = {
		id: state.nextInboxId++,
		callbackId: `ATSid_${ctx.ids.hex(32)}`,
		linkId: typeof input.linkId === 'string' ? input.linkId : ctx.ids.uuid(),
		text: input.text,
		to: input.to ?? ctx.accounts.africasTalking.shortCodes[0],
		from: input.from,
		date: nowIso,
		networkCode: typeof input.networkCode === 'string' ? input.networkCode : SANDBOX_NETWORK_CODE,
	};
	state.inbox.push(message);
	const fields = {
		linkId: message.linkId,
		text: message.text,
		to: message.to,
		id: message.callbackId,
		date: callbackDate(nowIso),
		from: message.from,
		networkCode: message.networkCode,
		// `cost` is a documented, optional field of the callback (not of the inbox): sent when given.
		...(typeof input.cost === 'string' ? { cost: input.cost } : {}),
	};
	return { inbound: fields, callback: sendAtCallback(ctx, 'inbound', fields, message.callbackId) };
}

/**
 * GET /version1/messaging?username=&lastReceivedId=: the messages after that id, oldest first,
 * at most `atInboxPageSize` of them (a client fetches again from the last id it got).
 */
export function handleFetchInbox(ctx: SimContext, state: AtState, req: SimRequest): SimReply {
	const denied = checkAtAuth(ctx, req, req.query.get('username') ?? undefined);
	if (denied) return denied;
	const lastReceivedId = Number(req.query.get('lastReceivedId') ?? '0');
	const after = Number.isFinite(lastReceivedId) ? lastReceivedId : 0;
	const pageSize = ctx.config.atInboxPageSize ?? Number.POSITIVE_INFINITY;
	const messages = state.inbox
		.filter((m) => m.id > after)
		.slice(0, pageSize)
		.map((m) => ({
			linkId: m.linkId,
			text: m.text,
			to: m.to,
			id: m.id,
			date: m.date,
			from: m.from,
		}));
	return atReply(req, 200, { SMSMessageData: { Messages: messages } }, () =>
		toXml('SMSMessageData', { Messages: messages }, { Messages: 'Message' }),
	);
}

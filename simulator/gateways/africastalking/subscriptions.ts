/**
 * Premium subscriptions on the content host (docs/gateways/africastalking.md#balance-inbox-and-subscriptions) and the two notifications
 * that change who may receive what: bulk opt-outs and subscription updates (docs/gateways/africastalking.md#opt-outs-and-subscriptions).
 *
 * Creating a subscription takes two requests, as Africa's Talking's premium subscription documents
 * and SDKs do it: `POST /checkout/token/create` (an open endpoint: form `phoneNumber` only, no
 * credentials) answers `{"description":"Success","token":"CkTkn_…"}`; the token, valid for 10
 * minutes, then goes with `POST /version1/subscription/create` as `checkoutToken`. INF: whether a
 * token may be used twice, and the refusal body for a bad token, are not documented; here a token
 * serves one subscription of its own number. The documented limit of 2 tokens per 5 minutes per
 * source IP is not modelled (tests and benchmarks create many from one address).
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { jsonReply, parseForm } from '../../core/http-io';
import { parseInternational } from '../../core/phone';
import type { InboundResult } from '../gateway';
import { checkAtAuth } from './auth';
import { sendAtCallback } from './callbacks';
import { missingField } from './replies';
import type { AtState } from './state';

export type UpdateType = 'addition' | 'deletion';

/** inferred (docs/gateways/africastalking.md#balance-inbox-and-subscriptions): AT's refusal body for a bad subscription request is not documented. */
function failed(description: string): SimReply {
	return jsonReply(400, { status: 'Failed', description });
}

function readSubscriptionForm(
	ctx: SimContext,
	req: SimRequest,
): { fields: Record<string, string> } | { reply: SimReply } {
	const form = parseForm(req);
	const denied = checkAtAuth(ctx, req, form.get('username') ?? undefined);
	if (denied) return { reply: denied };
	const fields: Record<string, string> = {};
	for (const name of ['shortCode', 'keyword', 'phoneNumber']) {
		const value = form.get(name);
		if (!value) return { reply: missingField(name) };
		fields[name] = value;
	}
	const account = ctx.accounts.africasTalking;
	if (
		!account.shortCodes.includes(fields.shortCode) ||
		!account.keywords.includes(fields.keyword)
	) {
		return { reply: failed('Invalid shortCode or keyword') };
	}
	if (!fields.phoneNumber.startsWith('+') || !parseInternational(fields.phoneNumber)) {
		return { reply: failed('Invalid phoneNumber') };
	}
	return { fields };
}

/** Tokens expire after 10 minutes (documented). */
const CHECKOUT_TOKEN_LIFETIME_MS = 10 * 60_000;

/** POST /checkout/token/create: form `phoneNumber`; no credentials (documented as an open endpoint). */
export function handleCreateCheckoutToken(
	ctx: SimContext,
	state: AtState,
	req: SimRequest,
): SimReply {
	const phoneNumber = parseForm(req).get('phoneNumber');
	if (!phoneNumber) return missingField('phoneNumber');
	if (!phoneNumber.startsWith('+') || !parseInternational(phoneNumber)) {
		return jsonReply(400, { description: 'Failed', token: 'None' });
	}
	const now = ctx.clock.now();
	for (const [token, entry] of state.checkoutTokens) {
		if (entry.expiresAt <= now) state.checkoutTokens.delete(token);
	}
	const token = `CkTkn_${ctx.ids.uuid()}`;
	state.checkoutTokens.set(token, { phoneNumber, expiresAt: now + CHECKOUT_TOKEN_LIFETIME_MS });
	return jsonReply(201, { description: 'Success', token });
}

/**
 * POST /version1/subscription/create with a checkout token for the same number: the subscriber is
 * added and an `addition` notification follows.
 */
export function handleCreateSubscription(
	ctx: SimContext,
	state: AtState,
	req: SimRequest,
): SimReply {
	const read = readSubscriptionForm(ctx, req);
	if ('reply' in read) return read.reply;
	const { shortCode, keyword, phoneNumber } = read.fields;
	const token = parseForm(req).get('checkoutToken');
	if (!token) return missingField('checkoutToken');
	const entry = state.checkoutTokens.get(token);
	if (!entry || entry.expiresAt <= ctx.clock.now() || entry.phoneNumber !== phoneNumber) {
		return failed('Invalid checkoutToken');
	}
	state.checkoutTokens.delete(token);
	void updateSubscription(ctx, state, { phoneNumber, shortCode, keyword, updateType: 'addition' });
	return jsonReply(201, { status: 'Success', description: 'Waiting for user input' });
}

/** POST /version1/subscription/delete */
export function handleDeleteSubscription(
	ctx: SimContext,
	state: AtState,
	req: SimRequest,
): SimReply {
	const read = readSubscriptionForm(ctx, req);
	if ('reply' in read) return read.reply;
	const { shortCode, keyword, phoneNumber } = read.fields;
	const exists = state.subscriptions.some(
		(s) => s.shortCode === shortCode && s.keyword === keyword && s.phoneNumber === phoneNumber,
	);
	if (!exists) return failed('Subscription not found');
	void updateSubscription(ctx, state, { phoneNumber, shortCode, keyword, updateType: 'deletion' });
	return jsonReply(201, { status: 'Success', description: 'Succeeded' });
}

/** GET /version1/subscription?username&shortCode&keyword&lastReceivedId */
export function handleFetchSubscriptions(
	ctx: SimContext,
	state: AtState,
	req: SimRequest,
): SimReply {
	const denied = checkAtAuth(ctx, req, req.query.get('username') ?? undefined);
	if (denied) return denied;
	const shortCode = req.query.get('shortCode');
	const keyword = req.query.get('keyword');
	if (!shortCode) return missingField('shortCode');
	if (!keyword) return missingField('keyword');
	const after = Number(req.query.get('lastReceivedId') ?? '0') || 0;
	const responses = state.subscriptions
		.filter((s) => s.shortCode === shortCode && s.keyword === keyword && s.id > after)
		.map((s) => ({ id: s.id, phoneNumber: s.phoneNumber, date: s.date }));
	return jsonReply(200, { responses });
}

export interface SubscriptionUpdate {
	phoneNumber: string;
	shortCode: string;
	keyword: string;
	updateType: UpdateType;
}

/** Applies an addition/deletion and sends the subscription notification (phoneNumber, shortCode, keyword, updateType). */
export function updateSubscription(
	ctx: SimContext,
	state: AtState,
	update: SubscriptionUpdate,
): InboundResult {
	const { phoneNumber, shortCode, keyword, updateType } = update;
	const same = (s: { phoneNumber: string; shortCode: string; keyword: string }) =>
		s.phoneNumber === phoneNumber && s.shortCode === shortCode && s.keyword === keyword;
	if (updateType === 'addition' && !state.subscriptions.some(same)) {
		state.subscriptions.push({
			id: state.nextSubscriptionId++,
			phoneNumber,
			shortCode,
			keyword,
			date: ctx.clock.iso(),
		});
	}
	if (updateType === 'deletion') state.subscriptions = state.subscriptions.filter((s) => !same(s));
	// Africa's Talking's documentation (docs/gateways/africastalking.md#opt-outs-and-subscriptions) table writes updateType lower-case (its PHP sample compares "Addition"): lower-case is sent.
	const fields = { phoneNumber, shortCode, keyword, updateType };
	return { inbound: fields, callback: sendAtCallback(ctx, 'subscription', fields) };
}

/** A subscriber opted out of a sender's bulk SMS: later sends from that sender to them get 406. */
export function optOut(
	ctx: SimContext,
	state: AtState,
	senderId: string,
	phoneNumber: string,
): InboundResult {
	state.optOuts.add(`${senderId}|${phoneNumber}`);
	const fields = { senderId, phoneNumber };
	return { inbound: fields, callback: sendAtCallback(ctx, 'optout', fields) };
}

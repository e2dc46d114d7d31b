/**
 * POST /sms/v1/message/{appid} (docs/gateways/gupshup.md#sending): destination in E.164 digits without '+',
 * message of at most 160 characters, source required only for India (DLT sender IDs).
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { header, jsonReply, mediaType, parseForm } from '../../core/http-io';
import { fromMinor, toMinor } from '../../core/money';
import { isBlacklisted, sendRefusalCode } from '../../core/outcomes';
import { parseInternational } from '../../core/phone';
import { countSegments } from '../../core/segments';
import { sendGupshupEvent } from './callbacks';
import { authenticationFailed, gupshupError, isGupshupErrorCode } from './replies';

const MAX_CHARACTERS = 160;
const INDIA = '91';

/**
 * Gupshup's documented cURL sends `Authorization: <key>` while its header table says `apikey`
 * (docs/gateways/gupshup.md#sending): inferred, either header is accepted, nothing else.
 */
function isAuthorised(ctx: SimContext, req: SimRequest): boolean {
	const key = ctx.accounts.gupshup.apiKey;
	return header(req, 'authorization') === key || header(req, 'apikey') === key;
}

export function handleGupshupSend(ctx: SimContext, req: SimRequest, appId: string): SimReply {
	if (!isAuthorised(ctx, req)) return authenticationFailed();
	// inferred (docs/gateways/gupshup.md#sending): the same key with another app's id (Gupshup's other APIs answer "Invalid App Details").
	if (appId !== ctx.accounts.gupshup.appId)
		return jsonReply(400, { status: 'error', message: 'Invalid App Details' });
	// Gupshup's documented cURL posts a form; its table says JSON (conflict, docs/gateways/gupshup.md#sending). inferred: form only (what works).
	if (mediaType(req) !== 'application/x-www-form-urlencoded') {
		return gupshupError(8011, 'body must be application/x-www-form-urlencoded');
	}
	const form = parseForm(req);
	const destination = form.get('destination') ?? '';
	// E.164 digits without '+' (documented examples (docs/gateways/gupshup.md#sending) 918XX9X33X59, 441735481364).
	const parsed = /^\d+$/.test(destination) ? parseInternational(destination) : null;
	if (!parsed) return gupshupError(8004, 'destination must be E.164 digits without +');
	// Permitted countries: Brazil, Mexico, Colombia, Peru, India (seed). Gupshup's documented (docs/gateways/gupshup.md#sending) own 44... example
	// contradicts that list; the stricter reading (the list) wins and 44 is refused.
	if (!ctx.config.gupshupCountries.includes(parsed.countryCallingCode)) {
		return gupshupError(8001, `country code ${parsed.countryCallingCode} is not permitted`);
	}
	const message = form.get('message') ?? '';
	if (message === '') return gupshupError(8011, 'message is required');
	// "Maximum limit is 160 characters": inferred (docs/gateways/gupshup.md#sending), counted as UTF-16 units (the stricter count for emoji).
	if (message.length > MAX_CHARACTERS)
		return gupshupError(8011, `message exceeds ${MAX_CHARACTERS} characters`);
	const source = form.get('source') || null;
	if (parsed.countryCallingCode === INDIA) {
		// India needs a DLT sender ID: six letters (inferred (docs/gateways/gupshup.md#sending): DLT header format), registered to the app.
		if (!source || !/^[A-Za-z]{6}$/.test(source)) return gupshupError(8008);
		if (!ctx.accounts.gupshup.senderIds.includes(source)) return gupshupError(8012);
	}
	if (isBlacklisted(ctx.config, destination)) return gupshupError(8006);
	// Documented codes no check above produces (8003, 8007, 8009, 8010, 8013, 8014): by config rule.
	const refusal = sendRefusalCode(ctx.config, 'gupshup', destination);
	if (refusal !== undefined && isGupshupErrorCode(refusal))
		return gupshupError(refusal, undefined, refusal === 8005 ? 500 : 400);
	const { segments, encoding } = countSegments(message);
	const cost = toMinor(ctx.config.costs.gupshup) * segments;
	if (!ctx.balances.charge('gupshup', cost)) return gupshupError(8002);
	const record = ctx.store.add({
		gateway: 'gupshup',
		id: ctx.ids.uuid(),
		to: destination,
		text: message,
		// Outside India the operator assigns the sender (seed): the given source is not used.
		sender: parsed.countryCallingCode === INDIA ? source : null,
		segments,
		encoding,
		scheduledAt: null,
		status: 'sent',
		cost: fromMinor(cost),
		currency: ctx.accounts.gupshup.currency,
		requestId: req.requestId,
		acceptedAt: ctx.clock.iso(),
	});
	ctx.accepted([record]);
	// The `enqueued` event follows the submission at once; sent/delivered|failed come with delivery.
	void sendGupshupEvent(ctx, record, 'enqueued');
	// inferred (docs/gateways/gupshup.md#sending): success status undocumented; 202 (seen on Gupshup's WhatsApp endpoint), so clients must accept any 2xx.
	return jsonReply(202, { status: 'submitted', messageId: record.id });
}

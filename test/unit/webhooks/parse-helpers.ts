import { readBody } from '../../../nodes/shared/webhooks/body';
import type {
	ParseResult,
	SmsEvent,
	WebhookCapability,
} from '../../../nodes/shared/core/webhook-types';

export const RECEIVED_AT_MS = Date.UTC(2026, 10, 22, 12, 0, 0);
export const RECEIVED_AT = '2026-11-22T12:00:00.000Z';

/** Runs a capability's parser on a raw body as the trigger would (shared body checks first). */
export function parse(
	capability: WebhookCapability,
	raw: string,
	contentType: string | undefined,
	query: Record<string, string> = {},
): ParseResult {
	const body = readBody(
		{ raw: Buffer.from(raw, 'utf8'), parsed: {}, contentType },
		capability.bodyKinds,
		capability.contentTypeHint,
	);
	if (!body.ok) return { ok: false, rejection: body.rejection };
	return capability.parse(
		{ headers: {}, query, body: body.body },
		{ receivedAtMs: RECEIVED_AT_MS },
	);
}

export function parsedEvent(result: ParseResult): SmsEvent {
	if (!result.ok)
		throw new Error(`refused: ${result.rejection.status} ${result.rejection.message}`);
	return result.event;
}

export function refusal(result: ParseResult) {
	if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.event)}`);
	return result.rejection;
}

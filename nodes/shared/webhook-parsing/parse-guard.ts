/**
 * Runs a gateway parser and turns its PayloadErrors (missing field, wrong type, unknown event
 * kind) into refusals, so parsers can read fields in a straight line.
 */
import { PayloadError } from './fields';
import type {
	HttpAnswer,
	ParseContext,
	ParseResult,
	SmsEvent,
	WebhookRequest,
} from '../core/webhook-types';

export type EventParser = (
	request: WebhookRequest,
	context: ParseContext,
) => { event: SmsEvent; ack: HttpAnswer };

export function guardedParse(
	parser: EventParser,
	request: WebhookRequest,
	context: ParseContext,
): ParseResult {
	try {
		const { event, ack } = parser(request, context);
		return { ok: true, event, ack };
	} catch (error) {
		if (error instanceof PayloadError)
			return { ok: false, rejection: { status: error.status, message: error.message } };
		// Anything else is a payload the parser did not foresee: refused, never a 500.
		return { ok: false, rejection: { status: 400, message: 'The payload could not be read' } };
	}
}

/** The body is well formed but is none of the events this gateway sends. */
export function unknownEventKind(message: string): PayloadError {
	return new PayloadError(422, message);
}

/**
 * What a trigger does with a parsed event: turn a STOP message into an opt-out (Opt-Out trigger),
 * keep only its own kind unless "Accept All Event Kinds" is on, then apply its filters. Pure.
 * An event it drops is still acknowledged to the gateway, but starts no execution (and so no
 * queued job in queue mode, docs/n8n-behaviour.md#static-data-and-queue-mode).
 */
import { eventId } from '../webhook-parsing/event-id';
import { matchKeyword } from './stop-keywords';
import type {
	DeliveryReportEvent,
	EventKind,
	InboundSmsEvent,
	OptOutEvent,
	SmsEvent,
} from '../core/webhook-types';

export type StatusFilter = 'all' | 'final' | 'failures';

export interface Selection {
	/** The trigger's own event kind. */
	kind: EventKind;
	acceptAllEventKinds: boolean;
	/** Delivery Report trigger. */
	statusFilter: StatusFilter;
	/** Opt-Out trigger: keywords in their comparable form (stop-keywords.ts). */
	stopKeywords: readonly string[];
	optInKeywords: readonly string[];
	includeOptIns: boolean;
}

export function selectEvent(parsed: SmsEvent, selection: Selection): SmsEvent | undefined {
	const event =
		selection.kind === 'optOut' && parsed.eventType === 'inbound'
			? keywordEvent(parsed, selection)
			: parsed;
	if (event.eventType !== selection.kind && !selection.acceptAllEventKinds) return undefined;
	if (event.eventType === 'deliveryReport' && !passesStatusFilter(event, selection.statusFilter))
		return undefined;
	if (event.eventType === 'optOut' && event.type === 'optIn' && !selection.includeOptIns)
		return undefined;
	return event;
}

const FAILURES = new Set(['failed', 'rejected', 'expired']);

function passesStatusFilter(event: DeliveryReportEvent, filter: StatusFilter): boolean {
	if (filter === 'final') return event.final;
	if (filter === 'failures') return FAILURES.has(event.status);
	return true;
}

/** An inbound message that is an opt-out (or opt-in) keyword, as an opt-out event; else the message. */
function keywordEvent(message: InboundSmsEvent, selection: Selection): SmsEvent {
	const stop = matchKeyword(message.text, selection.stopKeywords);
	const start =
		stop === undefined ? matchKeyword(message.text, selection.optInKeywords) : undefined;
	const keyword = stop ?? start;
	if (keyword === undefined) return message;
	const event: OptOutEvent = {
		eventType: 'optOut',
		// Derived from the message's own stable id, so a re-posted STOP gives the same id.
		eventId: eventId(message.gateway, 'optOut', ['keyword', message.eventId]),
		gateway: message.gateway,
		phoneNumber: message.from,
		type: stop !== undefined ? 'optOut' : 'optIn',
		source: 'keyword',
		senderId: null,
		shortCode: message.to,
		keyword,
		at: message.receivedAt,
		raw: message.raw,
	};
	return event;
}

import { selectEvent } from '../../../nodes/shared/webhooks/select';
import type { Selection } from '../../../nodes/shared/webhooks/select';
import {
	DEFAULT_STOP_KEYWORDS,
	parseKeywordList,
} from '../../../nodes/shared/webhooks/stop-keywords';
import type {
	DeliveryReportEvent,
	InboundSmsEvent,
	OptOutEvent,
} from '../../../nodes/shared/core/webhook-types';

const selection = (patch: Partial<Selection>): Selection => ({
	kind: 'inbound',
	acceptAllEventKinds: false,
	statusFilter: 'all',
	stopKeywords: parseKeywordList(DEFAULT_STOP_KEYWORDS.join(',')),
	optInKeywords: [],
	includeOptIns: true,
	...patch,
});

const inbound = (text: string): InboundSmsEvent => ({
	eventType: 'inbound',
	eventId: 'smsBox:abc',
	gateway: 'smsBox',
	from: '+255701000000',
	to: '15577',
	text,
	receivedAt: '2026-01-01T00:00:00.000Z',
	messageId: 't1',
	linkId: null,
	keyword: null,
	raw: { text },
});

const report = (status: DeliveryReportEvent['status'], final: boolean): DeliveryReportEvent => ({
	eventType: 'deliveryReport',
	eventId: 'gupshup:x',
	gateway: 'gupshup',
	messageId: 'm',
	to: null,
	status,
	final,
	gatewayStatus: status,
	failureReason: null,
	failureExplanation: null,
	networkCode: null,
	at: '2026-01-01T00:00:00.000Z',
	raw: {},
});

const subscription = (type: OptOutEvent['type']): OptOutEvent => ({
	eventType: 'optOut',
	eventId: 'africasTalking:s',
	gateway: 'africasTalking',
	phoneNumber: '+254711000111',
	type,
	source: 'subscription',
	senderId: null,
	shortCode: '12345',
	keyword: 'NEWS',
	at: '2026-01-01T00:00:00.000Z',
	raw: {},
});

describe('selectEvent', () => {
	it('keeps only the trigger kind unless Accept All Event Kinds is on', () => {
		expect(selectEvent(inbound('hi'), selection({ kind: 'inbound' }))).toEqual(inbound('hi'));
		expect(selectEvent(report('sent', false), selection({ kind: 'inbound' }))).toBeUndefined();
		expect(
			selectEvent(report('sent', false), selection({ kind: 'inbound', acceptAllEventKinds: true })),
		).toEqual(report('sent', false));
		expect(selectEvent(inbound('hi'), selection({ kind: 'deliveryReport' }))).toBeUndefined();
	});

	it('filters delivery reports to final statuses or failures', () => {
		const kinds = [
			'queued',
			'sent',
			'delivered',
			'failed',
			'rejected',
			'expired',
			'unknown',
		] as const;
		const finals = new Set(['delivered', 'failed', 'rejected', 'expired']);
		const kept = (filter: Selection['statusFilter']) =>
			kinds.filter((s) =>
				selectEvent(
					report(s, finals.has(s)),
					selection({ kind: 'deliveryReport', statusFilter: filter }),
				),
			);
		expect(kept('all')).toEqual([...kinds]);
		expect(kept('final')).toEqual(['delivered', 'failed', 'rejected', 'expired']);
		expect(kept('failures')).toEqual(['failed', 'rejected', 'expired']);
	});

	it('turns a STOP message into a keyword opt-out with a stable derived id, in the Opt-Out trigger only', () => {
		const event = selectEvent(inbound('Stop.'), selection({ kind: 'optOut' }));
		expect(event).toEqual({
			eventType: 'optOut',
			eventId: expect.stringMatching(/^smsBox:[0-9a-f]{64}$/),
			gateway: 'smsBox',
			phoneNumber: '+255701000000',
			type: 'optOut',
			source: 'keyword',
			senderId: null,
			shortCode: '15577',
			keyword: 'STOP',
			at: '2026-01-01T00:00:00.000Z',
			raw: { text: 'Stop.' },
		});
		expect(selectEvent(inbound('Stop.'), selection({ kind: 'optOut' }))?.eventId).toBe(
			event?.eventId,
		);
		expect(selectEvent(inbound('Stop.'), selection({ kind: 'inbound' }))?.eventType).toBe(
			'inbound',
		);
	});

	it('drops a message that is not a keyword unless all kinds are accepted', () => {
		expect(selectEvent(inbound("don't stop"), selection({ kind: 'optOut' }))).toBeUndefined();
		expect(
			selectEvent(inbound("don't stop"), selection({ kind: 'optOut', acceptAllEventKinds: true }))
				?.eventType,
		).toBe('inbound');
		expect(
			selectEvent(inbound('STOP'), selection({ kind: 'optOut', stopKeywords: [] })),
		).toBeUndefined();
	});

	it('recognises opt-in keywords and can leave opt-ins out', () => {
		const withStart = selection({ kind: 'optOut', optInKeywords: ['START'] });
		expect(selectEvent(inbound('start!'), withStart)).toMatchObject({
			type: 'optIn',
			keyword: 'START',
			source: 'keyword',
		});
		expect(selectEvent(inbound('start!'), { ...withStart, includeOptIns: false })).toBeUndefined();
		expect(
			selectEvent(subscription('optIn'), selection({ kind: 'optOut', includeOptIns: false })),
		).toBeUndefined();
		expect(
			selectEvent(subscription('optOut'), selection({ kind: 'optOut', includeOptIns: false })),
		).toEqual(subscription('optOut'));
	});
});

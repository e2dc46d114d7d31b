/** Names and record shapes shared by every part of the simulator. */

export const GATEWAYS = ['africastalking', 'gupshup', 'smsbox', 'dhis2', 'kannel', 'twilio'] as const;
export type GatewayName = (typeof GATEWAYS)[number];

export function isGatewayName(value: unknown): value is GatewayName {
	return typeof value === 'string' && (GATEWAYS as readonly string[]).includes(value);
}

export const FAULT_KINDS = ['rateLimit', 'serverError', 'resetBefore', 'resetAfter'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/** 'none' in a `next` queue lets one request through untouched, so a test can aim at the Nth one. */
export type QueuedFault = FaultKind | 'none';

export type Encoding = 'GSM-7' | 'UCS-2';

/**
 * Lifecycle of an accepted message as the simulator sees it:
 * scheduled/suspended (SMSBox only) -> sent (handed to the network, report pending)
 * -> delivered | failed | rejected (final).
 */
export type MessageStatus =
	| 'scheduled'
	| 'suspended'
	| 'sent'
	| 'delivered'
	| 'failed'
	| 'rejected';

export type DeliveryOutcome = 'delivered' | 'failed' | 'rejected';

/** One message to one recipient, as a gateway accepted it. */
export interface MessageRecord {
	/** Unique across the simulator (a gateway `id` can be shared, e.g. one SMSBox message_id per request). */
	seq: number;
	gateway: GatewayName;
	id: string;
	to: string;
	text: string;
	sender: string | null;
	segments: number;
	encoding: Encoding;
	/** ISO time the message goes out (SMSBox schedule_time), else null. */
	scheduledAt: string | null;
	status: MessageStatus;
	/** Price charged, in the gateway's currency (0 where the gateway has no billing). */
	cost: number;
	currency: string | null;
	/** Sequence number of the HTTP request that created it (see /sim/stats). */
	requestId: number;
	acceptedAt: string;
	deliveredAt: string | null;
	failureReason: string | null;
	networkCode: string | null;
	/**
	 * The gateway's own status word or code to report instead of the one the outcome implies (AT
	 * `Sent`, `Submitted`, `Buffered`, `AbsentSubscriber`, `Expired`; a Gupshup 80xx code or reason).
	 */
	gatewayStatus?: string;
	/** AT: the retryCount its delivery report carries (0 when absent). */
	retryCount?: number;
	/** Gateway extras, present only where they apply. */
	linkId?: string;
	keyword?: string;
	/** AT premium: hours to retry an undelivered subscription message, as the request gave it. */
	retryDurationInHours?: string;
	recipientName?: string;
	/** SMSBox: the text before [{RECEIVERNAME}] substitution (needed when change_sms_info edits it). */
	template?: string;
	bulkSMSMode?: string;
	premium?: boolean;
	/** DHIS2: uid of the OutboundSms row the message belongs to. */
	outboundSmsId?: string;
}

export interface MessageFilter {
	gateway?: GatewayName;
	status?: MessageStatus;
	id?: string;
	to?: string;
}

/** Names and record shapes shared by every part of the simulator. */

/**
 * The simulator's gateways, each by one id: the package's GatewayId (`africasTalking`, `gupshup`,
 * `smsBox`, `dhis2`) for the gateways the package has, and `kannel` and `twilio`, which exist only
 * here (targets of the Custom HTTP Gateway profiles). Every record, statistic, account, config key
 * and control call names a gateway by this id.
 */
export const GATEWAYS = [
	'africasTalking',
	'gupshup',
	'smsBox',
	'dhis2',
	'kannel',
	'twilio',
] as const;
export type GatewayName = (typeof GATEWAYS)[number];

/**
 * The one mapping from a gateway's id to its URL path prefix (`/africastalking/...`). A path is
 * not an id: the prefixes are the simulator's public paths and stay as they are.
 */
export const GATEWAY_PATHS: Readonly<Record<GatewayName, string>> = {
	africasTalking: 'africastalking',
	gupshup: 'gupshup',
	smsBox: 'smsbox',
	dhis2: 'dhis2',
	kannel: 'kannel',
	twilio: 'twilio',
};

/**
 * Former spellings of two ids (their path prefixes), still accepted wherever a caller names a
 * gateway: the control API's bodies and query strings, the library calls and config keys.
 */
export const GATEWAY_ALIASES: Readonly<Record<string, GatewayName>> = {
	africastalking: 'africasTalking',
	smsbox: 'smsBox',
};

export function isGatewayName(value: unknown): value is GatewayName {
	return typeof value === 'string' && (GATEWAYS as readonly string[]).includes(value);
}

/** The id a caller means: an id, or a former spelling of one; anything else is left as it is. */
export function canonicalGateway<T>(value: T): T | GatewayName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(GATEWAY_ALIASES, value)
		? GATEWAY_ALIASES[value]
		: value;
}

/** An object keyed by gateway, with former spellings of keys turned into ids. */
export function withCanonicalGatewayKeys<T>(value: T): T {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [canonicalGateway(key), entry]),
	) as T;
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

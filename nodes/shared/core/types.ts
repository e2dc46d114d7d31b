/**
 * The normalised vocabulary every node and every gateway adapter shares. Nodes speak only these
 * types; adapters translate them to and from each gateway's HTTP calls and webhooks.
 */
import type { IDataObject } from 'n8n-workflow';

export type GatewayId = 'africasTalking' | 'gupshup' | 'smsBox' | 'dhis2' | 'httpGateway';

export type Capability =
	| 'send'
	| 'balance'
	| 'senderNames'
	| 'scheduledChanges'
	| 'gatewayAdmin'
	| 'inbound'
	| 'deliveryReports'
	| 'optOut'
	| 'inboundPolling'
	| 'premiumSubscriptions';

export type Encoding = 'GSM-7' | 'UCS-2';

/** What happened to one recipient of a send. */
export type RecipientStatus =
	| 'accepted'
	| 'rejected'
	| 'invalid'
	| 'unknown'
	| 'valid'
	| 'suppressed';

export interface GatewayErrorInfo {
	/** The gateway's own code (`403`, `8004`, `110`, …) or ours (`INVALID_NUMBER`, …). */
	code: string;
	/** The gateway's own words, or ours when the problem was found before sending. */
	message: string;
	/** Plain language: what it means and what to do. */
	explanation: string;
}

/** One message to one recipient, after validation; the unit the send pipeline works on. */
export interface OutgoingMessage {
	/** Position of this recipient in the run's output; joins gateway answers back to it. */
	ref: number;
	/** Index of the n8n input item this recipient came from (for pairedItem). */
	itemIndex: number;
	/** The number as the user gave it. */
	input: string;
	/** `+E.164`. */
	e164: string;
	/** The final text (personalisation applied), as the recipient will read it. */
	text: string;
	/**
	 * Text with the recipient-name placeholder left in, and the name, when the gateway substitutes
	 * it itself (SMSBox's `[{RECEIVERNAME}]`): lets one request carry many personalised messages.
	 */
	template?: { text: string; recipientName: string };
	sender?: string;
	encoding: Encoding;
	segments: number;
	/** Per-message send options (they come from the message's input item). */
	options: SendOptions;
}

export interface SendOptions {
	/** ISO 8601 instant; only gateways that can schedule accept it. */
	scheduleAt?: string;
	/** Africa's Talking premium fields. */
	keyword?: string;
	linkId?: string;
	/** Africa's Talking: ask it to queue big batches (`enqueue=1`). */
	enqueue?: boolean;
	/** Africa's Talking premium: how many hours it keeps retrying an undelivered message. */
	retryDurationInHours?: number;
}

/** The result of one recipient, as the Send SMS node outputs it. */
export interface RecipientResult {
	gateway: GatewayId;
	status: RecipientStatus;
	to: string;
	input: string;
	messageId: string | null;
	segments: number;
	encoding: Encoding;
	cost: number | null;
	currency: string | null;
	sender: string | null;
	scheduledAt: string | null;
	error: GatewayErrorInfo | null;
	/** Gateway fields worth keeping (status names, raw codes), never credentials. */
	details?: IDataObject;
}

/** The reply of one HTTP call, whatever its status. */
export interface HttpReply {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

export interface HttpRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Absolute URL (the adapter joins the credential's base URL and the path). */
	url: string;
	qs?: IDataObject;
	headers?: Record<string, string>;
	/** An object is sent as JSON unless `form` is set; a string is sent as is. */
	body?: IDataObject | IDataObject[] | string;
	/** Send `body` as application/x-www-form-urlencoded. */
	form?: boolean;
}

/**
 * The only way adapters reach the network: the nodes implement it with n8n's
 * `httpRequestWithAuthentication`, so credentials are applied by n8n and adapters stay testable.
 * It resolves with any HTTP status; it rejects only when no HTTP reply arrived, with a TransportError
 * (errors.ts) that says "provably not sent" or "ambiguous".
 */
export interface HttpClient {
	request(request: HttpRequest): Promise<HttpReply>;
}

export type Credentials = Record<string, unknown>;

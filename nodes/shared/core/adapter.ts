/**
 * The contract between the nodes and the gateways. One adapter per gateway; each capability is an
 * optional part, so the registry can tell every node which gateways to offer.
 */
import type {
	Credentials,
	GatewayErrorInfo,
	GatewayId,
	HttpClient,
	OutgoingMessage,
	SendOptions,
} from './types';

export type NumberStyle = 'plusE164' | 'digitsE164';

export interface SendLimits {
	/** The most recipients one request may carry (the gateway's documented maximum or our safe choice). */
	maxRecipientsPerRequest: number;
	/** How the gateway measures its length limit, and the limit; undefined when it has none. */
	maxLength?: { unit: 'utf16' | 'segments'; max: number };
	/** False when the gateway refuses anything outside GSM-7 (SMSBox). */
	unicode: boolean;
	numberStyle: NumberStyle;
	canSchedule: boolean;
	/** The gateway substitutes a recipient name into one shared text itself (SMSBox `[{RECEIVERNAME}]`). */
	nativePersonalisation: boolean;
	/** Africa's Talking premium fields (keyword, linkId). */
	premium: boolean;
}

export interface SendBatch {
	messages: OutgoingMessage[];
}

/** What the gateway said about one recipient of a batch it answered. */
export interface RecipientOutcome {
	message: OutgoingMessage;
	status: 'accepted' | 'rejected' | 'unknown';
	messageId: string | null;
	cost: number | null;
	currency: string | null;
	error: GatewayErrorInfo | null;
	details?: Record<string, string | number | boolean | null>;
}

export type BatchOutcome =
	/** The gateway answered for each recipient. */
	| { kind: 'answered'; outcomes: RecipientOutcome[] }
	/** The gateway provably accepted nothing and asks to come back later (429, 503). */
	| { kind: 'retry'; reason: string; retryAfterMs?: number; error: GatewayErrorInfo }
	/**
	 * The gateway refused the whole request and accepted nothing. `stopsRun` when every other
	 * request would be refused too (wrong credentials, no gateway configured).
	 */
	| { kind: 'refused'; error: GatewayErrorInfo; stopsRun: boolean }
	/** The reply does not tell whether anything was accepted (an unexpected 5xx, an unreadable body). */
	| { kind: 'ambiguous'; error: GatewayErrorInfo };

export interface SendCapability {
	limits: SendLimits;
	/** Messages with the same key may share one request. */
	batchKey(message: OutgoingMessage): string;
	/** A gateway-specific problem with one message, found before sending (sender ID format, …). */
	check?(message: OutgoingMessage, options: SendOptions): GatewayErrorInfo | undefined;
	sendBatch(
		http: HttpClient,
		credentials: Credentials,
		batch: SendBatch,
		options: SendOptions,
	): Promise<BatchOutcome>;
}

export interface Balance {
	balance: number;
	currency: string | null;
	raw: unknown;
}

export interface BalanceCapability {
	getBalance(http: HttpClient, credentials: Credentials): Promise<Balance>;
}

export interface GatewayAdapter {
	id: GatewayId;
	displayName: string;
	/** The credential type this gateway's nodes ask for. */
	credentialType: string;
	send?: SendCapability;
	balance?: BalanceCapability;
}

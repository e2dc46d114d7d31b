/**
 * The contract between the nodes and the gateways. One adapter per gateway; each capability is an
 * optional part, so the registry can tell every node which gateways to offer.
 */
import type { InboundSmsEvent, WebhookCapability } from './webhook-types';
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

/**
 * What Send SMS's "From" is on this gateway: free text (a sender ID or short code), one of the
 * account's approved sender names (listed through the senderNames capability), or nothing at all
 * (DHIS2: the server's own gateway chooses the sender).
 */
export type SenderField = 'text' | 'senderName' | 'none';

export interface SendCapability {
	limits: SendLimits;
	sender: SenderField;
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
	/**
	 * Send SMS requests in flight at once when the node's Max Concurrency option is not set: each
	 * adapter says why its value fits the gateway (docs/performance.md). A 429 or 503 still makes
	 * the node wait as the gateway asks, whatever the concurrency.
	 */
	defaultSendConcurrency?: number;
	send?: SendCapability;
	balance?: BalanceCapability;
	/** The callbacks this gateway posts (inbound SMS, delivery reports, opt-outs) and how to read them. */
	webhooks?: WebhookCapability;
	senderNames?: SenderNamesCapability;
	scheduledChanges?: ScheduledChangesCapability;
	gatewayAdmin?: GatewayAdminCapability;
	/** Incoming SMS fetched from the gateway, for n8n instances the gateway cannot call. */
	inboundPolling?: InboundPollingCapability;
	/** Subscribers of a premium short code and keyword: create, list, delete. */
	premiumSubscriptions?: PremiumSubscriptionsCapability;
}

/** A premium product: a short code and one of its keywords. */
export interface PremiumProduct {
	shortCode: string;
	keyword: string;
}

/** One subscriber of a premium product, as the gateway lists it. */
export interface PremiumSubscription {
	id: string;
	phoneNumber: string;
	/** The gateway's timestamp of the subscription, as it gives it. */
	date: string | null;
	raw: unknown;
}

/** A page of subscribers after `afterId`, in the gateway's order. */
export interface PremiumSubscriptionPage {
	subscriptions: PremiumSubscription[];
}

/** The gateway's answer to a create or delete: its status and its own words. */
export interface PremiumSubscriptionChange {
	status: string;
	description: string;
	raw: unknown;
}

export interface PremiumSubscriptionsCapability {
	/** What the gateway would refuse, found before calling it. */
	check(product: PremiumProduct, phoneNumber?: string): GatewayErrorInfo | undefined;
	/** Subscribes a number, with every step the gateway requires (Africa's Talking: a checkout token first). */
	create(
		http: HttpClient,
		credentials: Credentials,
		product: PremiumProduct,
		phoneNumber: string,
	): Promise<PremiumSubscriptionChange>;
	/** Subscribers with an id after `afterId` ('0' for the first page). */
	list(
		http: HttpClient,
		credentials: Credentials,
		product: PremiumProduct,
		afterId: string,
	): Promise<PremiumSubscriptionPage>;
	delete(
		http: HttpClient,
		credentials: Credentials,
		product: PremiumProduct,
		phoneNumber: string,
	): Promise<PremiumSubscriptionChange>;
}

/**
 * Where a poll resumes: the gateway's own position (Africa's Talking: the last message id;
 * DHIS2: the last creation time and the ids seen at it), kept by n8n in workflow static data, so
 * only plain JSON values.
 */
export type PollCursor = Record<string, string | number | string[]>;

/** One fetch of incoming messages newer than a cursor. */
export interface InboundPollPage {
	/** Oldest first; the same events (and `eventId`s) the gateway's webhook parser gives. */
	events: InboundSmsEvent[];
	/** The cursor after these events. */
	cursor: PollCursor;
	/** True when the gateway may hold more after `cursor` (fetch again). */
	more: boolean;
}

export interface InboundPollingCapability {
	/** What the poll reads, for the node's texts (for example `GET /version1/messaging`). */
	endpoint: string;
	/** The cursor at the newest message stored now (the start of a new trigger: history is not emitted). */
	latestCursor(http: HttpClient, credentials: Credentials, budget: PollBudget): Promise<PollCursor>;
	/** Messages after the cursor, at most one gateway page. */
	fetchAfter(
		http: HttpClient,
		credentials: Credentials,
		cursor: PollCursor,
		receivedAtMs: number,
	): Promise<InboundPollPage>;
	/** The newest `count` messages stored, newest last (manual test runs; no cursor moves). */
	latest(
		http: HttpClient,
		credentials: Credentials,
		count: number,
		receivedAtMs: number,
	): Promise<InboundSmsEvent[]>;
}

/** How many more requests one poll may make. */
export interface PollBudget {
	/** False once the poll must stop fetching and keep what it has. */
	allows(): boolean;
}

/** The review state of a sender name (SMSBox: approved, rejected or pending). */
export type SenderNameStatus = 'approved' | 'rejected' | 'pending';

export interface SenderName {
	id: string;
	name: string;
	/** As the gateway reports it; normally one of SenderNameStatus. */
	status: string;
	/** When it was requested, as the gateway writes it; null when not given. */
	created: string | null;
}

export interface SenderNameFilter {
	/** Text matched against the name or its sample content. */
	query?: string;
	status?: SenderNameStatus;
}

export interface SenderNameRequest {
	senderId: string;
	/** An example of the messages the name will send; the gateway reviews it. */
	sampleContent: string;
}

export interface SenderNameRequestResult {
	senderId: string;
	/** The gateway's id of the new request, when its reply names one. */
	id: string | null;
	/** A new name waits for the gateway's review before it can send. */
	status: SenderNameStatus;
	message: string;
	raw: unknown;
}

export interface SenderNamesCapability {
	/** What the gateway would refuse in a request, found before calling it. */
	checkRequest(request: SenderNameRequest): GatewayErrorInfo | undefined;
	list(http: HttpClient, credentials: Credentials, filter: SenderNameFilter): Promise<SenderName[]>;
	request(
		http: HttpClient,
		credentials: Credentials,
		request: SenderNameRequest,
	): Promise<SenderNameRequestResult>;
}

/** One change to a message that is scheduled and not sent yet. */
export type ScheduledChange =
	| { kind: 'suspend' }
	| { kind: 'resume' }
	/** `scheduleAt`: ISO 8601 instant. */
	| { kind: 'reschedule'; scheduleAt: string }
	| { kind: 'edit'; text?: string; sender?: string };

export interface ScheduledChangeResult {
	messageId: string;
	/** The gateway's own words. */
	message: string;
	/** The new send time as the gateway was given it (SMSBox: `yyyy-mm-dd hh:mm`, GMT+0). */
	scheduleTime: string | null;
	/** The same time as an ISO instant, cut to what the gateway keeps (SMSBox: the minute). */
	scheduledAt: string | null;
	raw: unknown;
}

export interface ScheduledChangesCapability {
	/** The gateway's message id from what the user gives (for example with a `message_id:` prefix). */
	messageId(input: string): string;
	/** What the gateway would refuse, found before calling it. */
	check(messageId: string, change: ScheduledChange): GatewayErrorInfo | undefined;
	change(
		http: HttpClient,
		credentials: Credentials,
		messageId: string,
		change: ScheduledChange,
	): Promise<ScheduledChangeResult>;
}

/** The kinds of SMS gateway a server can be told to use (DHIS2 2.35 and later). */
export type SmsGatewayType = 'http' | 'bulksms' | 'clickatell' | 'smpp';

/** One parameter of a generic HTTP gateway. */
export interface SmsGatewayParameter {
	key: string;
	value: string;
	/** Sent as an HTTP header instead of in the body. */
	header: boolean;
	/** Base64-encoded before sending. */
	encode: boolean;
	/** Stored encrypted and never shown again. */
	confidential: boolean;
}

/**
 * A gateway configuration in the server's own field names (DHIS2 `SmsGatewayConfig`,
 * docs/gateways/dhis2.md#gateway-administration). Undefined fields are left out of the request.
 */
export interface SmsGatewayInput {
	type: SmsGatewayType;
	name?: string;
	username?: string;
	password?: string;
	urlTemplate?: string;
	maxSmsLength?: string;
	sendUrlParameters?: boolean;
	isDefault?: boolean;
	configurationTemplate?: string;
	useGet?: boolean;
	contentType?: string;
	parameters?: SmsGatewayParameter[];
	authToken?: string;
	systemId?: string;
	host?: string;
	port?: number;
	systemType?: string;
	numberPlanIndicator?: string;
	typeOfNumber?: string;
	bindType?: string;
	compressed?: boolean;
}

/** A gateway configuration as the server returns it, with every secret masked. */
export type SmsGatewayConfig = Record<string, unknown> & { id: string; type: string };

export interface GatewayAdminResult {
	id: string;
	/** The server's own words ("Gateway configuration added", "… is set to default", …). */
	message: string;
	/** The configuration after the change, secrets masked; absent after a delete. */
	gateway?: SmsGatewayConfig;
}

export interface GatewayAdminCapability {
	types: readonly SmsGatewayType[];
	/** What the server would refuse or silently drop, found before calling it. */
	check(operation: 'create' | 'update', input: SmsGatewayInput): GatewayErrorInfo | undefined;
	list(http: HttpClient, credentials: Credentials): Promise<SmsGatewayConfig[]>;
	get(http: HttpClient, credentials: Credentials, id: string): Promise<SmsGatewayConfig>;
	create(
		http: HttpClient,
		credentials: Credentials,
		input: SmsGatewayInput,
	): Promise<GatewayAdminResult>;
	/** Changes only the given fields; omitted secrets keep their stored values. */
	update(
		http: HttpClient,
		credentials: Credentials,
		id: string,
		input: SmsGatewayInput,
	): Promise<GatewayAdminResult>;
	remove(http: HttpClient, credentials: Credentials, id: string): Promise<GatewayAdminResult>;
	setDefault(http: HttpClient, credentials: Credentials, id: string): Promise<GatewayAdminResult>;
}

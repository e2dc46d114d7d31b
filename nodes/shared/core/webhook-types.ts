/**
 * The contract between the three SMS triggers and the gateways' callback formats (the webhook
 * capability of core/adapter.ts). Each gateway's `adapters/<gateway>/webhooks.ts` turns one callback
 * into one normalised event (or a refusal), says how that gateway wants to be answered and how it is
 * set up; the triggers (webhooks/) only wire n8n to it.
 *
 * Every field name of the events below is public: workflows read them.
 */
import type { IDataObject } from 'n8n-workflow';

import type { GatewayId } from './types';

export type EventKind = 'inbound' | 'deliveryReport' | 'optOut';

/** Fields every event starts with. */
export interface EventBase {
	eventType: EventKind;
	/**
	 * Stable id: the same callback retried by the gateway gives the same id, so a workflow can
	 * deduplicate on it (the trigger keeps no state: docs/n8n-behaviour.md#static-data-and-queue-mode).
	 */
	eventId: string;
	gateway: GatewayId;
	/** The gateway's payload as received (never the trigger's secret). */
	raw: IDataObject;
}

export interface InboundSmsEvent extends EventBase {
	eventType: 'inbound';
	from: string;
	/** The short code or number the message was sent to; null when the gateway does not say. */
	to: string | null;
	text: string;
	receivedAt: string;
	messageId: string | null;
	/** Africa's Talking premium: needed to reply on-demand (Send SMS "Link ID" option). */
	linkId: string | null;
	keyword: string | null;
}

export type DeliveryStatus =
	| 'queued'
	| 'sent'
	| 'delivered'
	| 'failed'
	| 'rejected'
	| 'expired'
	| 'unknown';

export interface DeliveryReportEvent extends EventBase {
	eventType: 'deliveryReport';
	/** Equals the `messageId` the Send SMS node returned for this recipient. */
	messageId: string;
	to: string | null;
	status: DeliveryStatus;
	/** True when no later report will change the status. */
	final: boolean;
	/** The gateway's own status word. */
	gatewayStatus: string;
	failureReason: string | null;
	/** Plain language: what the failure means and what to do. */
	failureExplanation: string | null;
	networkCode: string | null;
	at: string;
}

export type OptOutSource = 'gatewayOptOut' | 'subscription' | 'keyword';

export interface OptOutEvent extends EventBase {
	eventType: 'optOut';
	phoneNumber: string;
	type: 'optOut' | 'optIn';
	source: OptOutSource;
	senderId: string | null;
	shortCode: string | null;
	keyword: string | null;
	at: string;
}

export type SmsEvent = InboundSmsEvent | DeliveryReportEvent | OptOutEvent;

/** An HTTP answer, written byte for byte. */
export interface HttpAnswer {
	status: number;
	/** No Content-Type header when absent (Gupshup wants an empty body). */
	contentType?: string;
	headers?: Record<string, string>;
	body: string;
}

/** A request the trigger refuses; the gateway's capability decides how to word it. */
export interface Rejection {
	status: number;
	message: string;
}

export type BodyKind = 'json' | 'form' | 'empty';

/** The body after the shared safety checks (size, encoding, hostile keys). */
export type RequestBody =
	| { kind: 'empty' }
	/** Always a plain JSON object (arrays and scalars are refused before parsing reaches an adapter). */
	| { kind: 'json'; value: IDataObject }
	/** Each field once, as text. */
	| { kind: 'form'; fields: Record<string, string> };

export interface WebhookRequest {
	/** Lower-cased names, first value only. */
	headers: Record<string, string>;
	/** Query parameters, each once, without the trigger's own `token`. */
	query: Record<string, string>;
	body: RequestBody;
}

export interface ParseContext {
	/** When n8n received the call (ms epoch); used when the gateway sends no time. */
	receivedAtMs: number;
}

export type ParseResult =
	| { ok: true; event: SmsEvent; ack: HttpAnswer }
	| { ok: false; rejection: Rejection };

/** How a gateway's callbacks may be authenticated, besides the trigger's own secret. */
export type AuthMethod = 'token' | 'basicAuth' | 'accountKey' | 'none';

/** What a gateway provides to the triggers. */
export interface WebhookCapability {
	/** Which events this gateway posts. */
	eventKinds: readonly EventKind[];
	/** Which bodies it posts; others get 415. */
	bodyKinds: readonly BodyKind[];
	/** The media type named in the 415 message. */
	contentTypeHint: string;
	/** Authentication methods offered, the first being the default. */
	authMethods: readonly AuthMethod[];
	/**
	 * The end of the trigger's webhook path when this gateway is chosen, for gateways whose senders
	 * expect a fixed one (DHIS2-format apps append `api/sms/inbound` to a server URL); absent, the
	 * trigger's own path.
	 */
	webhookPath?: string;
	/**
	 * The setup notice at the top of a trigger of this kind: where in the gateway's dashboard the
	 * node's URL goes, and how to receive the other event kinds when the gateway allows one URL.
	 */
	setupNotice(kind: EventKind): string;
	parse(request: WebhookRequest, context: ParseContext): ParseResult;
	/** The refusal in the gateway's own style; a generic JSON body when absent. */
	rejectionAnswer?(rejection: Rejection): HttpAnswer;
	/**
	 * Gateways whose callback format is configured in their credential (the Custom HTTP Gateway): the
	 * trigger takes this credential, reads it on each callback (only when this gateway is chosen)
	 * and parses with it; `parse` is then never called.
	 */
	profileCredential?: {
		credentialType: string;
		parse(
			credentials: Record<string, unknown>,
			request: WebhookRequest,
			context: ParseContext,
		): ParseResult;
	};
	/** `accountKey` auth: the credential holding the key, and the check of one request against it. */
	accountKey?: {
		credentialType: string;
		/** How the Authentication dropdown names this method (`SMSBox API Key`), and its hint. */
		option: { name: string; description: string };
		matches(headers: Record<string, string>, credentials: Record<string, unknown>): boolean;
	};
}

/** What every gateway folder provides to the server, the delivery service and the control API. */
import type { CallbackAttempt } from '../core/callbacks';
import type { SimReply, SimRequest } from '../core/http-io';
import type { ResolvedOutcome } from '../core/outcomes';
import type { Route } from '../core/router';
import type { GatewayName, MessageRecord } from '../core/types';

export type FaultReplyKind = 'rateLimit' | 'serverError';

export interface GatewayModule {
	readonly name: GatewayName;
	readonly routes: Route[];
	/** Rewrites the path before routing (DHIS2's versioned /api/{NN}/ paths). */
	normalizePath?(path: string): string;
	notFound(req: SimRequest): SimReply;
	methodNotAllowed(req: SimRequest): SimReply;
	/** 429 (with Retry-After) or 503 in the gateway's own style. */
	faultReply(kind: FaultReplyKind, retryAfterSeconds: number): SimReply;
	/** A handler threw: the gateway's generic 500. */
	internalError(): SimReply;
	reset(): void;
	/** An outcome fixed at acceptance (e.g. an AT premium reply with an unknown linkId), overriding the number rules. */
	presetOutcome?(record: MessageRecord): ResolvedOutcome | null;
	/** Sends the delivery-report callbacks for a record whose final status was just set. */
	reportDelivery?(record: MessageRecord): Promise<CallbackAttempt[]>;
}

/** Common input of POST /sim/inbound. */
export interface InboundInput {
	from: string;
	to?: string;
	text: string;
	[extra: string]: unknown;
}

export interface InboundResult {
	/** What the gateway stored / will send, in its own terms. */
	inbound: Record<string, unknown>;
	/** Resolves with the callback attempts; null when no callback URL is configured. */
	callback: Promise<CallbackAttempt[]> | null;
}

export interface InboundCapable {
	receiveInbound(input: InboundInput): InboundResult;
}

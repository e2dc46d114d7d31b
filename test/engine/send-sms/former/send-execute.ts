// Former implementation (commit 9a2b6d9, before Send SMS built its output without intermediate
// copies), kept unchanged except for import paths, only for output-differential.test.ts.
/**
 * Sends a plan's messages: groups them into as few requests as the gateway allows, runs the
 * requests with bounded concurrency, retries only what the gateway provably did not accept, and
 * turns every answer into one result per recipient.
 *
 * Never sends a message twice: a request is repeated only after a 429/503-style refusal or when the
 * connection could not be made at all. A timeout or a connection lost after sending makes the
 * recipients `unknown`, with the reason, and they are not re-sent.
 */
import type {
	BatchOutcome,
	GatewayAdapter,
	RecipientOutcome,
} from '../../../../nodes/shared/core/adapter';
import { errorInfo, transportFailure } from '../../../../nodes/shared/core/errors';
import type {
	Credentials,
	GatewayErrorInfo,
	HttpClient,
	OutgoingMessage,
	RecipientResult,
	SendOptions,
} from '../../../../nodes/shared/core/types';
import { chunk, groupInOrder } from '../../../../nodes/shared/helpers/batching';
import { mapWithConcurrency } from '../../../../nodes/shared/helpers/concurrency';
import type { RetryPolicy } from '../../../../nodes/shared/helpers/retry';
import { withRetry } from '../../../../nodes/shared/helpers/retry';
import type { SendPlan } from './plan';

export interface ExecuteOptions {
	adapter: GatewayAdapter;
	http: HttpClient;
	credentials: Credentials;
	/** Recipients per request; capped at the gateway's maximum. */
	batchSize?: number;
	concurrency: number;
	sleep: (ms: number) => Promise<void>;
	retry?: RetryPolicy;
}

export interface SendRunResult {
	/** One result per plan entry, in the plan's order. */
	results: RecipientResult[];
	/** Set when the gateway refused the run as a whole (wrong credentials, …). */
	stoppedBy?: GatewayErrorInfo;
	/** True when at least one message may have reached the gateway (accepted or unknown). */
	anythingMayHaveBeenSent: boolean;
	/** HTTP requests that received an answer or were attempted. */
	requests: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
};

export function batchesFor(
	adapter: GatewayAdapter,
	messages: OutgoingMessage[],
	batchSize?: number,
) {
	const send = adapter.send!;
	const max = send.limits.maxRecipientsPerRequest;
	const size = Math.max(1, Math.min(batchSize && batchSize > 0 ? batchSize : max, max));
	// Messages share a request only when the gateway's key and their send options agree.
	return groupInOrder(messages, (m) => `${optionsKey(m.options)}\u0001${send.batchKey(m)}`).flatMap(
		(group) => chunk(group.items, size),
	);
}

function optionsKey(options: SendOptions): string {
	return [options.scheduleAt, options.keyword, options.linkId, options.enqueue]
		.map((v) => v ?? '')
		.join('\u0000');
}

export async function executeSend(plan: SendPlan, options: ExecuteOptions): Promise<SendRunResult> {
	const { adapter } = options;
	const send = adapter.send;
	if (!send) throw new Error(`${adapter.displayName} cannot send SMS`);

	const outcomes = new Map<number, RecipientOutcome>();
	let stoppedBy: GatewayErrorInfo | undefined;
	let requests = 0;

	const batches = batchesFor(adapter, plan.messages, options.batchSize);
	await mapWithConcurrency(batches, Math.max(1, options.concurrency), async (messages) => {
		const outcome = await sendWithRetry(messages);
		for (const o of outcomeFor(messages, outcome)) outcomes.set(o.message.ref, o);
	});

	async function sendWithRetry(messages: OutgoingMessage[]): Promise<BatchOutcome> {
		let lastRefusal: GatewayErrorInfo | undefined;
		const result = await withRetry<BatchOutcome>(
			async () => {
				if (stoppedBy) return { kind: 'done', value: notSentBecause(stoppedBy) };
				requests++;
				try {
					const answer = await send!.sendBatch(
						options.http,
						options.credentials,
						{ messages },
						messages[0].options,
					);
					if (answer.kind === 'retry') {
						lastRefusal = answer.error;
						return { kind: 'retry', reason: answer.reason, retryAfterMs: answer.retryAfterMs };
					}
					if (answer.kind === 'refused' && answer.stopsRun) stoppedBy ??= answer.error;
					return { kind: 'done', value: answer };
				} catch (error) {
					const failure = transportFailure(error);
					if (failure?.delivery === 'notSent') {
						lastRefusal = errorInfo(
							failure.code ?? 'CONNECTION_FAILED',
							failure.message,
							`Could not reach ${adapter.displayName}; nothing was sent. Check the base URL and that the gateway is up, then run again.`,
						);
						return { kind: 'retry', reason: failure.message };
					}
					return {
						kind: 'done',
						value: { kind: 'ambiguous', error: ambiguous(adapter.displayName, error) },
					};
				}
			},
			options.retry ?? DEFAULT_RETRY,
			options.sleep,
		);
		if (result.kind === 'done') return result.value;
		const last = lastRefusal ?? errorInfo('NOT_SENT', result.reason, '');
		return {
			kind: 'refused',
			stopsRun: false,
			error: errorInfo(
				last.code,
				last.message,
				`Not sent: ${adapter.displayName} still refused after ${result.attempts} attempts (${result.reason}). Nothing was accepted for this recipient, so it is safe to send again later.`,
			),
		};
	}

	const results = plan.entries.map((entry) => {
		if (entry.kind === 'decided') return entry.result;
		const outcome = outcomes.get(entry.message.ref);
		return toResult(adapter, entry.message, outcome);
	});
	return {
		results,
		stoppedBy,
		anythingMayHaveBeenSent: results.some((r) => r.status === 'accepted' || r.status === 'unknown'),
		requests,
	};
}

function outcomeFor(messages: OutgoingMessage[], outcome: BatchOutcome): RecipientOutcome[] {
	if (outcome.kind === 'answered') return outcome.outcomes;
	const status = outcome.kind === 'ambiguous' ? 'unknown' : 'rejected';
	return messages.map((message) => ({
		message,
		status,
		messageId: null,
		cost: null,
		currency: null,
		error: outcome.error,
	}));
}

function notSentBecause(error: GatewayErrorInfo): BatchOutcome {
	return {
		kind: 'refused',
		stopsRun: true,
		error: errorInfo(error.code, error.message, `Not sent: ${error.explanation}`),
	};
}

function ambiguous(gateway: string, error: unknown): GatewayErrorInfo {
	const code = transportFailure(error)?.code ?? 'NO_REPLY';
	const message = error instanceof Error ? error.message : String(error);
	return errorInfo(
		code,
		message,
		`The request reached ${gateway} or may have, but no answer came back, so it is not known whether this message was accepted. It was not sent again, to avoid a duplicate. Check the gateway's dashboard or delivery reports before re-sending.`,
	);
}

function toResult(
	adapter: GatewayAdapter,
	message: OutgoingMessage,
	outcome: RecipientOutcome | undefined,
): RecipientResult {
	const o: RecipientOutcome = outcome ?? {
		message,
		status: 'unknown',
		messageId: null,
		cost: null,
		currency: null,
		error: errorInfo(
			'NOT_IN_REPLY',
			`${adapter.displayName} answered the request without mentioning this number`,
			'It is not known whether this message was accepted; check the gateway before re-sending.',
		),
	};
	const result: RecipientResult = {
		gateway: adapter.id,
		status: o.status,
		to: message.e164,
		input: message.input,
		messageId: o.messageId,
		segments: message.segments,
		encoding: message.encoding,
		cost: o.cost,
		currency: o.currency,
		sender: message.sender ?? null,
		scheduledAt: o.status === 'accepted' ? (message.options.scheduleAt ?? null) : null,
		error: o.error,
	};
	if (o.details) result.details = o.details;
	return result;
}

/**
 * Send SMS through a Custom HTTP Gateway. The pipeline groups messages by text and sender and
 * hands over batches of up to 1000; the profile says how many recipients one request may carry,
 * so a batch is sent as consecutive requests of that size. Only the first request's refusal or
 * retry is passed back whole (nothing was sent before it); after it, each request's result is
 * kept per recipient, so a batch that was partly accepted is never sent again.
 */
import { sleep } from 'n8n-workflow';

import type { BatchOutcome, RecipientOutcome, SendBatch, SendCapability } from '../../core/adapter';
import { errorInfo, transportFailure } from '../../core/errors';
import type { Credentials, HttpClient, OutgoingMessage } from '../../core/types';
import { clock } from '../../helpers/clock';
import type { RetryPolicy } from '../../helpers/retry';
import { withRetry } from '../../helpers/retry';
import { checkedProfile } from './profile';
import type { Profile } from './profile';
import { readSendReply } from './reply';
import { buildSendRequest } from './request';

/** The most recipients the pipeline hands over at once; a profile's own maximum is at most this. */
export const HTTP_GATEWAY_BATCH_SIZE = 1000;

/** Waits for a later request of a batch: at most 4 attempts and 60 s in all. */
const LATER_REQUEST_RETRY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 60_000,
};

export const httpGatewaySend: SendCapability = {
	sender: 'text',
	limits: {
		maxRecipientsPerRequest: HTTP_GATEWAY_BATCH_SIZE,
		unicode: true,
		numberStyle: 'plusE164',
		canSchedule: false,
		nativePersonalisation: false,
		premium: false,
	},

	batchKey: (m) => `${m.sender ?? ''}\u0000${m.text}`,

	async sendBatch(
		http: HttpClient,
		credentials: Credentials,
		batch: SendBatch,
	): Promise<BatchOutcome> {
		const checked = checkedProfile(credentials);
		if ('problem' in checked)
			return { kind: 'refused', stopsRun: true, error: checked.problem.info };
		const profile = checked.profile;
		const requests = chunks(batch.messages, profile.send.maxRecipients);
		const outcomes: RecipientOutcome[] = [];
		for (const [index, messages] of requests.entries()) {
			const sent =
				index === 0
					? await sendOne(http, profile, messages)
					: await sendLater(http, profile, messages);
			// The first request's transport failure goes to the pipeline as is (it knows whether the
			// request provably never left); a later one counts only for its own recipients.
			if ('failure' in sent) {
				if (index === 0) return Promise.reject(sent.failure);
				outcomes.push(...perRecipient(afterFailure(profile, sent.failure), messages));
				continue;
			}
			const outcome = sent.outcome;
			if (index === 0 && outcome.kind !== 'answered' && requests.length === 1) return outcome;
			if (
				index === 0 &&
				(outcome.kind === 'retry' || (outcome.kind === 'refused' && outcome.stopsRun))
			) {
				// Nothing has been sent yet: the pipeline may retry or stop the whole batch.
				return outcome;
			}
			outcomes.push(...perRecipient(outcome, messages));
			if (outcome.kind === 'refused' && outcome.stopsRun) {
				// Every further request would be refused the same way: they are not sent.
				for (const rest of requests.slice(index + 1)) outcomes.push(...perRecipient(outcome, rest));
				break;
			}
		}
		return { kind: 'answered', outcomes };
	},
};

async function sendOne(
	http: HttpClient,
	profile: Profile,
	messages: OutgoingMessage[],
): Promise<{ outcome: BatchOutcome } | { failure: unknown }> {
	try {
		const reply = await http.request(buildSendRequest(profile, messages));
		return { outcome: readSendReply(profile, reply, messages, clock.now()) };
	} catch (failure) {
		return { failure };
	}
}

/**
 * A request after the first: the pipeline can no longer retry the batch (part of it was sent), so
 * a "come back later" (429, 503, connection refused) is waited out here, within bounds; what still
 * fails is reported per recipient as not sent.
 */
async function sendLater(
	http: HttpClient,
	profile: Profile,
	messages: OutgoingMessage[],
): Promise<{ outcome: BatchOutcome } | { failure: unknown }> {
	let last: { outcome: BatchOutcome } | { failure: unknown } | undefined;
	const result = await withRetry<{ outcome: BatchOutcome } | { failure: unknown }>(
		async () => {
			last = await sendOne(http, profile, messages);
			if ('outcome' in last && last.outcome.kind === 'retry') {
				return {
					kind: 'retry',
					reason: last.outcome.reason,
					retryAfterMs: last.outcome.retryAfterMs,
				};
			}
			if ('failure' in last && transportFailure(last.failure)?.delivery === 'notSent') {
				return { kind: 'retry', reason: transportFailure(last.failure)!.message };
			}
			return { kind: 'done', value: last };
		},
		LATER_REQUEST_RETRY,
		sleep,
	);
	return result.kind === 'done' ? result.value : last!;
}

/** A later request that got no reply: not sent (safe to send again) or unknown, for its recipients. */
function afterFailure(profile: Profile, failure: unknown): BatchOutcome {
	const info = transportFailure(failure);
	const error = errorInfo(
		info?.code ?? 'NO_REPLY',
		info?.message ?? String(failure),
		info?.delivery === 'notSent'
			? `Could not reach ${profile.name}; this message was not sent, so it is safe to send again.`
			: `No answer came from ${profile.name}, so it is not known whether this message was accepted. It was not sent again.`,
	);
	return info?.delivery === 'notSent'
		? { kind: 'refused', stopsRun: false, error }
		: { kind: 'ambiguous', error };
}

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** One request's result as per-recipient outcomes; a later "come back later" is a plain refusal. */
function perRecipient(outcome: BatchOutcome, messages: OutgoingMessage[]): RecipientOutcome[] {
	if (outcome.kind === 'answered') return outcome.outcomes;
	const status = outcome.kind === 'ambiguous' ? 'unknown' : 'rejected';
	const error =
		outcome.kind === 'retry'
			? {
					...outcome.error,
					explanation: `${outcome.error.explanation} This recipient was not sent; it is safe to send again.`,
				}
			: outcome.error;
	return messages.map((message) => ({
		message,
		status,
		messageId: null,
		cost: null,
		currency: null,
		error,
	}));
}

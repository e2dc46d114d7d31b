import type { BatchOutcome, GatewayAdapter, SendBatch, SendLimits } from '../../../nodes/shared/core/adapter';
import { errorInfo, TransportError } from '../../../nodes/shared/core/errors';

export type Script = (batch: SendBatch, attempt: number) => BatchOutcome | Error;

/**
 * A gateway whose answers a test scripts per request, recording every batch it was sent, so tests
 * can count requests and check that no recipient was ever sent twice.
 */
export function fakeAdapter(script: Script, limits: Partial<SendLimits> = {}) {
	const sent: SendBatch[] = [];
	const adapter: GatewayAdapter = {
		id: 'africasTalking',
		displayName: 'Fake',
		credentialType: 'fakeApi',
		send: {
			limits: {
				maxRecipientsPerRequest: 3,
				unicode: true,
				numberStyle: 'plusE164',
				canSchedule: true,
				nativePersonalisation: false,
				premium: false,
				...limits,
			},
			batchKey: (m) => `${m.sender ?? ''}|${m.text}`,
			async sendBatch(_http, _credentials, batch) {
				sent.push(batch);
				const answer = script(batch, sent.length);
				if (answer instanceof Error) throw answer;
				return answer;
			},
		},
	};
	return { adapter, sent };
}

export const acceptAll: Script = (batch) => ({
	kind: 'answered',
	outcomes: batch.messages.map((message, i) => ({
		message,
		status: 'accepted',
		messageId: `id-${message.e164}-${i}`,
		cost: 0.8,
		currency: 'KES',
		error: null,
	})),
});

export const rateLimited = (retryAfterMs?: number): BatchOutcome => ({
	kind: 'retry',
	reason: 'HTTP 429',
	retryAfterMs,
	error: errorInfo(429, 'Too Many Requests', 'slow down'),
});

export const refusedConnection = () => new TransportError('connect ECONNREFUSED 127.0.0.1:1', 'notSent', 'ECONNREFUSED');
export const resetAfterSending = () => new TransportError('socket hang up', 'ambiguous', 'ECONNRESET');

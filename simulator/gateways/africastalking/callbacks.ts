/**
 * Africa's Talking callbacks: POST, application/x-www-form-urlencoded (docs/gateways/africastalking.md#callbacks).
 * The expected answer is not documented; inferred: any 2xx acknowledges, anything else is retried.
 */
import type { CallbackAttempt, CallbackKind } from '../../core/callbacks';
import type { SimContext } from '../../core/context';
import type { MessageRecord } from '../../core/types';

/** "99999 Athena = sandbox" (docs/gateways/africastalking.md#delivery-reports): the simulator's account is the sandbox one. */
export const SANDBOX_NETWORK_CODE = '99999';

type AtCallbackKind = 'delivery' | 'inbound' | 'optout' | 'subscription';

const DLR_STATUS: Record<string, string> = {
	delivered: 'Success',
	failed: 'Failed',
	rejected: 'Rejected',
};

function isAcknowledged(status: number): boolean {
	return status >= 200 && status < 300;
}

export function sendAtCallback(
	ctx: SimContext,
	kind: AtCallbackKind,
	fields: Record<string, string>,
	messageId?: string,
): Promise<CallbackAttempt[]> | null {
	return ctx.callbacks.sendIfConfigured(ctx.config.callbacks.africasTalking[kind], {
		gateway: 'africasTalking',
		kind: kind as CallbackKind,
		contentType: 'application/x-www-form-urlencoded',
		body: new URLSearchParams(fields).toString(),
		acknowledged: isAcknowledged,
		...(messageId ? { messageId } : {}),
	});
}

/**
 * Delivery report fields: id, status, phoneNumber, networkCode, failureReason (only for
 * Rejected/Failed, documented, docs/gateways/africastalking.md#delivery-reports), retryCount (inferred: always sent, 0 outside premium retries).
 * `status` is Success / Failed / Rejected from the outcome, or any documented word given as the
 * record's gatewayStatus (Sent, Submitted, Buffered, AbsentSubscriber, Expired).
 */
export function deliveryReportFields(record: MessageRecord): Record<string, string> {
	const fields: Record<string, string> = {
		id: record.id,
		status: record.gatewayStatus ?? DLR_STATUS[record.status] ?? 'Failed',
		phoneNumber: record.to,
		networkCode: record.networkCode ?? SANDBOX_NETWORK_CODE,
	};
	if (record.failureReason) fields.failureReason = record.failureReason;
	fields.retryCount = String(record.retryCount ?? 0);
	return fields;
}

export function reportAtDelivery(
	ctx: SimContext,
	record: MessageRecord,
): Promise<CallbackAttempt[]> {
	record.networkCode ??= SANDBOX_NETWORK_CODE;
	return (
		sendAtCallback(ctx, 'delivery', deliveryReportFields(record), record.id) ?? Promise.resolve([])
	);
}

/**
 * Delivery-report callbacks as the gateways send them (the simulator's README "Callbacks", from
 * the gateways' documents (docs/gateways/README.md#callbacks-across-gateways)): Africa's Talking posts a form per report; Gupshup posts one JSON event per status.
 * Every callback gets its own message id, so no trigger can treat two of them as one re-post.
 */
import { atDeliveryReport, FORM } from '../../test/e2e/callbacks/support/callback-workflows';

/**
 * `africasTalkingReport` is the report the callback profiler posts (the gateway document's seed
 * payload with its own id), used by the settings matrix so both measure the same bytes.
 */
export type PayloadKind = 'africasTalking' | 'gupshup' | 'africasTalkingReport';

export function callbackPayload(
	kind: PayloadKind,
	index: number,
	runTag: string,
): { body: string; contentType: string } {
	const hex = `${runTag}${index}`.replace(/\D/g, '').padStart(32, '0').slice(-32);
	if (kind === 'africasTalkingReport') return { contentType: FORM, body: atDeliveryReport(hex) };
	if (kind === 'africasTalking') {
		return {
			contentType: 'application/x-www-form-urlencoded',
			body: new URLSearchParams({
				id: `ATXid_${hex}`,
				status: 'Success',
				phoneNumber: `+25471${String(index % 10000000).padStart(7, '0')}`,
				networkCode: '63902',
				retryCount: '0',
			}).toString(),
		};
	}
	return {
		contentType: 'application/json',
		body: JSON.stringify({
			destination: `55119${String(87000000 + (index % 10000000))}`,
			messageId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
			ts: String(Date.now()),
			status: 'delivered',
		}),
	};
}

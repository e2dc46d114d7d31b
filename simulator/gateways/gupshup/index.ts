/** Gupshup SMS API v1 under /gupshup (docs/gateways/gupshup.md#wallet-balance) plus the wallet balance. */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { header, jsonReply } from '../../core/http-io';
import type { GatewayModule, InboundCapable } from '../gateway';
import { receiveGupshupInbound, reportGupshupDelivery } from './callbacks';
import { authenticationFailed, gupshupError } from './replies';
import { handleGupshupSend } from './send';

export type GupshupModule = GatewayModule & InboundCapable;

/**
 * GET /sm/api/v2/wallet/balance with the `apikey` header (observed (docs/gateways/gupshup.md#sending): integrators only use that
 * header here) -> {"status":"success","balance":n} in USD.
 */
function handleBalance(ctx: SimContext, req: SimRequest): SimReply {
	if (header(req, 'apikey') !== ctx.accounts.gupshup.apiKey) return authenticationFailed();
	return jsonReply(200, { status: 'success', balance: ctx.balances.get('gupshup') });
}

export function createGupshup(ctx: SimContext): GupshupModule {
	return {
		name: 'gupshup',
		routes: [
			{
				method: 'POST',
				pattern: '/sms/v1/message/:appid',
				handler: (req, params) => handleGupshupSend(ctx, req, params.appid),
			},
			{
				method: 'GET',
				pattern: '/sm/api/v2/wallet/balance',
				handler: (req) => handleBalance(ctx, req),
			},
		],
		// inferred (docs/gateways/gupshup.md#sending) for the following bodies: Gupshup documents none of them.
		notFound: () => jsonReply(404, { status: 'error', message: 'Not Found' }),
		methodNotAllowed: () => jsonReply(405, { status: 'error', message: 'Method Not Allowed' }),
		faultReply: (kind, retryAfterSeconds) =>
			kind === 'rateLimit'
				? jsonReply(
						429,
						{ status: 'error', message: 'Too Many Requests' },
						{ 'Retry-After': String(retryAfterSeconds) },
					)
				: gupshupError(8005, undefined, 503),
		internalError: () => gupshupError(8005, undefined, 500),
		reset: () => undefined,
		reportDelivery: (record) => reportGupshupDelivery(ctx, record),
		receiveInbound: (input) => receiveGupshupInbound(ctx, input),
	};
}

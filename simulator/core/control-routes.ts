/** HTTP binding of the control API under /sim (JSON in, JSON out; 400 {error} on bad input). */
import type { ControlApi, InboundRequest, OptOutRequest } from './control';
import { ControlError, parseStatus } from './control';
import type { DeliverRequest } from './delivery';
import type { InboundResult } from '../gateways/gateway';
import type { SimReply, SimRequest } from './http-io';
import { bodyText, isRecord, jsonReply } from './http-io';
import type { CallbackKind } from './callbacks';
import { canonicalGateway, isGatewayName } from './types';
import { GATEWAYS, type GatewayName } from './types';

type ControlHandler = (
	req: SimRequest,
	body: Record<string, unknown>,
) => Promise<SimReply> | SimReply;

function gatewayParam(value: string | null): GatewayName | undefined {
	if (value === null) return undefined;
	const gateway = canonicalGateway(value);
	if (!isGatewayName(gateway))
		throw new ControlError(`gateway must be one of ${GATEWAYS.join(', ')}`);
	return gateway;
}

function readBody(req: SimRequest): Record<string, unknown> {
	const text = bodyText(req).trim();
	if (text === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ControlError('body must be JSON');
	}
	if (!isRecord(value)) throw new ControlError('body must be a JSON object');
	return value;
}

/**
 * The answer to a call that makes the gateway post a callback: the gateway, what it made (under
 * `madeKey`), whether a callback was queued, and, when the caller asked to `wait`, its attempts.
 */
async function callbackReply(
	body: Record<string, unknown>,
	madeKey: string,
	result: InboundResult,
): Promise<SimReply> {
	const attempts = body.wait === true && result.callback ? await result.callback : undefined;
	return jsonReply(200, {
		gateway: canonicalGateway(body.gateway),
		[madeKey]: result.inbound,
		callbackQueued: result.callback !== null,
		attempts,
	});
}

export function controlRoutes(api: ControlApi): Record<string, ControlHandler> {
	return {
		'GET /sim/messages': (req) =>
			jsonReply(200, {
				messages: api.messages({
					gateway: gatewayParam(req.query.get('gateway')),
					status: parseStatus(req.query.get('status')),
					id: req.query.get('id') ?? undefined,
					to: req.query.get('to') ?? undefined,
				}),
			}),
		'POST /sim/reset': () => {
			api.reset();
			return jsonReply(200, { ok: true });
		},
		'GET /sim/config': () => jsonReply(200, api.config()),
		'POST /sim/config': (_req, body) => jsonReply(200, api.configure(body)),
		'POST /sim/inbound': async (_req, body) =>
			await callbackReply(body, 'inbound', api.inbound(body as unknown as InboundRequest)),
		'POST /sim/optout': async (_req, body) =>
			await callbackReply(body, 'notification', api.optOut(body as unknown as OptOutRequest)),
		'POST /sim/deliver': async (_req, body) => {
			const result = api.deliver(body as DeliverRequest);
			const attempts = body.wait === true ? await result.reports : undefined;
			return jsonReply(200, {
				delivered: result.records.length,
				messages: result.records,
				attempts,
			});
		},
		'GET /sim/callbacks': (req) =>
			jsonReply(200, {
				callbacks: api.callbacks({
					gateway: gatewayParam(req.query.get('gateway')),
					kind: (req.query.get('kind') ?? undefined) as CallbackKind | undefined,
				}),
			}),
		'GET /sim/stats': () => jsonReply(200, api.stats()),
		'GET /sim/accounts': () => jsonReply(200, api.accounts),
		'POST /sim/advance': (_req, body) => jsonReply(200, api.advance(body.ms as number)),
		'GET /sim/clock': () => jsonReply(200, api.clock()),
	};
}

export async function handleControl(
	routes: Record<string, ControlHandler>,
	req: SimRequest,
): Promise<SimReply> {
	const path = req.path.replace(/\/+$/, '');
	const handler = routes[`${req.method} ${path}`];
	if (!handler) {
		const known = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
		return jsonReply(known ? 405 : 404, {
			error: known ? 'method not allowed' : `no control endpoint ${req.method} ${path}`,
		});
	}
	try {
		return await handler(req, req.method === 'POST' ? readBody(req) : {});
	} catch (error) {
		if (error instanceof ControlError) return jsonReply(400, { error: error.message });
		throw error;
	}
}

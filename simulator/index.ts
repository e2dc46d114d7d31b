/**
 * The SMS gateway simulator as a library: Africa's Talking, Gupshup, SMSBox, DHIS2, Kannel and Twilio on one
 * loopback port, each under its own path prefix, plus the control API (/sim) and a page (/).
 * Tests start it in-process on port 0 and stop it afterwards; `cli.ts` runs it standalone.
 */
import type { Accounts } from './core/accounts';
import { createAccounts } from './core/accounts';
import type { CallbackAttempt, CallbackKind } from './core/callbacks';
import type { SimConfig } from './core/config';
import { SimContext } from './core/context';
import type { GatewayModules, InboundRequest, OptOutRequest } from './core/control';
import { ControlApi } from './core/control';
import type { DeliverRequest } from './core/delivery';
import { DeliveryService } from './core/delivery';
import { FaultInjector } from './core/faults';
import { RateLimiter } from './core/rate-limit';
import { SimServer } from './core/server';
import { Stats } from './core/stats';
import type { GatewayName, MessageFilter, MessageRecord } from './core/types';
import { GATEWAY_PATHS, GATEWAYS } from './core/types';
import { createAfricasTalking } from './gateways/africastalking';
import { createDhis2 } from './gateways/dhis2';
import { createGupshup } from './gateways/gupshup';
import { createKannel } from './gateways/kannel';
import { createTwilio } from './gateways/twilio';
import { createSmsbox } from './gateways/smsbox';
import { pageReply } from './page/serve';

export type {
	Accounts,
	CallbackAttempt,
	CallbackKind,
	DeliverRequest,
	GatewayName,
	MessageFilter,
	MessageRecord,
	SimConfig,
};
export type { InboundRequest, OptOutRequest };

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Seeds faults, jitter, generated ids and the DHIS2 token. Default 1. */
	seed?: number;
	/** Delivery reports go out this long after acceptance; null (default) = only on deliver(). */
	autoDeliverMs?: number | null;
	/** No log lines on stdout. Default true for the library. */
	quiet?: boolean;
}

export interface Simulator {
	url: string;
	port: number;
	accounts: Accounts;
	baseUrls: Record<GatewayName, string>;
	stop(): Promise<void>;
	reset(): void;
	configure(patch: Record<string, unknown>): SimConfig;
	config(): SimConfig;
	messages(filter?: MessageFilter): MessageRecord[];
	/** Sends the pending delivery reports now; resolves once their callbacks are acknowledged or out of retries. */
	deliver(
		request?: DeliverRequest,
	): Promise<{ records: MessageRecord[]; attempts: CallbackAttempt[] }>;
	inbound(
		request: InboundRequest,
	): Promise<{ inbound: Record<string, unknown>; attempts: CallbackAttempt[] }>;
	optOut(
		request: OptOutRequest,
	): Promise<{ notification: Record<string, unknown>; attempts: CallbackAttempt[] }>;
	callbacks(filter?: { gateway?: GatewayName; kind?: CallbackKind }): CallbackAttempt[];
	stats(): ReturnType<ControlApi['stats']>;
	advance(ms: number): { now: string; offsetMs: number; wentOut: number };
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
	const seed = opts.seed ?? 1;
	const accounts = createAccounts(seed);
	const ctx = new SimContext(seed, accounts, opts.quiet ?? true);
	const modules: GatewayModules = {
		africasTalking: createAfricasTalking(ctx),
		gupshup: createGupshup(ctx),
		smsBox: createSmsbox(ctx),
		dhis2: createDhis2(ctx),
		kannel: createKannel(ctx),
		twilio: createTwilio(ctx),
	};
	const delivery = new DeliveryService(ctx, (name) => modules[name]);
	ctx.delivery = delivery;
	ctx.onAccepted((records) => delivery.scheduleAuto(records));
	const faults = new FaultInjector(seed);
	const rateLimiter = new RateLimiter();
	const stats = new Stats();
	const control = new ControlApi(ctx, modules, faults, rateLimiter, stats);
	if (opts.autoDeliverMs !== undefined) control.setBaseline({ autoDeliverMs: opts.autoDeliverMs });
	const server = new SimServer({
		ctx,
		modules,
		control,
		faults,
		rateLimiter,
		stats,
		page: pageReply(),
	});
	const host = opts.host ?? '127.0.0.1';
	const port = await server.listen(opts.port ?? 0, host);
	delivery.start();
	const url = `http://${host}:${port}`;
	let stopped: Promise<void> | null = null;

	return {
		url,
		port,
		accounts,
		baseUrls: Object.fromEntries(
			GATEWAYS.map((name) => [name, `${url}/${GATEWAY_PATHS[name]}`]),
		) as Record<GatewayName, string>,
		stop: () => {
			stopped ??= (async () => {
				ctx.timers.stopAll();
				ctx.callbacks.stop();
				await server.close();
			})();
			return stopped;
		},
		reset: () => control.reset(),
		configure: (patch) => control.configure(patch),
		config: () => control.config(),
		messages: (filter) => control.messages(filter),
		deliver: async (request) => {
			const result = control.deliver(request);
			return { records: result.records.map((r) => ({ ...r })), attempts: await result.reports };
		},
		inbound: async (request) => {
			const result = control.inbound(request);
			return { inbound: result.inbound, attempts: result.callback ? await result.callback : [] };
		},
		optOut: async (request) => {
			const result = control.optOut(request);
			return {
				notification: result.inbound,
				attempts: result.callback ? await result.callback : [],
			};
		},
		callbacks: (filter) => control.callbacks(filter),
		stats: () => control.stats(),
		advance: (ms) => control.advance(ms),
	};
}

/**
 * The control API's operations. The HTTP routes under /sim and the in-process shortcuts of
 * `startSimulator()` both call these, so tests and tools see the same behaviour.
 */
import type { CallbackAttempt, CallbackKind } from './callbacks';
import type { SimConfig } from './config';
import { ConfigError, defaultConfig, mergeConfig } from './config';
import type { SimContext } from './context';
import type { DeliverRequest, DeliverResult } from './delivery';
import type { FaultInjector } from './faults';
import { isRecord } from './http-io';
import type { RateLimiter } from './rate-limit';
import type { Stats, StatsSnapshot } from './stats';
import type {
	DeliveryOutcome,
	GatewayName,
	MessageFilter,
	MessageRecord,
	MessageStatus,
} from './types';
import { canonicalGateway, isGatewayName, withCanonicalGatewayKeys } from './types';
import { BILLED_GATEWAYS } from './balances';
import type { Accounts } from './accounts';
import type { AfricasTalkingModule } from '../gateways/africastalking';
import type { Dhis2Module } from '../gateways/dhis2';
import type { GatewayModule, InboundInput, InboundResult } from '../gateways/gateway';
import type { GupshupModule } from '../gateways/gupshup';
import type { SmsboxModule } from '../gateways/smsbox';

export interface GatewayModules {
	africasTalking: AfricasTalkingModule;
	gupshup: GupshupModule;
	smsBox: SmsboxModule;
	dhis2: Dhis2Module;
	kannel: GatewayModule;
	twilio: GatewayModule;
}

export class ControlError extends Error {}

export interface InboundRequest extends InboundInput {
	gateway: GatewayName;
}

export interface OptOutRequest {
	gateway: 'africasTalking';
	phoneNumber: string;
	/** Bulk opt-out. */
	senderId?: string;
	/** Subscription notification variant (premium): addition | deletion. */
	updateType?: 'addition' | 'deletion';
	shortCode?: string;
	keyword?: string;
}

const STATUSES: MessageStatus[] = [
	'scheduled',
	'suspended',
	'sent',
	'delivered',
	'failed',
	'rejected',
];
const OUTCOMES: DeliveryOutcome[] = ['delivered', 'failed', 'rejected'];

export class ControlApi {
	/** Start options (e.g. the CLI's autoDeliverMs) that POST /sim/reset restores along with the defaults. */
	private baseline: Record<string, unknown> = {};

	constructor(
		private readonly ctx: SimContext,
		private readonly gateways: GatewayModules,
		private readonly faults: FaultInjector,
		private readonly rateLimiter: RateLimiter,
		private readonly statistics: Stats,
	) {}

	get accounts(): Accounts {
		return this.ctx.accounts;
	}

	module(name: GatewayName): GatewayModule {
		return this.gateways[name];
	}

	setBaseline(patch: Record<string, unknown>): void {
		this.baseline = patch;
		this.ctx.config = mergeConfig(defaultConfig(), patch);
	}

	/** Back to defaults: messages, balances, config, sender names, DHIS2 gateways, faults, callback log, stats, clock. */
	reset(): void {
		this.ctx.config = mergeConfig(defaultConfig(), this.baseline);
		this.ctx.store.clear();
		this.ctx.balances.reset();
		this.ctx.callbacks.clearLog();
		this.ctx.clock.reset();
		this.ctx.resetIds();
		this.faults.reseed(null);
		this.rateLimiter.reset();
		this.statistics.reset();
		for (const gateway of Object.values(this.gateways)) gateway.reset();
	}

	config(): SimConfig {
		return JSON.parse(JSON.stringify(this.ctx.config)) as SimConfig;
	}

	/** Partial merge (see README for the shape); `balances` and `senderNames` change state directly. */
	configure(patch: unknown): SimConfig {
		let merged: SimConfig;
		try {
			merged = mergeConfig(this.ctx.config, patch);
		} catch (error) {
			if (error instanceof ConfigError) throw new ControlError(error.message);
			throw error;
		}
		const body = patch as Record<string, unknown>;
		if (body.balances !== undefined) this.applyBalances(body.balances);
		if (body.senderNames !== undefined) {
			if (!isRecord(body.senderNames))
				throw new ControlError('senderNames must be an object {NAME: status}');
			try {
				this.gateways.smsBox.senderNames.setStatuses(body.senderNames, this.ctx.clock.now());
			} catch (error) {
				throw new ControlError((error as Error).message);
			}
		}
		const faultsPatch = isRecord(body.faults) ? body.faults : {};
		if ('seed' in faultsPatch) this.faults.reseed(merged.faults.seed);
		this.ctx.config = merged;
		return this.config();
	}

	messages(filter: MessageFilter = {}): MessageRecord[] {
		this.ctx.delivery.processDue();
		return this.ctx.store
			.list({ ...filter, gateway: canonicalGateway(filter.gateway) })
			.map((r) => ({ ...r }));
	}

	deliver(given: DeliverRequest = {}): DeliverResult {
		const request = { ...given, gateway: canonicalGateway(given.gateway) };
		if (request.gateway !== undefined && !isGatewayName(request.gateway))
			throw new ControlError('unknown gateway');
		if (request.outcome !== undefined && !OUTCOMES.includes(request.outcome)) {
			throw new ControlError('outcome must be delivered, failed or rejected');
		}
		return this.ctx.delivery.deliver(request);
	}

	inbound(given: InboundRequest): InboundResult {
		const request = { ...given, gateway: canonicalGateway(given.gateway) };
		if (
			!isGatewayName(request.gateway) ||
			request.gateway === 'kannel' ||
			request.gateway === 'twilio'
		)
			throw new ControlError('gateway must be africasTalking, gupshup, smsBox or dhis2');
		if (typeof request.from !== 'string' || request.from === '')
			throw new ControlError('from is required');
		if (typeof request.text !== 'string') throw new ControlError('text is required');
		if (request.to !== undefined && typeof request.to !== 'string')
			throw new ControlError('to must be a string');
		return this.gateways[request.gateway].receiveInbound(request);
	}

	optOut(given: OptOutRequest): InboundResult {
		const request = { ...given, gateway: canonicalGateway(given.gateway) };
		if (request.gateway !== 'africasTalking') {
			throw new ControlError(
				'opt-out and subscription notifications exist only for africasTalking',
			);
		}
		if (typeof request.phoneNumber !== 'string' || request.phoneNumber === '')
			throw new ControlError('phoneNumber is required');
		const at = this.gateways.africasTalking;
		if (request.updateType !== undefined) {
			if (request.updateType !== 'addition' && request.updateType !== 'deletion') {
				throw new ControlError('updateType must be addition or deletion');
			}
			const account = this.ctx.accounts.africasTalking;
			return at.updateSubscription({
				phoneNumber: request.phoneNumber,
				shortCode: request.shortCode ?? account.shortCodes[0],
				keyword: request.keyword ?? account.keywords[0],
				updateType: request.updateType,
			});
		}
		if (typeof request.senderId !== 'string' || request.senderId === '')
			throw new ControlError('senderId is required');
		return at.optOut(request.senderId, request.phoneNumber);
	}

	callbacks(filter: { gateway?: GatewayName; kind?: CallbackKind } = {}): CallbackAttempt[] {
		return this.ctx.callbacks
			.attempts({ ...filter, gateway: canonicalGateway(filter.gateway) })
			.map((a) => ({ ...a }));
	}

	stats(): StatsSnapshot & {
		messages: number;
		balances: Record<string, number>;
		faultSeed: number;
	} {
		return {
			...this.statistics.snapshot(),
			messages: this.ctx.store.size,
			balances: this.ctx.balances.snapshot(),
			faultSeed: this.faults.seed,
		};
	}

	/** Moves the simulator clock forward; scheduled messages now due go out. */
	advance(ms: number): { now: string; offsetMs: number; wentOut: number } {
		if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
			throw new ControlError('ms must be a non-negative number');
		this.ctx.clock.advance(ms);
		const wentOut = this.ctx.delivery.processDue();
		return { now: this.ctx.clock.iso(), offsetMs: this.ctx.clock.offset, wentOut };
	}

	clock(): { now: string; offsetMs: number } {
		return { now: this.ctx.clock.iso(), offsetMs: this.ctx.clock.offset };
	}

	private applyBalances(value: unknown): void {
		if (!isRecord(value)) throw new ControlError('balances must be an object');
		for (const [gateway, amount] of Object.entries(withCanonicalGatewayKeys(value))) {
			if (!(BILLED_GATEWAYS as string[]).includes(gateway))
				throw new ControlError(`balances.${gateway}: no balance at that gateway`);
			if (typeof amount !== 'number' || !Number.isFinite(amount))
				throw new ControlError(`balances.${gateway} must be a number`);
			this.ctx.balances.set(gateway as (typeof BILLED_GATEWAYS)[number], amount);
		}
	}
}

export function parseStatus(value: string | null): MessageStatus | undefined {
	if (value === null) return undefined;
	if (!STATUSES.includes(value as MessageStatus))
		throw new ControlError(`status must be one of ${STATUSES.join(', ')}`);
	return value as MessageStatus;
}

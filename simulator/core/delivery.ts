/**
 * Delivery of accepted messages: decides each outcome (per-number rules, or forced by
 * POST /sim/deliver), sets the final status, and asks the gateway to send its delivery
 * report. Also moves scheduled messages to 'sent' when the simulator clock reaches them.
 */
import type { CallbackAttempt } from './callbacks';
import type { SimContext } from './context';
import { defaultFailureReason, resolveOutcome } from './outcomes';
import type { ResolvedOutcome } from './outcomes';
import type { DeliveryOutcome, GatewayName, MessageRecord } from './types';
import type { GatewayModule } from '../gateways/gateway';

export interface DeliverRequest {
	gateway?: GatewayName;
	/** Simulator-wide record numbers (`seq` in /sim/messages). */
	seqs?: number[];
	/** Gateway message ids (an SMSBox id covers every recipient of its request). */
	ids?: string[];
	to?: string;
	/** Forces the outcome instead of the per-number rules (the page's "fail" button). */
	outcome?: DeliveryOutcome;
	failureReason?: string;
	/** The gateway's own status word or code to report (AT `Buffered`, a Gupshup `8003`, …). */
	gatewayStatus?: string;
	/** AT: the delivery report's retryCount. */
	retryCount?: number;
}

export interface DeliverResult {
	records: MessageRecord[];
	/** Resolves once every delivery-report callback is acknowledged or out of retries. */
	reports: Promise<CallbackAttempt[]>;
}

const SWEEP_MS = 1000;

export class DeliveryService {
	constructor(
		private readonly ctx: SimContext,
		private readonly moduleOf: (gateway: GatewayName) => GatewayModule,
	) {}

	start(): void {
		this.ctx.timers.setInterval(() => this.processDue(), SWEEP_MS);
	}

	deliver(request: DeliverRequest = {}): DeliverResult {
		this.processDue();
		const seqs = request.seqs ? new Set(request.seqs) : null;
		const ids = request.ids ? new Set(request.ids) : null;
		const targets = this.ctx.store.where(
			(r) =>
				r.status === 'sent' &&
				(request.gateway === undefined || r.gateway === request.gateway) &&
				(seqs === null || seqs.has(r.seq)) &&
				(ids === null || ids.has(r.id)) &&
				(request.to === undefined || r.to === request.to),
		);
		const reports: Promise<CallbackAttempt[]>[] = [];
		for (const record of targets) {
			const resolved = this.outcomeFor(record, request);
			record.status = resolved.outcome;
			record.deliveredAt = this.ctx.clock.iso();
			record.failureReason = resolved.failureReason;
			if (resolved.networkCode !== null) record.networkCode = resolved.networkCode;
			const gatewayStatus = request.gatewayStatus ?? resolved.gatewayStatus;
			if (gatewayStatus !== undefined) record.gatewayStatus = gatewayStatus;
			const retryCount = request.retryCount ?? resolved.retryCount;
			if (retryCount !== undefined) record.retryCount = retryCount;
			const report = this.moduleOf(record.gateway).reportDelivery?.(record);
			if (report) reports.push(report);
		}
		return { records: targets, reports: Promise.all(reports).then((lists) => lists.flat()) };
	}

	/** Called for freshly accepted messages; delivers them after `autoDeliverMs` when it is set. */
	scheduleAuto(records: MessageRecord[]): void {
		const delay = this.ctx.config.autoDeliverMs;
		if (delay === null) return;
		const seqs = records.filter((r) => r.status === 'sent').map((r) => r.seq);
		if (seqs.length === 0) return;
		this.ctx.timers.setTimeout(() => {
			this.deliver({ seqs });
		}, delay);
	}

	/** Scheduled messages whose time has come go out now. Returns how many did. */
	processDue(): number {
		const now = this.ctx.clock.now();
		const due = this.ctx.store.where(
			(r) => r.status === 'scheduled' && r.scheduledAt !== null && Date.parse(r.scheduledAt) <= now,
		);
		for (const record of due) record.status = 'sent';
		this.scheduleAuto(due);
		return due.length;
	}

	private outcomeFor(record: MessageRecord, request: DeliverRequest): ResolvedOutcome {
		if (request.outcome) {
			return {
				outcome: request.outcome,
				failureReason:
					request.outcome === 'delivered'
						? null
						: (request.failureReason ?? defaultFailureReason(request.outcome)),
				networkCode: null,
			};
		}
		const preset = this.moduleOf(record.gateway).presetOutcome?.(record);
		return preset ?? resolveOutcome(this.ctx.config, record.to);
	}
}

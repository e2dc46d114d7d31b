/**
 * The simulator's control API as the example tests drive it: where each gateway sends its
 * callbacks, the callbacks it makes (inbound SMS, opt-outs, delivery reports), the log of every
 * callback attempt with n8n's answer, and balances. Over HTTP, like any client (simulator/README.md).
 */
import axios from 'axios';

import { SimControl } from '../../../../tooling/n8n/sim-control';

/** The simulator's own names and callback log records, re-exported for the example tests. */
import type { CallbackAttempt, GatewayName as SimGateway } from '../../../../simulator';

export type { CallbackAttempt, SimGateway };

/** `callbacks` section of the simulator config: one URL per gateway and callback kind. */
export type CallbackUrls = Partial<{
	africastalking: Partial<Record<'delivery' | 'inbound' | 'optout' | 'subscription', string | null>>;
	gupshup: Partial<Record<'events', string | null>>;
	smsbox: Partial<Record<'inbound', string | null>>;
	dhis2: Partial<Record<'inbound', string | null>>;
}>;

export class SimDriver extends SimControl {
	async setCallbacks(callbacks: CallbackUrls): Promise<void> {
		await this.post('/sim/config', { callbacks });
	}

	/** Sets account balances (state, not config: `POST /sim/config` applies them). */
	async setBalances(balances: Partial<Record<'africastalking' | 'gupshup' | 'smsbox', number>>): Promise<void> {
		await this.post('/sim/config', { balances });
	}

	async balances(): Promise<Record<'africastalking' | 'gupshup' | 'smsbox', number>> {
		const response = await axios.get(`${this.url}/sim/stats`, { timeout: 10000 });
		return (response.data as { balances: Record<'africastalking' | 'gupshup' | 'smsbox', number> }).balances;
	}

	/** An incoming SMS; with `wait`, answers once n8n acknowledged it (or retries ran out). */
	async inbound(message: { gateway: SimGateway; from: string; text: string; to?: string; [extra: string]: unknown }) {
		return await this.post<{ inbound: Record<string, unknown>; attempts?: CallbackAttempt[] }>('/sim/inbound', {
			...message,
			wait: true,
		});
	}

	/** Delivers the matching sent messages now (forced outcome optional) and waits for the reports. */
	async deliver(request: { ids?: string[]; gateway?: SimGateway; outcome?: 'delivered' | 'failed' | 'rejected'; failureReason?: string }) {
		return await this.post<{ delivered: number; attempts?: CallbackAttempt[] }>('/sim/deliver', { ...request, wait: true });
	}

	async callbacks(filter: { gateway?: SimGateway; kind?: string } = {}): Promise<CallbackAttempt[]> {
		const response = await axios.get(`${this.url}/sim/callbacks`, { params: filter, timeout: 10000 });
		return (response.data as { callbacks: CallbackAttempt[] }).callbacks;
	}

	private async post<T = unknown>(path: string, body: unknown): Promise<T> {
		const response = await axios.post(`${this.url}${path}`, body, { timeout: 30000 });
		return response.data as T;
	}
}

/**
 * The gateway simulator's control API (`/sim/*`, simulator/README.md) over HTTP, as the e2e tests,
 * the benches and `npm run dev -- --queue` drive it: accounts and stored messages, callback URLs
 * and balances, inbound messages, delivery reports, the log of every callback attempt with n8n's
 * answer, stats, reset and configuration. One client for every caller (the simulator may run in
 * this process or in its own).
 */
import axios from 'axios';

import type { CallbackAttempt, GatewayName as SimGateway } from '../../simulator';
import type { SimulatorAccountsForCredentials } from './simulator-credentials';

export type { CallbackAttempt, SimGateway };

export interface SimMessage {
	gateway: string;
	id: string;
	to: string;
	text: string;
	sender: string | null;
	status: string;
	[key: string]: unknown;
}

/** `callbacks` section of the simulator config: one URL per gateway and callback kind. */
export type CallbackUrls = Partial<{
	africasTalking: Partial<
		Record<'delivery' | 'inbound' | 'optout' | 'subscription', string | null>
	>;
	gupshup: Partial<Record<'events', string | null>>;
	smsBox: Partial<Record<'inbound', string | null>>;
	dhis2: Partial<Record<'inbound', string | null>>;
}>;

export type FaultKind = 'rateLimit' | 'serverError' | 'resetBefore' | 'resetAfter';

export interface SimStats {
	requests: {
		total: number;
		byGateway: Record<SimGateway, { total: number; byEndpoint: Record<string, number> }>;
	};
	faults: Record<FaultKind, number> & { byGateway: Record<SimGateway, Record<FaultKind, number>> };
	rateLimited: Record<SimGateway, number>;
	balances: Record<'africasTalking' | 'gupshup' | 'smsBox', number>;
	messages?: number;
}

export class SimControl {
	constructor(readonly url: string) {}

	async accounts(): Promise<SimulatorAccountsForCredentials> {
		return await this.get('/sim/accounts');
	}

	async messages(
		filter: { gateway?: string; to?: string; id?: string } = {},
	): Promise<SimMessage[]> {
		const { messages } = await this.get<{ messages: SimMessage[] }>('/sim/messages', filter);
		return messages;
	}

	async setCallbacks(callbacks: CallbackUrls): Promise<void> {
		await this.post('/sim/config', { callbacks });
	}

	/** Sets account balances (state, not config: `POST /sim/config` applies them). */
	async setBalances(
		balances: Partial<Record<'africasTalking' | 'gupshup' | 'smsBox', number>>,
	): Promise<void> {
		await this.post('/sim/config', { balances });
	}

	async balances(): Promise<SimStats['balances']> {
		return (await this.stats()).balances;
	}

	/** An incoming SMS; answers once n8n acknowledged it (or retries ran out). */
	async inbound(message: {
		gateway: SimGateway;
		from: string;
		text: string;
		to?: string;
		[extra: string]: unknown;
	}) {
		return await this.post<{ inbound: Record<string, unknown>; attempts?: CallbackAttempt[] }>(
			'/sim/inbound',
			{ ...message, wait: true },
			30000,
		);
	}

	/** Delivers the matching sent messages now (forced outcome optional) and waits for the reports. */
	async deliver(
		request: {
			ids?: string[];
			gateway?: SimGateway;
			outcome?: 'delivered' | 'failed' | 'rejected';
			failureReason?: string;
			/** The gateway's own status word or code to report (e.g. AT `Buffered`, Gupshup `8003`). */
			gatewayStatus?: string;
			/** Africa's Talking's retryCount of the report. */
			retryCount?: number;
		},
		timeoutMs = 30000,
	) {
		return await this.post<{ delivered: number; attempts?: CallbackAttempt[] }>(
			'/sim/deliver',
			{ ...request, wait: true },
			timeoutMs,
		);
	}

	async callbacks(
		filter: { gateway?: SimGateway; kind?: string } = {},
	): Promise<CallbackAttempt[]> {
		const { callbacks } = await this.get<{ callbacks: CallbackAttempt[] }>(
			'/sim/callbacks',
			filter,
		);
		return callbacks;
	}

	async stats(): Promise<SimStats> {
		return await this.get('/sim/stats');
	}

	async reset(): Promise<void> {
		await this.post('/sim/reset', {});
	}

	async configure(patch: Record<string, unknown>): Promise<void> {
		await this.post('/sim/config', patch);
	}

	/** The whole config now (`GET /sim/config`), e.g. to put a section back after a test changed it. */
	async config(): Promise<Record<string, unknown>> {
		return await this.get('/sim/config');
	}

	private async get<T>(path: string, params?: Record<string, string | undefined>): Promise<T> {
		const response = await axios.get(`${this.url}${path}`, { params, timeout: 10000 });
		return response.data as T;
	}

	private async post<T = unknown>(path: string, body: unknown, timeoutMs = 10000): Promise<T> {
		const response = await axios.post(`${this.url}${path}`, body, {
			timeout: timeoutMs,
			validateStatus: () => true,
		});
		if (response.status !== 200)
			throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.data)}`);
		return response.data as T;
	}
}

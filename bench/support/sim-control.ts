/**
 * The simulator's control API over HTTP (the simulator runs in its own process here): the e2e
 * client's reads (`accounts`, `messages`) plus reset, configure and stats.
 */
import axios from 'axios';

import { SimControl } from '../../tooling/n8n/sim-control';
import type { SimGatewayName } from './gateways';

export interface SimStats {
	requests: { total: number; byGateway: Record<SimGatewayName, { total: number; byEndpoint: Record<string, number> }> };
	faults: Record<FaultKind, number> & { byGateway: Record<SimGatewayName, Record<FaultKind, number>> };
	rateLimited: Record<SimGatewayName, number>;
	messages?: number;
}

export type FaultKind = 'rateLimit' | 'serverError' | 'resetBefore' | 'resetAfter';

export class BenchSimControl extends SimControl {
	async reset(): Promise<void> {
		await this.post('/sim/reset', {});
	}

	async configure(patch: Record<string, unknown>): Promise<void> {
		await this.post('/sim/config', patch);
	}

	async stats(): Promise<SimStats> {
		const response = await axios.get(`${this.url}/sim/stats`, { timeout: 10000 });
		return response.data as SimStats;
	}

	private async post(path: string, body: unknown): Promise<unknown> {
		const response = await axios.post(`${this.url}${path}`, body, { timeout: 10000, validateStatus: () => true });
		if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.data)}`);
		return response.data;
	}
}

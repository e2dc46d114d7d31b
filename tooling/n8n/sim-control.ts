/** The simulator's control API (/sim/*) as the e2e tests use it, over HTTP like any client. */
import axios from 'axios';

import type { SimulatorAccountsForCredentials } from './simulator-credentials';

export interface SimMessage {
	gateway: string;
	id: string;
	to: string;
	text: string;
	sender: string | null;
	status: string;
	[key: string]: unknown;
}

export class SimControl {
	constructor(readonly url: string) {}

	async accounts(): Promise<SimulatorAccountsForCredentials> {
		return await this.get('/sim/accounts');
	}

	async messages(filter: { gateway?: string; to?: string; id?: string } = {}): Promise<SimMessage[]> {
		const { messages } = await this.get<{ messages: SimMessage[] }>('/sim/messages', filter);
		return messages;
	}

	private async get<T>(path: string, params?: Record<string, string | undefined>): Promise<T> {
		const response = await axios.get(`${this.url}${path}`, { params, timeout: 10000 });
		return response.data as T;
	}
}

/** Request counts per gateway and endpoint ("requests made" for the benchmarks) and injected faults. */
import type { FaultKind, GatewayName } from './types';
import { FAULT_KINDS, GATEWAYS } from './types';

export interface GatewayStats {
	total: number;
	/** Keyed "METHOD /route/pattern" (or "METHOD (unmatched)"). */
	byEndpoint: Record<string, number>;
}

export interface StatsSnapshot {
	requests: { total: number; byGateway: Record<GatewayName, GatewayStats> };
	faults: Record<FaultKind, number> & { byGateway: Record<GatewayName, Record<FaultKind, number>> };
	/** 429s from the configured `rateLimit` (not injected faults). */
	rateLimited: Record<GatewayName, number>;
	control: number;
}

function zeroFaults(): Record<FaultKind, number> {
	return Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
}

function perGateway<T>(make: () => T): Record<GatewayName, T> {
	return Object.fromEntries(GATEWAYS.map((g) => [g, make()])) as Record<GatewayName, T>;
}

export class Stats {
	private data!: StatsSnapshot;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.data = {
			requests: { total: 0, byGateway: perGateway(() => ({ total: 0, byEndpoint: {} })) },
			faults: { ...zeroFaults(), byGateway: perGateway(zeroFaults) },
			rateLimited: perGateway(() => 0),
			control: 0,
		};
	}

	/** Counts a gateway request; returns its number among that gateway's requests (1 = the first). */
	request(gateway: GatewayName, endpoint: string): number {
		this.data.requests.total++;
		const g = this.data.requests.byGateway[gateway];
		g.total++;
		g.byEndpoint[endpoint] = (g.byEndpoint[endpoint] ?? 0) + 1;
		return g.total;
	}

	fault(gateway: GatewayName, kind: FaultKind): void {
		this.data.faults[kind]++;
		this.data.faults.byGateway[gateway][kind]++;
	}

	rateLimited(gateway: GatewayName): void {
		this.data.rateLimited[gateway]++;
	}

	controlRequest(): void {
		this.data.control++;
	}

	snapshot(): StatsSnapshot {
		return JSON.parse(JSON.stringify(this.data)) as StatsSnapshot;
	}
}

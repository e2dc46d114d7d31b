/** Account balances of the three billing gateways (DHIS2 has none). */
import { DEFAULT_BALANCES } from './accounts';
import type { Minor } from './money';
import { fromMinor, toMinor } from './money';

export type BilledGateway = keyof typeof DEFAULT_BALANCES;
export const BILLED_GATEWAYS = Object.keys(DEFAULT_BALANCES) as BilledGateway[];

export class Balances {
	private readonly minor = new Map<BilledGateway, Minor>();

	constructor() {
		this.reset();
	}

	reset(): void {
		for (const gateway of BILLED_GATEWAYS)
			this.minor.set(gateway, toMinor(DEFAULT_BALANCES[gateway]));
	}

	getMinor(gateway: BilledGateway): Minor {
		return this.minor.get(gateway) ?? 0;
	}

	get(gateway: BilledGateway): number {
		return fromMinor(this.getMinor(gateway));
	}

	set(gateway: BilledGateway, amount: number): void {
		this.minor.set(gateway, toMinor(amount));
	}

	canAfford(gateway: BilledGateway, cost: Minor): boolean {
		return this.getMinor(gateway) >= cost;
	}

	/** Takes `cost` if the balance covers it; returns whether it did. */
	charge(gateway: BilledGateway, cost: Minor): boolean {
		if (!this.canAfford(gateway, cost)) return false;
		this.minor.set(gateway, this.getMinor(gateway) - cost);
		return true;
	}

	refund(gateway: BilledGateway, amount: Minor): void {
		this.minor.set(gateway, this.getMinor(gateway) + amount);
	}

	snapshot(): Record<BilledGateway, number> {
		const out = {} as Record<BilledGateway, number>;
		for (const gateway of BILLED_GATEWAYS) out[gateway] = this.get(gateway);
		return out;
	}
}

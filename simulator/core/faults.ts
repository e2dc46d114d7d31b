/**
 * Decides, per gateway request, whether to inject a fault: first the deterministic
 * queues (`faults.gateways.<gw>.next`, then `faults.next`), then the seeded random rate.
 */
import type { SimConfig, FaultWeights } from './config';
import { deriveSeed, Prng } from './prng';
import type { FaultKind, GatewayName } from './types';
import { FAULT_KINDS } from './types';

export class FaultInjector {
	private rng: Prng;
	private jitterRng: Prng;
	private seedInUse: number;

	constructor(private readonly simSeed: number) {
		this.seedInUse = simSeed;
		this.rng = new Prng(deriveSeed(simSeed, 2));
		this.jitterRng = new Prng(deriveSeed(simSeed, 3));
	}

	/** Restarts the random streams (on reset, or when `faults.seed` changes). */
	reseed(seed: number | null): void {
		this.seedInUse = seed ?? this.simSeed;
		this.rng = new Prng(deriveSeed(this.seedInUse, 2));
		this.jitterRng = new Prng(deriveSeed(this.seedInUse, 3));
	}

	/** Latency jitter factor in [0, 1), from its own stream so it never shifts fault decisions. */
	jitter(): number {
		return this.jitterRng.next();
	}

	get seed(): number {
		return this.seedInUse;
	}

	/** Consumes queue entries from `config` (mutating the queues) and returns the fault for this request, if any. */
	decide(config: SimConfig, gateway: GatewayName): FaultKind | null {
		const own = config.faults.gateways[gateway];
		if (own?.next && own.next.length > 0) return orNull(own.next.shift());
		if (config.faults.next.length > 0) return orNull(config.faults.next.shift());
		const rate = own?.rate ?? config.faults.rate;
		if (rate <= 0) return null;
		if (this.rng.next() >= rate) return null;
		return this.pick({ ...config.faults.weights, ...(own?.weights ?? {}) });
	}

	private pick(weights: FaultWeights): FaultKind | null {
		const total = FAULT_KINDS.reduce((sum, kind) => sum + weights[kind], 0);
		if (total <= 0) return null;
		let roll = this.rng.next() * total;
		for (const kind of FAULT_KINDS) {
			roll -= weights[kind];
			if (roll < 0) return kind;
		}
		return FAULT_KINDS[FAULT_KINDS.length - 1];
	}
}

function orNull(entry: FaultKind | 'none' | undefined): FaultKind | null {
	return entry === undefined || entry === 'none' ? null : entry;
}

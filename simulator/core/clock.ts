/**
 * The simulator's clock: real time plus an offset that `POST /sim/advance` moves
 * forward, so scheduled SMSBox messages can "go out at their time" in tests without waiting.
 */
export class SimClock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	iso(): string {
		return new Date(this.now()).toISOString();
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	reset(): void {
		this.offsetMs = 0;
	}

	get offset(): number {
		return this.offsetMs;
	}
}

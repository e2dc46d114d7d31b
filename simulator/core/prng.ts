/**
 * Seeded pseudo-random numbers (mulberry32), so faults, jitter and generated ids
 * replay identically from the same seed and the same request order.
 */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Unsigned 32-bit integer. */
	nextUint32(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** Float in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** Integer in [0, max). */
	int(max: number): number {
		return Math.floor(this.next() * max);
	}

	hex(length: number): string {
		let out = '';
		while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
		return out.slice(0, length);
	}

	/** Random characters from an alphabet. */
	chars(alphabet: string, length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
		return out;
	}

	/** RFC 4122 version-4 shaped UUID (Gupshup message ids look like this). */
	uuid(): string {
		const h = this.hex(32).split('');
		h[12] = '4';
		h[16] = '89ab'[parseInt(h[16], 16) & 3];
		const s = h.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}
}

/** Derive independent streams from one seed so that, e.g., id generation does not shift fault decisions. */
export function deriveSeed(seed: number, stream: number): number {
	return (Math.imul(seed >>> 0, 2654435761) ^ Math.imul(stream + 1, 40503)) >>> 0;
}

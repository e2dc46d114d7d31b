/** Reads the money strings gateways write for prices and balances (`KES 0.8000`, `UGX -14.5731`, `0`). */

/** `KES 0.8000`, `UGX -14.5731`, `0` → amount and currency. */
export function parseMoney(value: unknown): { amount: number | null; currency: string | null } {
	if (typeof value === 'number') return { amount: value, currency: null };
	if (typeof value !== 'string') return { amount: null, currency: null };
	const match = /^\s*([A-Za-z]{3})?\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
	if (!match) return { amount: null, currency: null };
	return { amount: Number(match[2]), currency: match[1] ? match[1].toUpperCase() : null };
}

/**
 * Balances are kept in integer ten-thousandths: AT prices carry four decimals
 * ("KES 0.8000", docs/gateways/africastalking.md#send-reply-and-status-codes), and float sums would drift over thousands of sends.
 */
const SCALE = 10000;

export type Minor = number;

export function toMinor(amount: number): Minor {
	return Math.round(amount * SCALE);
}

export function fromMinor(minor: Minor): number {
	return minor / SCALE;
}

/** "1785.5000" style, four decimals. */
export function format4(minor: Minor): string {
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(minor);
	return `${sign}${Math.floor(abs / SCALE)}.${String(abs % SCALE).padStart(4, '0')}`;
}

/**
 * DHIS2 personal access tokens (docs/gateways/dhis2.md#authentication-and-api-versions, dhis2-core ApiKeyTokenGenerator):
 * V2 = "d2p_" + 44 random chars + base62 CRC32 of those 44 chars, zero-padded to 6;
 * V1 = "d2pat_" + 32 random chars + decimal CRC32 zero-padded to 10.
 */
import type { Prng } from '../../core/prng';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODE_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(text: string): number {
	let crc = 0xffffffff;
	for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

export function crc32ToBase62(value: number): string {
	let out = '';
	let rest = value;
	while (rest > 0) {
		out = BASE62[rest % 62] + out;
		rest = Math.floor(rest / 62);
	}
	return out.padStart(6, '0');
}

export function generatePersonalAccessToken(rng: Prng): string {
	const code = rng.chars(CODE_ALPHABET, 44);
	return `d2p_${code}${crc32ToBase62(crc32(code))}`;
}

export type TokenCheck = 'valid' | 'checksum';

/** Checks the token's type prefix, length and checksum the way ApiTokenResolver does before any lookup. */
export function checkTokenChecksum(token: string): TokenCheck {
	const v2 = /^d2p_([A-Za-z0-9]{44})([A-Za-z0-9]{6})$/.exec(token);
	if (v2) return crc32ToBase62(crc32(v2[1])) === v2[2] ? 'valid' : 'checksum';
	const v1 = /^d2pat_([A-Za-z0-9]{32})(\d{10})$/.exec(token);
	if (v1) return String(crc32(v1[1])).padStart(10, '0') === v1[2] ? 'valid' : 'checksum';
	// Unknown prefix or wrong length: dhis2-core maps every resolution failure to "Checksum validation failed".
	return 'checksum';
}

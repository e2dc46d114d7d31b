/**
 * DHIS2-shaped uids for the acknowledgements of the DHIS2-format inbound endpoint, which answers
 * "Received SMS: {uid}" as a DHIS2 server does.
 */
import { createHash } from 'crypto';

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * An 11-character id in the shape of a DHIS2 uid (a letter, then letters and digits), derived from
 * a seed so the same message always gets the same id (DHIS2 answers "Received SMS: {uid}",
 * docs/gateways/dhis2.md#inbound-messages).
 */
export function dhis2StyleUid(seed: string): string {
	const digest = createHash('sha256').update(seed, 'utf8').digest();
	let uid = ALPHANUMERIC[digest[0] % 52];
	for (let i = 1; i < 11; i++) uid += ALPHANUMERIC[digest[i] % ALPHANUMERIC.length];
	return uid;
}

/**
 * Checks that a callback comes from the gateway the user configured. None of the gateways signs
 * its callbacks (docs/gateways/README.md#callbacks-across-gateways), so the trigger checks a secret the user put in the
 * URL they pasted into the gateway's dashboard (query parameter `token`) or that the sender adds as
 * a header (`X-Webhook-Token`), or HTTP Basic credentials (what SMS gateway apps send to DHIS2,
 * docs/gateways/dhis2.md#authentication-and-api-versions). Every comparison hashes both sides and compares the digests in constant time,
 * so neither the content nor the length of the secret leaks through timing. Pure; never throws.
 */
import { createHash, timingSafeEqual } from 'crypto';

export const TOKEN_QUERY_PARAMETER = 'token';
export const TOKEN_HEADER = 'x-webhook-token';

/** The sentence of a gateway's setup notice that says where the secret token goes. */
export const TOKEN_SETUP_HINT =
	'Add ?token=<your Secret Token> to the end of the URL you paste (or have the sender send it in an X-Webhook-Token header).';

export function secretsEqual(given: string, expected: string): boolean {
	const givenDigest = createHash('sha256').update(given, 'utf8').digest();
	const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(givenDigest, expectedDigest);
}

/** Whether the query token or the header carries the secret. An empty secret never matches. */
export function tokenMatches(
	headers: Record<string, string>,
	query: Record<string, string>,
	secret: string,
): boolean {
	if (secret === '') return false;
	const candidates = [query[TOKEN_QUERY_PARAMETER], headers[TOKEN_HEADER]].filter(
		(value): value is string => typeof value === 'string',
	);
	let matched = false;
	// Every candidate is compared, so the time taken does not tell which one matched.
	for (const candidate of candidates) matched = secretsEqual(candidate, secret) || matched;
	return matched;
}

export interface BasicCredentials {
	username: string;
	password: string;
}

/** `Authorization: Basic base64(user:password)`, or undefined when absent or malformed. */
export function readBasicAuth(authorization: string | undefined): BasicCredentials | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=_-]{1,2048})\s*$/i.exec(authorization ?? '');
	if (!match) return undefined;
	let binary: string;
	try {
		binary = atob(match[1].replace(/-/g, '+').replace(/_/g, '/'));
	} catch {
		return undefined;
	}
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	const decoded = new TextDecoder('utf-8').decode(bytes);
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Whether the request's Basic credentials are the expected ones; empty expected values never match. */
export function basicAuthMatches(
	headers: Record<string, string>,
	expected: BasicCredentials,
): boolean {
	if (expected.username === '' || expected.password === '') return false;
	const given = readBasicAuth(headers.authorization) ?? { username: '', password: '' };
	// Both halves are always compared, so the time taken does not tell which one was wrong.
	const userMatches = secretsEqual(given.username, expected.username);
	const passwordMatches = secretsEqual(given.password, expected.password);
	return userMatches && passwordMatches;
}

/**
 * What the benchmarks need to know about each gateway: its id (the same in the node and the simulator),
 * the most recipients one request can carry, and numbers the simulator accepts.
 */
import { brazilianNumbers, kenyanNumbers } from '../../test/fixtures/simulator';

export type BenchGateway = 'africasTalking' | 'smsBox' | 'dhis2' | 'gupshup';

export const BENCH_GATEWAYS: readonly BenchGateway[] = [
	'africasTalking',
	'smsBox',
	'dhis2',
	'gupshup',
];

export const DISPLAY_NAME: Record<BenchGateway, string> = {
	africasTalking: "Africa's Talking",
	gupshup: 'Gupshup',
	smsBox: 'SMSBox',
	dhis2: 'DHIS2',
};

/**
 * Recipients per request as the Send SMS node batches them (README "Gateway × capability":
 * Africa's Talking 500 by choice, SMSBox 1000 and DHIS2 200 documented, Gupshup takes one
 * destination per request).
 */
export const MAX_PER_REQUEST: Record<BenchGateway, number> = {
	africasTalking: 500,
	gupshup: 1,
	smsBox: 1000,
	dhis2: 200,
};

export type SendMode = 'broadcast' | 'personalised';

/**
 * Recipients per request when every recipient has its own text: one, except SMSBox, whose
 * `[{RECEIVERNAME}]` placeholder personalises up to 1000 recipients in one request (seed).
 */
export function recipientsPerRequest(gateway: BenchGateway, mode: SendMode): number {
	return mode === 'broadcast' || gateway === 'smsBox' ? MAX_PER_REQUEST[gateway] : 1;
}

/** Gupshup permits five countries (Brazil among them); the other gateways take Kenyan numbers. */
export function benchNumbers(gateway: BenchGateway, count: number): string[] {
	return gateway === 'gupshup' ? brazilianNumbers(count) : kenyanNumbers(count);
}

/** Gateways write numbers with or without `+`; comparisons use the digits. */
export function digitsOf(phone: string): string {
	return phone.replace(/\D/g, '');
}

// A type alias (not an interface) so a list of them is also n8n's IDataObject[].
export type Recipient = {
	phone: string;
	name: string;
};

/** The list a bulk run posts: one number per recipient and a name to personalise with. */
export function recipientList(gateway: BenchGateway, count: number): Recipient[] {
	return benchNumbers(gateway, count).map((phone, i) => ({ phone, name: `Person ${i}` }));
}

/**
 * Who got a campaign's SMS, read from the gateway simulator's stored messages: how many of a list
 * of numbers got it once or more, twice or more, or never, and a bounded wait until enough of them
 * got it. The queue-mode fault benchmarks (bench/queue/) and e2e tests (test/e2e/queue/) count
 * duplicates and losses with it. Numbers are compared by their digits only.
 */
import type { SimControl, SimMessage } from './sim-control';
import { waitFor } from './wait-for';

/** Waits (bounded, polling the simulator) until at least `atLeast` of `numbers` hold a message; resolves with how many do. */
export async function waitForSent(
	sim: SimControl,
	numbers: string[],
	atLeast: number,
	timeoutMs = 600000,
	gateway = 'gupshup',
): Promise<number> {
	const wanted = new Set(numbers.map(digitsOf));
	return await waitFor(
		`${atLeast} messages at the simulator`,
		async () => {
			const count = (await sim.messages({ gateway })).filter((m) =>
				wanted.has(digitsOf(m.to)),
			).length;
			return count >= atLeast ? count : undefined;
		},
		{ timeoutMs, intervalMs: 200 },
	);
}

export interface RecipientCount {
	/** Messages the simulator holds for these recipients. */
	messagesStored: number;
	/** Recipients with at least one message. */
	distinctRecipients: number;
	/** Recipients with exactly one message. */
	once: number;
	sentTwiceOrMore: number;
	neverSent: number;
	/** Digits of every recipient with no message. */
	neverSentNumbers: string[];
}

/** Of `numbers`, how many got the SMS once or more, twice or more, never: from the simulator's stored messages. */
export function countRecipients(messages: SimMessage[], numbers: string[]): RecipientCount {
	const wanted = new Set(numbers.map(digitsOf));
	const perNumber = new Map<string, number>();
	for (const message of messages) {
		const number = digitsOf(message.to);
		if (wanted.has(number)) perNumber.set(number, (perNumber.get(number) ?? 0) + 1);
	}
	const neverSentNumbers = [...wanted].filter((n) => !perNumber.has(n));
	return {
		messagesStored: [...perNumber.values()].reduce((sum, n) => sum + n, 0),
		distinctRecipients: perNumber.size,
		once: [...perNumber.values()].filter((count) => count === 1).length,
		sentTwiceOrMore: [...perNumber.values()].filter((count) => count > 1).length,
		neverSent: neverSentNumbers.length,
		neverSentNumbers,
	};
}

/** A phone number's digits: how the simulator's stored numbers and a campaign's list are compared. */
export const digitsOf = (phone: unknown): string => String(phone).replace(/\D/g, '');

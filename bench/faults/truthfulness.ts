/**
 * Compares what Send SMS reported per recipient with what the simulator accepted (`/sim/messages`):
 * every recipient accepted at most once, and reported truthfully. The categories:
 * - duplicate: the simulator holds the recipient more than once;
 * - silent loss: the simulator accepted it but the node said rejected/invalid (or output nothing
 *   for it), or the node said accepted but the simulator does not have it;
 * - ambiguous: the simulator accepted it but the node never got the answer (a reset after the
 *   request was processed); the node must say `unknown`, never accepted or rejected.
 * A recipient without any output item is a silent loss whatever the simulator holds.
 * `unknown` for a recipient the simulator does not have is truthful too (the client cannot tell
 * a reset before processing from one after); it is counted apart.
 */
import { digitsOf } from '../support/gateways';

export interface Truthfulness {
	recipients: number;
	byStatus: Record<string, number>;
	acceptedAndStored: number;
	/** Accepted items whose messageId is the simulator's id for that recipient. */
	messageIdMatches: number;
	rejectedAndNotStored: number;
	duplicates: number;
	silentLosses: number;
	/** Stored by the simulator without the node having an answer: what must be `unknown`. */
	ambiguous: number;
	ambiguousReportedUnknown: number;
	/** `unknown` although the simulator has nothing (a reset before processing, or retries given up). */
	unknownNotStored: number;
	/** Recipients with no output item at all (each one is also a silent loss). */
	unreported: number;
	/** Up to five examples of each problem, for the report. */
	examples: { duplicates: string[]; silentLosses: string[]; ambiguousNotUnknown: string[] };
}

export function checkTruthfulness(
	input: Array<{ phone: string }>,
	output: Array<Record<string, unknown>>,
	simCountByDigits: Map<string, number>,
	simIdsByDigits: Map<string, string[]>,
): Truthfulness {
	const reportByDigits = new Map<string, Record<string, unknown>>();
	for (const item of output) {
		const digits = digitsOf(String(item.to ?? item.input ?? ''));
		if (digits) reportByDigits.set(digits, item);
	}
	const result: Truthfulness = {
		recipients: input.length,
		byStatus: {},
		acceptedAndStored: 0,
		messageIdMatches: 0,
		rejectedAndNotStored: 0,
		duplicates: 0,
		silentLosses: 0,
		ambiguous: 0,
		ambiguousReportedUnknown: 0,
		unknownNotStored: 0,
		unreported: 0,
		examples: { duplicates: [], silentLosses: [], ambiguousNotUnknown: [] },
	};
	const note = (list: string[], text: string) => {
		if (list.length < 5) list.push(text);
	};
	for (const { phone } of input) {
		const digits = digitsOf(phone);
		const stored = simCountByDigits.get(digits) ?? 0;
		const report = reportByDigits.get(digits);
		const status = typeof report?.status === 'string' ? report.status : 'no output item';
		result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
		if (stored > 1) {
			result.duplicates++;
			note(result.examples.duplicates, `${phone}: stored ${stored} times, reported ${status}`);
		}
		if (!report) {
			result.unreported++;
			result.silentLosses++;
			note(
				result.examples.silentLosses,
				`${phone}: no output item (the simulator stored it ${stored} times)`,
			);
			if (stored > 0) result.ambiguous++;
			continue;
		}
		if (status === 'accepted') {
			if (stored === 0) {
				result.silentLosses++;
				note(
					result.examples.silentLosses,
					`${phone}: reported accepted, the simulator has nothing`,
				);
			} else {
				result.acceptedAndStored++;
				if ((simIdsByDigits.get(digits) ?? []).includes(String(report?.messageId)))
					result.messageIdMatches++;
			}
			continue;
		}
		if (stored > 0) {
			result.ambiguous++;
			if (status === 'unknown') {
				result.ambiguousReportedUnknown++;
			} else {
				result.silentLosses++;
				note(result.examples.silentLosses, `${phone}: stored by the simulator, reported ${status}`);
				note(result.examples.ambiguousNotUnknown, `${phone}: reported ${status}`);
			}
			continue;
		}
		if (status === 'unknown') result.unknownNotStored++;
		else result.rejectedAndNotStored++;
	}
	return result;
}

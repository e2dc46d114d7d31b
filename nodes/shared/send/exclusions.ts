/**
 * Send SMS's "Exclude Numbers": the numbers of the run that must not receive anything (opt-outs, a
 * suppression list read from a Data Table earlier in the workflow). The list is read once per run
 * and normalised exactly as recipients are (same Default Country), so `0712 000 201` in the list
 * matches `+255712000201` in "To"; the plan then looks each recipient up in a Set.
 *
 * An entry that is not a phone number (a blank cell, a word, an object) is ignored and counted,
 * never failing the run: a suppression list with one bad row must not stop a campaign, nor let
 * its good rows through.
 */
import { normalizePhoneNumber } from '../helpers/phone';

/** Separators a user types or pastes between numbers, as in "To". */
const SEPARATORS = /[,;\r\n]+/;
/** A list of lists at most (`.map(i => i.json.phones)`); deeper values are counted as unreadable. */
const MAX_NESTING = 4;

export interface ExclusionList {
	/** The excluded numbers in E.164. */
	numbers: ReadonlySet<string>;
	/** Entries that were not phone numbers, ignored. */
	unreadable: number;
	/** A few of those entries, quoted for the note (at most 3). */
	unreadableExamples: string[];
}

export function readExclusionList(value: unknown, defaultCountry?: string): ExclusionList {
	const numbers = new Set<string>();
	const list: ExclusionList = { numbers, unreadable: 0, unreadableExamples: [] };
	const ignore = (entry: unknown) => {
		list.unreadable++;
		if (list.unreadableExamples.length < 3) list.unreadableExamples.push(quote(entry));
	};
	const add = (raw: string) => {
		const phone = normalizePhoneNumber(raw, { defaultCountry });
		if (phone.ok) numbers.add(phone.e164);
		else ignore(raw);
	};
	// Recursion is bounded by MAX_NESTING; every loop walks a finite array or split string.
	const collect = (entry: unknown, depth: number) => {
		if (entry === undefined || entry === null || entry === '') return;
		if (typeof entry === 'number') {
			if (Number.isFinite(entry)) add(String(entry));
			else ignore(entry);
		} else if (typeof entry === 'string') {
			for (const part of entry.split(SEPARATORS)) {
				const trimmed = part.trim();
				if (trimmed !== '') add(trimmed);
			}
		} else if (Array.isArray(entry) && depth < MAX_NESTING) {
			for (const element of entry) collect(element, depth + 1);
		} else {
			ignore(entry);
		}
	};
	collect(value, 0);
	return list;
}

function quote(entry: unknown): string {
	let text: string;
	if (typeof entry === 'string') text = entry;
	else if (Array.isArray(entry)) text = 'a list nested too deeply';
	else if (typeof entry === 'object') text = 'an object';
	else text = String(entry);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * GSM 03.38 / UCS-2 segment counter (docs/sms-encoding.md#gsm-7-and-ucs-2), self-contained on purpose:
 * the simulator is an independent check of the package's own counter, so it must not import it.
 */
import type { Encoding } from './types';

// Basic table (TS 23.038 §6.2.1) without ESC (0x1B), which is not a character a user sends.
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Extension table: ESC + char, two septets each.
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

const GSM_SINGLE = 160;
const GSM_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PART = 67;

export interface SegmentCount {
	encoding: Encoding;
	segments: number;
	/** Septets for GSM-7, UTF-16 code units for UCS-2. */
	units: number;
}

export function isGsm7(text: string): boolean {
	for (const ch of text) {
		if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
	}
	return true;
}

export function countSegments(text: string): SegmentCount {
	if (isGsm7(text)) return countGsm(text);
	return countUcs2(text);
}

function countGsm(text: string): SegmentCount {
	const widths: number[] = [];
	for (const ch of text) widths.push(EXTENSION.has(ch) ? 2 : 1);
	const units = widths.reduce((sum, w) => sum + w, 0);
	if (units <= GSM_SINGLE) return { encoding: 'GSM-7', segments: 1, units };
	// An ESC+char pair is never split across two parts (inferred: common calculator practice, docs/sms-encoding.md#gsm-7-and-ucs-2).
	return { encoding: 'GSM-7', segments: fillParts(widths, GSM_PART), units };
}

function countUcs2(text: string): SegmentCount {
	const units = text.length;
	if (units <= UCS2_SINGLE) return { encoding: 'UCS-2', segments: 1, units };
	// A surrogate pair (emoji) is never split across two parts (inferred, docs/sms-encoding.md#gsm-7-and-ucs-2).
	const widths: number[] = [];
	for (const ch of text) widths.push(ch.length);
	return { encoding: 'UCS-2', segments: fillParts(widths, UCS2_PART), units };
}

function fillParts(widths: number[], capacity: number): number {
	let parts = 1;
	let used = 0;
	for (const w of widths) {
		if (used + w > capacity) {
			parts++;
			used = 0;
		}
		used += w;
	}
	return parts;
}

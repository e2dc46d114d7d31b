/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1), as listed in
 * docs/sms-encoding.md#gsm-7-and-ucs-2 and checked against split-sms' table.
 * 127 characters: the 128 positions minus 0x1B, the escape to the extension table.
 * Note `Ç` (capital) is in the table and `ç` is not.
 */
const BASIC_TABLE =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each character is sent as ESC + char, so it costs 2 septets. */
const EXTENSION_TABLE = '\f^{}\\[~]|€';

const BASIC = new Set(BASIC_TABLE);
const EXTENSION = new Set(EXTENSION_TABLE);

/** Septets a character costs in GSM-7: 1 (basic table), 2 (extension table) or undefined (not GSM-7). */
export function gsmSeptets(character: string): 1 | 2 | undefined {
	if (BASIC.has(character)) return 1;
	if (EXTENSION.has(character)) return 2;
	return undefined;
}

/** True when every character of `text` can be sent in GSM-7. */
export function isGsmText(text: string): boolean {
	for (const character of text) {
		if (gsmSeptets(character) === undefined) return false;
	}
	return true;
}

/** Both tables, for tests and documentation. */
export const GSM_BASIC_CHARACTERS: readonly string[] = [...BASIC];
export const GSM_EXTENSION_CHARACTERS: readonly string[] = [...EXTENSION];

/**
 * Opt-out keywords in inbound messages, for gateways without a native opt-out callback. The
 * defaults are the words carriers and SMS platforms treat as opt-out (README.md#sms-opt-out-trigger). A message opts out
 * only when the whole message is a keyword: case, punctuation, symbols and spacing are ignored, so
 * "Stop.", " STOP!! " and "stop 🛑" count, while "don't stop" and "stop sending the news" do not.
 */
export const DEFAULT_STOP_KEYWORDS: readonly string[] = [
	'STOP',
	'STOPALL',
	'UNSUBSCRIBE',
	'CANCEL',
	'END',
	'QUIT',
];

/** Longer messages are never a keyword; skipping them keeps matching cheap on any input. */
const MAX_KEYWORD_MESSAGE_LENGTH = 200;

/**
 * The comparable form of a message or keyword: compatibility-normalised (full-width letters become
 * ASCII), invisible format characters, emoji variation selectors, punctuation and symbols removed,
 * spaces collapsed, upper case.
 */
export function keywordForm(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\p{Cf}\p{P}\p{S}\uFE00-\uFE0F]/gu, '')
		.replace(/\s+/gu, ' ')
		.trim()
		.toUpperCase();
}

/** A keyword list as typed in the node: commas, semicolons or new lines between keywords. */
export function parseKeywordList(value: unknown): string[] {
	const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
	const keywords = text
		.split(/[,;\n\r]+/)
		.map(keywordForm)
		.filter((k) => k !== '');
	return [...new Set(keywords)];
}

/** The keyword the whole message is, in its comparable form, or undefined. */
export function matchKeyword(message: string, keywords: readonly string[]): string | undefined {
	if (keywords.length === 0 || message.length > MAX_KEYWORD_MESSAGE_LENGTH) return undefined;
	const form = keywordForm(message);
	return form === '' ? undefined : keywords.find((keyword) => keyword === form);
}

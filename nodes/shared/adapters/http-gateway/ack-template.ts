/**
 * The Custom HTTP Gateway's acknowledgement body with placeholders (issue 14): `{{path}}` takes a
 * value from the accepted callback, read by the same paths as the callback mapping
 * (`{{transaction_id}}`, `{{message.id}}`, `{{data[0].id}}`), so a provider that wants something of
 * its callback echoed (SMSBox: `{"transaction_id":{{transaction_id}},"successful":true}`) is
 * answered as it expects and does not post the callback again.
 *
 * Each value is encoded for the acknowledgement's content type, so a hostile value can never change
 * the answer's structure: JSON-escaped inside a JSON string, a whole JSON value (string, number,
 * true/false, else null) outside quotes; XML/HTML-escaped for XML and HTML; URL-encoded for a form;
 * as is for plain text. A path the callback does not have, or one holding an object or array, gives
 * `null` at a JSON value's place and an empty text everywhere else. A body without placeholders is
 * sent exactly as written, as before placeholders existed.
 */
import { pathSegments, readPath } from './json-path';
import { ProfileError } from './profile';

const LABEL = 'Acknowledgement Body';
/** `{{ path }}`: whatever is between the braces must be a path. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export type AckEncoding = 'json' | 'xml' | 'form' | 'text';

type Part = { text: string } | { path: string; inJsonString: boolean };

export interface AckTemplate {
	encoding: AckEncoding;
	parts: Part[];
	/** False when the body has no placeholder: it is sent as written. */
	hasPlaceholders: boolean;
}

/** How values are encoded, from the acknowledgement's Content-Type. */
export function ackEncoding(contentType: string): AckEncoding {
	const media = contentType.split(';')[0].trim().toLowerCase();
	if (media === 'application/json' || media.endsWith('+json')) return 'json';
	if (
		media === 'application/xml' ||
		media === 'text/xml' ||
		media.endsWith('+xml') ||
		media === 'text/html'
	)
		return 'xml';
	if (media === 'application/x-www-form-urlencoded') return 'form';
	return 'text';
}

/** Whether a JSON text that starts outside any string ends inside one. */
function endsInsideJsonString(text: string, insideAtStart: boolean): boolean {
	let inside = insideAtStart;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inside && c === '\\') i++;
		else if (c === '"') inside = !inside;
	}
	return inside;
}

/** Splits the body into text and placeholders; throws a ProfileError for a placeholder that is no path. */
export function compileAckTemplate(body: string, contentType: string): AckTemplate {
	const encoding = ackEncoding(contentType);
	const parts: Part[] = [];
	let inString = false;
	let last = 0;
	for (const match of body.matchAll(PLACEHOLDER)) {
		const path = match[1].trim();
		const segments = pathSegments(path);
		if (path === '' || segments === undefined) {
			throw new ProfileError(
				LABEL,
				`"${match[0].slice(0, 60)}" is not a placeholder such as {{transaction_id}} or {{data.id}}`,
			);
		}
		const text = body.slice(last, match.index);
		inString = endsInsideJsonString(text, inString);
		parts.push({ text }, { path, inJsonString: encoding === 'json' && inString });
		last = (match.index ?? 0) + match[0].length;
	}
	parts.push({ text: body.slice(last) });
	const template: AckTemplate = { encoding, parts, hasPlaceholders: parts.length > 1 };
	if (template.hasPlaceholders && encoding === 'json') checkJson(template);
	return template;
}

/** A JSON body must stay JSON whatever the callback holds: tried with every value present (as text) and every value missing. */
function checkJson(template: AckTemplate): void {
	for (const value of ['x', undefined]) {
		const rendered = template.parts
			.map((part) => ('text' in part ? part.text : encodeJson(value, part.inJsonString)))
			.join('');
		if (!isJson(rendered)) {
			throw new ProfileError(
				LABEL,
				'is not valid JSON once its placeholders are filled: put a placeholder inside quotes for text ("{{id}}") or alone for the value as posted ({"id":{{id}}})',
			);
		}
	}
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function encodeJson(value: unknown, inString: boolean): string {
	const scalar =
		typeof value === 'string' ||
		typeof value === 'boolean' ||
		(typeof value === 'number' && Number.isFinite(value));
	if (inString) return scalar ? JSON.stringify(String(value)).slice(1, -1) : '';
	return scalar ? JSON.stringify(value) : 'null';
}

/** Lone surrogates would break URL-encoding and XML; they become U+FFFD. */
function wellFormed(text: string): string {
	return text.replace(
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		'\uFFFD',
	);
}

/** XML 1.0's Char: tab, newline, carriage return, and from space on, but U+FFFE and U+FFFF. */
function isXmlCharacter(c: string): boolean {
	const code = c.codePointAt(0) ?? 0;
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code !== 0xfffe && code !== 0xffff)
	);
}

const XML_ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

function encodeText(value: unknown, encoding: Exclude<AckEncoding, 'json'>): string {
	const text =
		typeof value === 'string'
			? value
			: typeof value === 'number' || typeof value === 'boolean'
				? String(value)
				: '';
	if (encoding === 'form') return encodeURIComponent(wellFormed(text));
	if (encoding === 'xml') {
		// Characters XML 1.0 cannot hold are dropped; markup characters become entities.
		return [...wellFormed(text)]
			.filter(isXmlCharacter)
			.join('')
			.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
	}
	return text;
}

/** The body for one accepted callback; never throws. */
export function renderAck(template: AckTemplate, fields: Record<string, unknown>): string {
	let out = '';
	for (const part of template.parts) {
		if ('text' in part) {
			out += part.text;
			continue;
		}
		const value = readPath(fields, part.path);
		out +=
			template.encoding === 'json'
				? encodeJson(value, part.inJsonString)
				: encodeText(value, template.encoding);
	}
	return out;
}

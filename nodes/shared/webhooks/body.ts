/**
 * Reads a callback body safely: size, content type, UTF-8, JSON or form syntax, nesting and
 * prototype-polluting keys, before any gateway code sees it. Pure; never throws.
 *
 * The raw bytes are parsed here rather than trusting n8n's parsed `req.body`: n8n parses forms with
 * Node's querystring (a repeated field becomes an array) and refuses broken JSON before the trigger
 * runs, but reading the bytes ourselves gives one behaviour whatever n8n does upstream.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	isForbiddenKey,
	MAX_BODY_BYTES,
	MAX_FIELDS,
	MAX_JSON_DEPTH,
} from '../webhook-parsing/limits';
import type { BodyKind, Rejection, RequestBody } from '../core/webhook-types';

export interface BodySource {
	/** `req.rawBody` as n8n provides it (a Buffer), when present. */
	raw: unknown;
	/** `req.body` as n8n parsed it; used only when the raw bytes are missing. */
	parsed: unknown;
	contentType: string | undefined;
}

export type BodyResult = { ok: true; body: RequestBody } | { ok: false; rejection: Rejection };

const refuse = (status: number, message: string): BodyResult => ({
	ok: false,
	rejection: { status, message },
});

/** `application/json; charset=utf-8` → `json`. */
export function bodyKindOf(contentType: string | undefined): BodyKind | undefined {
	const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType))
		return 'json';
	if (mediaType === 'application/x-www-form-urlencoded') return 'form';
	return undefined;
}

export function readBody(
	source: BodySource,
	accepted: readonly BodyKind[],
	contentTypeHint: string,
): BodyResult {
	const text = rawText(source);
	if (text === 'tooLarge') return refuse(413, `The body is larger than ${MAX_BODY_BYTES} bytes`);
	if (text === 'notUtf8') return refuse(400, 'The body is not valid UTF-8 text');
	if (text === undefined) return fromParsed(source, accepted, contentTypeHint);
	if (text.trim() === '') {
		return accepted.includes('empty')
			? { ok: true, body: { kind: 'empty' } }
			: refuse(400, 'The body is empty');
	}
	const kind = bodyKindOf(source.contentType);
	if (kind === undefined || !accepted.includes(kind)) {
		return refuse(415, `Unsupported content type: this gateway posts ${contentTypeHint}`);
	}
	return kind === 'json' ? parseJson(text) : parseForm(text);
}

/** The body as text, or why it cannot be read; undefined when n8n kept no raw bytes. */
function rawText(source: BodySource): string | 'tooLarge' | 'notUtf8' | undefined {
	const { raw } = source;
	if (typeof raw === 'string') return raw.length > MAX_BODY_BYTES ? 'tooLarge' : raw;
	if (!(raw instanceof Uint8Array)) return undefined;
	if (raw.byteLength > MAX_BODY_BYTES) return 'tooLarge';
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(raw);
	} catch {
		return 'notUtf8';
	}
}

function parseJson(text: string): BodyResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return refuse(400, 'The body is not valid JSON');
	}
	return checkedJson(value);
}

function checkedJson(value: unknown): BodyResult {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return refuse(400, 'The body must be a JSON object');
	}
	const problem = inspectJson(value);
	if (problem) return refuse(400, problem);
	return { ok: true, body: { kind: 'json', value: value as IDataObject } };
}

/** Walks the parsed JSON once, without recursion, and names the first problem found. */
function inspectJson(root: object): string | undefined {
	const pending: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 1 }];
	let fields = 0;
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		const { value, depth } = next;
		if (typeof value !== 'object' || value === null) continue;
		if (depth > MAX_JSON_DEPTH) return `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels`;
		const keys = Array.isArray(value) ? [] : Object.keys(value);
		const children = Array.isArray(value)
			? (value as unknown[])
			: keys.map((k) => (value as Record<string, unknown>)[k]);
		fields += children.length;
		if (fields > MAX_FIELDS) return `The JSON has more than ${MAX_FIELDS} fields`;
		const forbidden = keys.find((k) => isForbiddenKey(k));
		if (forbidden !== undefined) return `The JSON contains the forbidden key "${forbidden}"`;
		for (const child of children) pending.push({ value: child, depth: depth + 1 });
	}
	return undefined;
}

function parseForm(text: string): BodyResult {
	const fields = new Map<string, string>();
	for (const [key, value] of new URLSearchParams(text)) {
		if (isForbiddenKey(key)) return refuse(400, `The form contains the forbidden field "${key}"`);
		if (fields.has(key))
			return refuse(400, `The form field "${shortName(key)}" appears more than once`);
		fields.set(key, value);
		if (fields.size > MAX_FIELDS) return refuse(400, `The form has more than ${MAX_FIELDS} fields`);
	}
	return { ok: true, body: { kind: 'form', fields: Object.fromEntries(fields) } };
}

/** n8n kept no raw bytes (another entry point): the same checks on what it parsed. */
function fromParsed(
	source: BodySource,
	accepted: readonly BodyKind[],
	contentTypeHint: string,
): BodyResult {
	const { parsed } = source;
	if (typeof parsed === 'string')
		return readBody({ ...source, raw: parsed }, accepted, contentTypeHint);
	const isEmpty =
		parsed === undefined ||
		parsed === null ||
		(typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length === 0);
	if (isEmpty) return readBody({ ...source, raw: '' }, accepted, contentTypeHint);
	let serialised: string;
	try {
		serialised = JSON.stringify(parsed);
	} catch {
		return refuse(400, 'The body could not be read');
	}
	if (serialised.length > MAX_BODY_BYTES)
		return refuse(413, `The body is larger than ${MAX_BODY_BYTES} bytes`);
	const kind = bodyKindOf(source.contentType);
	if (kind === undefined || !accepted.includes(kind)) {
		return refuse(415, `Unsupported content type: this gateway posts ${contentTypeHint}`);
	}
	if (kind === 'json') return checkedJson(parsed);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
		return refuse(400, 'The form could not be read');
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(parsed)) {
		if (Array.isArray(value))
			return refuse(400, `The form field "${shortName(key)}" appears more than once`);
		if (typeof value !== 'string')
			return refuse(400, `The form field "${shortName(key)}" is not text`);
		form.append(key, value);
	}
	return parseForm(form.toString());
}

/** Field names are echoed in refusals: keep them short. */
function shortName(key: string): string {
	return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

/**
 * Typed reads of callback fields, shared by every gateway parser. A field that is missing, of the
 * wrong type or too long raises a PayloadError, which the parser wrapper (parse-guard.ts) turns
 * into a 4xx refusal: gateway parsers read fields in a straight line without checking each one.
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_SHORT_LENGTH } from './limits';

export class PayloadError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'PayloadError';
	}
}

export type Fields = Record<string, unknown>;

export interface TextOptions {
	max?: number;
	/** Accept an empty string as a value (an SMS text may be empty). */
	allowEmpty?: boolean;
	/** The status of the refusal when the field is missing (DHIS2 says 409). */
	missingStatus?: number;
	/** The refusal's words when the field is missing. */
	missingMessage?: string;
}

/** A text field that must be there. Numbers are accepted as their decimal text. */
export function requiredText(fields: Fields, name: string, options: TextOptions = {}): string {
	const value = optionalText(fields, name, { ...options, allowEmpty: options.allowEmpty });
	if (value === undefined) {
		throw new PayloadError(
			options.missingStatus ?? 400,
			options.missingMessage ?? `The field "${name}" is missing`,
		);
	}
	return value;
}

/** A text field that may be absent; an empty string counts as absent unless `allowEmpty`. */
export function optionalText(
	fields: Fields,
	name: string,
	options: TextOptions = {},
): string | undefined {
	const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
	if (value === undefined || value === null) return undefined;
	let text: string;
	if (typeof value === 'string') text = value;
	else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
	else throw new PayloadError(400, `The field "${name}" must be text`);
	if (text === '' && !options.allowEmpty) return undefined;
	const max = options.max ?? MAX_SHORT_LENGTH;
	if (text.length > max)
		throw new PayloadError(400, `The field "${name}" is longer than ${max} characters`);
	return text;
}

/** The first of several spellings of one field that is present (gateway docs disagree on some). */
export function optionalTextOf(
	fields: Fields,
	names: readonly string[],
	options: TextOptions = {},
): string | undefined {
	for (const name of names) {
		const value = optionalText(fields, name, options);
		if (value !== undefined) return value;
	}
	return undefined;
}

export function requiredTextOf(
	fields: Fields,
	names: readonly string[],
	options: TextOptions = {},
): string {
	const value = optionalTextOf(fields, names, options);
	if (value === undefined) {
		throw new PayloadError(
			options.missingStatus ?? 400,
			options.missingMessage ?? `The field "${names[0]}" is missing`,
		);
	}
	return value;
}

/** A nested object field, or undefined when absent; anything else is refused. */
export function optionalObject(fields: Fields, name: string): Fields | undefined {
	const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value))
		throw new PayloadError(400, `The field "${name}" must be an object`);
	return value as Fields;
}

export function requiredObject(fields: Fields, name: string): Fields {
	const value = optionalObject(fields, name);
	if (value === undefined) throw new PayloadError(400, `The field "${name}" is missing`);
	return value;
}

/** A shallow copy of a parsed payload for an event's `raw` (parsed JSON and form text are plain data). */
export function rawCopy(fields: Fields): IDataObject {
	return { ...fields } as IDataObject;
}

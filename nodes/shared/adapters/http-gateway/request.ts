/**
 * Builds the send request of a Custom HTTP Gateway from its profile. Every value a message or a
 * number brings is placed as a value, never as text spliced into the request: query and form values
 * are encoded by n8n's request helper, and a JSON template is parsed first and filled in as data, so
 * JSON.stringify escapes the values. A message can therefore never add or change another parameter.
 */
import type { IDataObject } from 'n8n-workflow';

import type { HttpRequest, OutgoingMessage } from '../../core/types';
import { formatPhoneNumber } from '../../helpers/phone';
import { joinUrl } from '../../helpers/url';
import type { Profile } from './profile';

const PLACEHOLDER = /\{\{\s*(to|message|from)\s*\}\}/g;

interface Values {
	to: string | string[];
	message: string;
	from: string;
}

export function recipientNumbers(profile: Profile, messages: OutgoingMessage[]): string[] {
	return messages.map((m) => formatPhoneNumber(m.e164, profile.send.numberFormat));
}

/** The request that sends one batch (all messages share text and sender: see the batch key). */
export function buildSendRequest(profile: Profile, messages: OutgoingMessage[]): HttpRequest {
	const send = profile.send;
	const first = messages[0];
	const numbers = recipientNumbers(profile, messages);
	const to = send.recipientsMode === 'array' ? numbers : numbers.join(send.separator);
	const values: Values = { to, message: first.text, from: first.sender ?? '' };
	const url = joinUrl(profile.baseUrl, send.path);

	if (send.bodyFormat === 'json') {
		// Fixed extra parameters join the top level; the template's own keys win.
		const filled =
			send.jsonTemplate !== undefined
				? (fill(send.jsonTemplate, values, profile) as IDataObject)
				: namedParameters(profile, values);
		const body = { ...send.extraParameters, ...filled } as IDataObject;
		return { method: send.method, url, body, headers: { Accept: 'application/json' } };
	}
	const parameters = {
		...send.extraParameters,
		...namedParameters(profile, values),
	} as IDataObject;
	if (send.bodyFormat === 'query') return { method: send.method, url, qs: parameters };
	return { method: send.method, url, body: parameters, form: true };
}

function namedParameters(profile: Profile, values: Values): Record<string, unknown> {
	const send = profile.send;
	const out: Record<string, unknown> = {
		[send.recipientParameter]: values.to,
		[send.messageParameter]: values.message,
	};
	if (send.senderParameter && values.from !== '') out[send.senderParameter] = values.from;
	return out;
}

/**
 * Fills a parsed JSON template. A string that is exactly `{{to}}` becomes the recipients (a string,
 * or an array of numbers or of recipient items); other placeholders are replaced inside strings in
 * one pass, so a value that itself contains `{{message}}` is never expanded again.
 */
function fill(template: unknown, values: Values, profile: Profile): unknown {
	if (typeof template === 'string') {
		if (/^\{\{\s*to\s*\}\}$/.test(template) && Array.isArray(values.to)) {
			const item = profile.send.recipientTemplate;
			return item === undefined
				? [...values.to]
				: values.to.map((number) => fill(item, { ...values, to: number }, profile));
		}
		return template.replace(PLACEHOLDER, (_match, name: keyof Values) => {
			const value = values[name];
			return Array.isArray(value) ? value.join(profile.send.separator) : value;
		});
	}
	if (Array.isArray(template)) return template.map((entry) => fill(entry, values, profile));
	if (template !== null && typeof template === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(template as Record<string, unknown>)) {
			out[key] = fill(entry, values, profile);
		}
		return out;
	}
	return template;
}

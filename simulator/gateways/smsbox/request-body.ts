/**
 * SMSBox bodies come as JSON (application/json) or XML (application/xml, root <sms>,
 * <recipients><recipient>...; docs/gateways/smsbox.md#authentication-and-formats). Both become the same plain object; anything else,
 * or a body that does not parse, is code 113 "Invalid request format".
 */
import type { SimRequest } from '../../core/http-io';
import { bodyText, isRecord, mediaType, parseJson } from '../../core/http-io';
import type { XmlElement } from '../../core/xml';
import { parseXml, XmlError } from '../../core/xml';

export type BodyRead = { ok: true; body: Record<string, unknown> } | { ok: false };

export function readSmsboxBody(req: SimRequest): BodyRead {
	const type = mediaType(req);
	if (type === 'application/json') {
		const parsed = parseJson(req);
		return parsed.ok && isRecord(parsed.value) ? { ok: true, body: parsed.value } : { ok: false };
	}
	if (type === 'application/xml' || type === 'text/xml') {
		try {
			return { ok: true, body: xmlToBody(parseXml(bodyText(req))) };
		} catch (error) {
			if (error instanceof XmlError) return { ok: false };
			throw error;
		}
	}
	return { ok: false };
}

/** <recipients> becomes an array of recipient objects; every other child becomes a string field. */
function xmlToBody(root: XmlElement): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	for (const element of root.children) {
		if (element.name === 'recipients') {
			body.recipients = element.children
				.filter((c) => c.name === 'recipient')
				.map((recipient) =>
					Object.fromEntries(recipient.children.map((f) => [f.name, f.text.trim()])),
				);
		} else {
			body[element.name] = element.text.trim();
		}
	}
	return body;
}

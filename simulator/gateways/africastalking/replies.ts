/**
 * Africa's Talking reply formats: JSON when the client's Accept asks for it, otherwise XML,
 * the API's default (docs/gateways/africastalking.md#hosts-and-authentication); bad credentials are a plain-text 401.
 */
import type { SimReply, SimRequest } from '../../core/http-io';
import { header, jsonReply, textReply, xmlReply } from '../../core/http-io';
import type { XmlValue } from '../../core/xml';
import { toXml } from '../../core/xml';

export function wantsJson(req: SimRequest): boolean {
	return (header(req, 'accept') ?? '').toLowerCase().includes('application/json');
}

/**
 * `payload` is the JSON body; `xml` renders the same content inside <AfricasTalkingResponse>.
 * inferred (docs/gateways/africastalking.md#hosts-and-authentication): the exact XML layout is not in the docs found; element names follow the JSON keys.
 */
export function atReply(
	req: SimRequest,
	status: number,
	payload: unknown,
	xml: () => string,
): SimReply {
	if (wantsJson(req)) return jsonReply(status, payload);
	return xmlReply(
		status,
		`<?xml version="1.0" encoding="UTF-8"?><AfricasTalkingResponse>${xml()}</AfricasTalkingResponse>`,
	);
}

export function invalidAuthentication(): SimReply {
	return textReply(401, 'The supplied authentication is invalid');
}

/** inferred (docs/gateways/africastalking.md#hosts-and-authentication): AT's wording for a missing field is not documented; plain text like its 401. */
export function missingField(field: string): SimReply {
	return textReply(400, `Request is missing required form field '${field}'`);
}

export interface RecipientResult {
	statusCode: number;
	number: string;
	status: string;
	cost: string;
	messageId: string;
	messageParts: number;
}

export function smsMessageDataReply(
	req: SimRequest,
	message: string,
	recipients: RecipientResult[],
): SimReply {
	const payload = { SMSMessageData: { Message: message, Recipients: recipients } };
	return atReply(req, 201, payload, () =>
		toXml(
			'SMSMessageData',
			{ Message: message, Recipients: recipients.map((r) => ({ ...r }) as XmlValue) },
			{ Recipients: 'Recipient' },
		),
	);
}

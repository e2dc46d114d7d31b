/**
 * DHIS2 answers API calls with a WebMessage: `{"httpStatus","httpStatusCode","status","message"}`
 * where `status` is OK, WARNING or ERROR and `httpStatusCode` equals the real HTTP status
 * (docs/gateways/dhis2.md#webmessage-replies).
 */
export interface WebMessage {
	status: string;
	message: string;
	httpStatusCode?: number;
	devMessage?: string;
}

/** The WebMessage in a reply body, or undefined when the body is something else (HTML, a proxy's text, …). */
export function readWebMessage(body: unknown): WebMessage | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const object = body as Record<string, unknown>;
	if (
		typeof object.status !== 'string' ||
		(typeof object.httpStatus !== 'string' && typeof object.httpStatusCode !== 'number')
	) {
		return undefined;
	}
	const message: WebMessage = {
		status: object.status,
		message: typeof object.message === 'string' ? object.message : '',
	};
	if (typeof object.httpStatusCode === 'number') message.httpStatusCode = object.httpStatusCode;
	if (typeof object.devMessage === 'string') message.devMessage = object.devMessage;
	return message;
}

/**
 * Building and writing HTTP answers. The triggers always write their answer themselves and tell
 * n8n `noWebhookResponse`: n8n's own acknowledgement can override a custom one in `onReceived`
 * mode (docs/n8n-behaviour.md#webhook-triggers), and each gateway needs an exact body.
 */
import type { HttpAnswer, Rejection } from '../core/webhook-types';

export function jsonAnswer(status: number, value: unknown): HttpAnswer {
	return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

export function textAnswer(status: number, text: string): HttpAnswer {
	return { status, contentType: 'text/plain; charset=utf-8', body: text };
}

/** A status with no body and no Content-Type (Gupshup: "2xx with an empty response", docs/gateways/gupshup.md#webhook-callback-url). */
export function emptyAnswer(status: number): HttpAnswer {
	return { status, body: '' };
}

/** The refusal of gateways without an error format of their own: `{"code": 400, "message": "…"}`. */
export function genericRejectionAnswer(rejection: Rejection): HttpAnswer {
	return jsonAnswer(rejection.status, { code: rejection.status, message: rejection.message });
}

/** The subset of Express's response the triggers use. */
export interface ResponseWriter {
	headersSent?: boolean;
	status(code: number): unknown;
	setHeader(name: string, value: string): unknown;
	end(body?: string): unknown;
}

/** Writes the answer once; a response already sent is left alone. Never throws. */
export function writeAnswer(res: ResponseWriter, answer: HttpAnswer): boolean {
	try {
		if (res.headersSent) return false;
		res.status(answer.status);
		for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
		if (answer.contentType) res.setHeader('Content-Type', answer.contentType);
		res.end(answer.body);
		return true;
	} catch {
		return false;
	}
}

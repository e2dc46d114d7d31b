/**
 * Sending through Gupshup's SMS API v1 (docs/gateways/gupshup.md#sending):
 * `POST {base}/sms/v1/message/{appid}`, form-encoded (Gupshup's documented cURL uses --data-urlencode; its
 * header table's `application/json` contradicts it, and form is what works). One recipient per
 * request: `destination` takes a single number.
 */
import type { BatchOutcome, SendBatch, SendCapability } from '../../core/adapter';
import { errorInfo } from '../../core/errors';
import type {
	Credentials,
	GatewayErrorInfo,
	HttpClient,
	HttpReply,
	OutgoingMessage,
} from '../../core/types';
import { formatPhoneNumber } from '../../helpers/phone';
import { retryableRefusal } from '../common';
import { clock } from '../../helpers/clock';
import { excerpt } from '../../helpers/excerpt';
import { gupshupError, readGupshupRefusal } from './codes';
import { appId, gupshupUrl } from './hosts';

const GATEWAY = 'Gupshup';

interface GupshupSendReply {
	status?: unknown;
	messageId?: unknown;
}

export const gupshupSend: SendCapability = {
	sender: 'text',
	limits: {
		maxRecipientsPerRequest: 1,
		// "Maximum limit is 160 characters" (docs/gateways/gupshup.md#sending); whether it concatenates longer texts is undocumented.
		maxLength: { unit: 'utf16', max: 160 },
		unicode: true,
		numberStyle: 'digitsE164',
		canSchedule: false,
		nativePersonalisation: false,
		premium: false,
	},

	batchKey: (m) => `${m.sender ?? ''}\u0000${m.text}`,

	check(message: OutgoingMessage): GatewayErrorInfo | undefined {
		// "source ... Required only for India" (docs/gateways/gupshup.md#sending): caught here rather than refused by Gupshup.
		if (message.e164.startsWith('+91') && !message.sender) {
			return errorInfo(
				'SENDER_REQUIRED',
				'Gupshup needs a sender ID to send to India',
				'Messages to India need your DLT-registered sender ID in "From" (the text must match a template registered for it).',
			);
		}
		return undefined;
	},

	async sendBatch(http: HttpClient, credentials: Credentials, batch: SendBatch) {
		const app = appId(credentials);
		if (!app) {
			return {
				kind: 'refused',
				stopsRun: true,
				error: errorInfo(
					'APP_ID_MISSING',
					'The Gupshup credential has no App ID',
					"Set the App ID in the Gupshup credential: it is the UUID in the cURL example of the app's dashboard.",
				),
			};
		}
		const message = batch.messages[0];
		const form: Record<string, string> = {
			// E.164 digits without "+" (docs/gateways/gupshup.md#sending examples: 918XX9X33X59, 441735481364).
			destination: formatPhoneNumber(message.e164, 'digitsE164'),
			message: message.text,
		};
		if (message.sender) form.source = message.sender;
		const reply = await http.request({
			method: 'POST',
			url: gupshupUrl(credentials, `/sms/v1/message/${encodeURIComponent(app)}`),
			body: form,
			form: true,
			headers: { Accept: 'application/json' },
		});
		return readSendReply(reply, message);
	},
};

function readSendReply(reply: HttpReply, message: OutgoingMessage): BatchOutcome {
	const retry = retryableRefusal(reply, GATEWAY, clock.now());
	if (retry) return retry;
	const { statusCode, body } = reply;
	const ok = statusCode >= 200 && statusCode < 300;
	const sent = (body ?? {}) as GupshupSendReply;

	// The only documented success: {"status":"submitted","messageId":"<uuid>"} (docs/gateways/gupshup.md#sending).
	if (ok && sent.status === 'submitted') {
		return {
			kind: 'answered',
			outcomes: [
				{
					message,
					status: 'accepted',
					messageId: typeof sent.messageId === 'string' && sent.messageId ? sent.messageId : null,
					cost: null,
					currency: null,
					error: null,
					details: { gatewayStatus: 'submitted' },
				},
			],
		};
	}
	if (statusCode === 401 || statusCode === 403) {
		const refusal = readGupshupRefusal(body);
		return {
			kind: 'refused',
			stopsRun: true,
			error: errorInfo(
				statusCode,
				refusal.words || `HTTP ${statusCode}`,
				'Gupshup refused the API key (or the key does not own this App ID). Check the API key and App ID in the Gupshup credential.',
			),
		};
	}
	const refusal = readGupshupRefusal(body);
	const saysError = sent.status === 'error' || sent.status === 'failed';
	// A documented 80xx code, or any 4xx, or a 2xx that says "error", is a definite refusal.
	if (
		refusal.knownCode !== undefined ||
		(statusCode >= 400 && statusCode < 500) ||
		(ok && saysError)
	) {
		return { kind: 'refused', stopsRun: false, error: gupshupError(refusal, statusCode) };
	}
	// Any other 5xx, or a 2xx that is not the documented success, may hide an accepted message.
	return {
		kind: 'ambiguous',
		error: errorInfo(
			ok ? 'UNREADABLE_REPLY' : statusCode,
			`Unexpected reply from Gupshup (HTTP ${statusCode}): ${excerpt(body)}`,
			'It is not known whether the message was accepted. Check the Gupshup dashboard (or the delivery events on your webhook) before sending it again.',
		),
	};
}

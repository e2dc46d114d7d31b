/**
 * SMSBox sender names (docs/gateways/smsbox.md#sender-names):
 * - `GET query_sender_names?q=&status=` lists them: `data` is an array of
 *   `{id, sending_name, status, created}` with string ids;
 * - `POST request_sender_name {senderid, sample_content}` asks for a new one, which starts pending.
 *   Its refusals come as HTTP 409 with the error wrapped in `data` (codes 121, 122, 124).
 */
import type {
	SenderName,
	SenderNameFilter,
	SenderNameRequest,
	SenderNameRequestResult,
	SenderNamesCapability,
} from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, GatewayErrorInfo, HttpClient } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { readSmsBoxReply } from './codes';
import { smsBoxUrl } from './hosts';
import { isSmsBoxSuccess, smsBoxRefusal } from './refusal';

/** "Sender Name Should Not Exceed 11 Characters and can have only numbers, letters and … . - and space" (code 121). */
export const SENDER_NAME_MAX_LENGTH = 11;
const SENDER_NAME_CHARACTERS = /^[A-Za-z0-9 .-]+$/;
/** "should be minimum of 15 characters" (request body table); "should not exceed 170 characters" (code 124). */
export const SAMPLE_CONTENT_MIN_LENGTH = 15;
export const SAMPLE_CONTENT_MAX_LENGTH = 170;

/** The request's own meaning of the codes it can answer (the send-time explanations do not fit). */
const REQUEST_EXPLANATIONS: Record<number, string> = {
	121: `SMSBox refused the sender name: it may have at most ${SENDER_NAME_MAX_LENGTH} characters, only letters, digits, space, "-" and ".". Choose another name.`,
	122: 'This sender name already exists on SMSBox. Choose another one; if it is yours, "List" shows whether it is approved.',
	124: `SMSBox refused the sample content: it needs ${SAMPLE_CONTENT_MIN_LENGTH} to ${SAMPLE_CONTENT_MAX_LENGTH} characters describing the messages this name will send.`,
};

interface SenderNameRow {
	id?: unknown;
	sending_name?: unknown;
	status?: unknown;
	created?: unknown;
}

/** Characters as a reader counts them (an emoji is one), which is how a length limit reads. */
function length(text: string): number {
	return [...text].length;
}

export function checkSenderNameRequest(request: SenderNameRequest): GatewayErrorInfo | undefined {
	const name = request.senderId.trim();
	if (name === '') {
		return errorInfo(
			'SENDER_NAME_REQUIRED',
			'The sender name is empty',
			"Give the sender name to request, for example your organisation's short name.",
		);
	}
	if (length(name) > SENDER_NAME_MAX_LENGTH) {
		return errorInfo(
			'SENDER_NAME_TOO_LONG',
			`"${name}" has ${length(name)} characters; SMSBox allows at most ${SENDER_NAME_MAX_LENGTH}`,
			REQUEST_EXPLANATIONS[121],
		);
	}
	if (!SENDER_NAME_CHARACTERS.test(name)) {
		return errorInfo(
			'SENDER_NAME_INVALID_CHARACTERS',
			`"${name}" contains characters SMSBox does not allow in a sender name`,
			REQUEST_EXPLANATIONS[121],
		);
	}
	const sample = request.sampleContent.trim();
	if (length(sample) < SAMPLE_CONTENT_MIN_LENGTH || length(sample) > SAMPLE_CONTENT_MAX_LENGTH) {
		return errorInfo(
			length(sample) < SAMPLE_CONTENT_MIN_LENGTH
				? 'SAMPLE_CONTENT_TOO_SHORT'
				: 'SAMPLE_CONTENT_TOO_LONG',
			`The sample content has ${length(sample)} characters; SMSBox needs ${SAMPLE_CONTENT_MIN_LENGTH} to ${SAMPLE_CONTENT_MAX_LENGTH}`,
			REQUEST_EXPLANATIONS[124],
		);
	}
	return undefined;
}

function toSenderName(row: SenderNameRow): SenderName {
	const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
	return {
		id: text(row.id),
		name: text(row.sending_name),
		status: text(row.status),
		created: row.created === undefined || row.created === null ? null : String(row.created),
	};
}

export const smsBoxSenderNames: SenderNamesCapability = {
	checkRequest: checkSenderNameRequest,

	async list(
		http: HttpClient,
		credentials: Credentials,
		filter: SenderNameFilter,
	): Promise<SenderName[]> {
		const qs: Record<string, string> = {};
		if (filter.query?.trim()) qs.q = filter.query.trim();
		if (filter.status) qs.status = filter.status;
		const reply = await http.request({
			method: 'GET',
			url: smsBoxUrl(credentials, 'query_sender_names'),
			qs,
			headers: { Accept: 'application/json' },
		});
		const read = readSmsBoxReply(reply.body);
		if (!isSmsBoxSuccess(reply, read)) throw smsBoxRefusal(reply);
		if (!Array.isArray(read.data)) {
			throw new GatewayError(
				errorInfo(
					'UNREADABLE_REPLY',
					`Unexpected sender-name list from SMSBox: ${excerpt(reply.body)}`,
					'SMSBox answered without a list of sender names. Try again; if it persists, contact SMSBox support.',
				),
				reply.statusCode,
			);
		}
		return (read.data as SenderNameRow[]).map(toSenderName);
	},

	async request(
		http: HttpClient,
		credentials: Credentials,
		request: SenderNameRequest,
	): Promise<SenderNameRequestResult> {
		const senderId = request.senderId.trim();
		const reply = await http.request({
			method: 'POST',
			url: smsBoxUrl(credentials, 'request_sender_name'),
			body: { senderid: senderId, sample_content: request.sampleContent.trim() },
			headers: { Accept: 'application/json' },
		});
		const read = readSmsBoxReply(reply.body);
		if (!isSmsBoxSuccess(reply, read)) throw smsBoxRefusal(reply, REQUEST_EXPLANATIONS);
		const message = read.message ?? 'Sender name requested';
		// "SenderID 299 created Successfully": the id is only in the words.
		const id = /\bSenderID\s+(\S+)\s+created\b/i.exec(message)?.[1] ?? null;
		return { senderId, id, status: 'pending', message, raw: reply.body };
	},
};

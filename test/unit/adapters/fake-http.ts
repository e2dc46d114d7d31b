/**
 * A fake HttpClient for the adapter unit tests: it records every request the adapter makes and
 * answers with canned replies, in order. Running out of replies fails the test loudly.
 */
import type {
	HttpClient,
	HttpReply,
	HttpRequest,
	OutgoingMessage,
} from '../../../nodes/shared/core/types';

export class FakeHttp implements HttpClient {
	readonly requests: HttpRequest[] = [];

	private readonly replies: HttpReply[];

	constructor(...replies: HttpReply[]) {
		this.replies = replies;
	}

	async request(request: HttpRequest): Promise<HttpReply> {
		this.requests.push(request);
		const next = this.replies.shift();
		if (!next)
			throw new Error(`FakeHttp: no canned reply left for ${request.method} ${request.url}`);
		return next;
	}

	/** The only request made; fails when there were none or several. */
	only(): HttpRequest {
		expect(this.requests).toHaveLength(1);
		return this.requests[0];
	}
}

export function reply(
	statusCode: number,
	body: unknown,
	headers: HttpReply['headers'] = {},
): HttpReply {
	return { statusCode, headers, body };
}

let nextRef = 0;

/** An OutgoingMessage as the plan would build it; only the number is required. */
export function outgoing(e164: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
	const text = overrides.text ?? 'Hello';
	return {
		ref: nextRef++,
		itemIndex: 0,
		input: e164,
		e164,
		text,
		encoding: 'GSM-7',
		segments: 1,
		options: {},
		...overrides,
	};
}

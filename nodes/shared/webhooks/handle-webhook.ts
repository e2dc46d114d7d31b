/**
 * The `webhook()` of the three SMS triggers. In order: authenticate (401), read the body (4xx),
 * let the gateway's parser normalise it (4xx; a gateway configured by its credential, the
 * Custom HTTP Gateway, has that credential read first, and only then), keep or drop the event for this trigger, answer the
 * gateway exactly as it expects, and start an execution only for a kept event.
 *
 * The answer is always written here and n8n is told `noWebhookResponse`, because n8n's default
 * acknowledgement can override a custom one in `onReceived` mode (docs/n8n-behaviour.md#webhook-triggers). Nothing
 * escapes as an exception: n8n would answer 500 and record a failed execution.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { clock } from '../helpers/clock';
import { genericRejectionAnswer, writeAnswer } from '../webhook-parsing/answers';
import type { ResponseWriter } from '../webhook-parsing/answers';
import { basicAuthMatches, TOKEN_QUERY_PARAMETER, tokenMatches } from '../webhook-parsing/auth';
import { readBody } from './body';
import type { WebhookGateway } from '../registry/webhook-gateways';
import { readIncomingCall } from './request';
import type { IncomingCall } from './request';
import { selectEvent } from './select';
import { readTriggerSettings } from './settings';
import type { AuthSettings } from './settings';
import type {
	EventKind,
	HttpAnswer,
	ParseResult,
	Rejection,
	WebhookCapability,
	WebhookRequest,
} from '../core/webhook-types';

const UNAUTHORIZED = 'Unauthorized: missing or wrong credentials for this trigger';

export async function handleSmsWebhook(
	this: IWebhookFunctions,
	kind: EventKind,
): Promise<IWebhookResponseData> {
	const receivedAtMs = clock.now();
	let res: ResponseWriter | undefined;
	try {
		const response = this.getResponseObject() as ResponseWriter;
		res = response;
		const settings = readTriggerSettings(this, kind);
		if (!settings) {
			return answer(
				response,
				genericRejectionAnswer({
					status: 400,
					message: 'The trigger has no valid gateway selected',
				}),
			);
		}
		const { gateway } = settings;
		const refuse = (rejection: Rejection) => answer(response, rejectionAnswer(gateway, rejection));

		await readBodyLeftUnread(this);
		const call = readIncomingCall(this);
		if (!(await isAuthenticated(this, settings.auth, gateway, call))) {
			const challenge =
				settings.auth.method === 'basicAuth'
					? { 'WWW-Authenticate': 'Basic realm="n8n SMS trigger"' }
					: undefined;
			return answer(response, {
				...rejectionAnswer(gateway, { status: 401, message: UNAUTHORIZED }),
				headers: challenge,
			});
		}
		if (call.queryProblem) return refuse(call.queryProblem);

		const body = readBody(
			{ raw: call.rawBody, parsed: call.parsedBody, contentType: call.contentType },
			gateway.webhooks.bodyKinds,
			gateway.webhooks.contentTypeHint,
		);
		if (!body.ok) return refuse(body.rejection);

		// The trigger's own token never reaches a parser, so it cannot end up in an event's `raw`.
		const query = { ...call.query };
		delete query[TOKEN_QUERY_PARAMETER];
		const request = { headers: call.headers, query, body: body.body };
		const profile = gateway.webhooks.profileCredential;
		const parsed = profile
			? await parseWithCredential(this, profile, request, receivedAtMs)
			: gateway.webhooks.parse(request, { receivedAtMs });
		if (!parsed.ok) return refuse(parsed.rejection);

		const event = selectEvent(parsed.event, settings.selection);
		writeAnswer(response, parsed.ack);
		if (!event) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [[{ json: event as unknown as IDataObject }]] };
	} catch {
		// A bug or an unreadable request: refuse it cleanly rather than let n8n answer 500.
		if (res)
			writeAnswer(
				res,
				genericRejectionAnswer({ status: 400, message: 'The request could not be processed' }),
			);
		return { noWebhookResponse: true };
	}
}

/**
 * From typeVersion 2 on, n8n reads a body before `webhook()` only when it parses that content
 * type itself (JSON, form, text, XML); at version 1 it reads every body but multipart ones, which
 * it parses (and so consumes) at every version. Reading what is left here with n8n's own reader
 * (`req.readRawBody`, which fills `req.rawBody` once) gives both versions the same bytes, so a body
 * of another type is still refused, not mistaken for an empty one.
 */
async function readBodyLeftUnread(context: IWebhookFunctions): Promise<void> {
	const request = context.getRequestObject() as unknown as {
		rawBody?: unknown;
		readRawBody?: () => Promise<void>;
		readableEnded?: boolean;
		contentType?: unknown;
	};
	if (request.rawBody !== undefined || typeof request.readRawBody !== 'function') return;
	if (request.readableEnded === true) return;
	if (typeof request.contentType === 'string' && request.contentType.startsWith('multipart/'))
		return;
	await request.readRawBody();
}

/**
 * A gateway whose callback format is in its credential (the Custom HTTP Gateway): the credential is
 * read here, for that gateway only, after the caller is authenticated and the body is read. A
 * credential that cannot be read is the setup's fault, not the caller's: 500, so a gateway that
 * retries tries again later; n8n's error (which could name the credential) is not passed on.
 */
async function parseWithCredential(
	context: IWebhookFunctions,
	profile: NonNullable<WebhookCapability['profileCredential']>,
	request: WebhookRequest,
	receivedAtMs: number,
): Promise<ParseResult> {
	let credentials: Record<string, unknown>;
	try {
		credentials = await context.getCredentials(profile.credentialType);
	} catch {
		return {
			ok: false,
			rejection: { status: 500, message: 'The trigger has no usable gateway credential' },
		};
	}
	return profile.parse(credentials, request, { receivedAtMs });
}

function answer(res: ResponseWriter, httpAnswer: HttpAnswer): IWebhookResponseData {
	writeAnswer(res, httpAnswer);
	return { noWebhookResponse: true };
}

function rejectionAnswer(gateway: WebhookGateway, rejection: Rejection): HttpAnswer {
	return gateway.webhooks.rejectionAnswer?.(rejection) ?? genericRejectionAnswer(rejection);
}

async function isAuthenticated(
	context: IWebhookFunctions,
	auth: AuthSettings,
	gateway: WebhookGateway,
	call: IncomingCall,
): Promise<boolean> {
	switch (auth.method) {
		case 'none':
			return true;
		case 'token':
			return tokenMatches(call.headers, call.query, auth.secret);
		case 'basicAuth':
			return basicAuthMatches(call.headers, { username: auth.username, password: auth.password });
		case 'accountKey': {
			const accountKey = gateway.webhooks.accountKey;
			if (!accountKey) return false;
			try {
				const credentials = await context.getCredentials(accountKey.credentialType);
				return accountKey.matches(call.headers, credentials);
			} catch {
				// No usable credential: the call cannot be checked, so it is refused.
				return false;
			}
		}
		case 'invalid':
			return false;
	}
}

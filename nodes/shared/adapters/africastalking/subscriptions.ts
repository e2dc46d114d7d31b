/**
 * Africa's Talking premium subscriptions (docs/gateways/africastalking.md, "Premium subscriptions"):
 * the subscribers of a short code and keyword. Creating one takes two requests, as Africa's
 * Talking's premium subscription documentation and SDKs do it: a checkout token for the number
 * (`POST /checkout/token/create` on the api host, form `phoneNumber`), then
 * `POST /version1/subscription/create` on the content host with that token as `checkoutToken`. The
 * subscriber then confirms on the phone ("Waiting for user input"); the SMS Opt-Out Trigger sees the
 * `addition` notification that follows. Listing (`GET /version1/subscription`, `lastReceivedId`)
 * and deleting (`POST /version1/subscription/delete`) use the content host.
 */
import type {
	PremiumProduct,
	PremiumSubscription,
	PremiumSubscriptionChange,
	PremiumSubscriptionPage,
	PremiumSubscriptionsCapability,
} from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, GatewayErrorInfo, HttpClient, HttpReply } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { apiUrl, contentUrl, username } from './hosts';

const JSON_ACCEPT = { Accept: 'application/json' };

export const africasTalkingPremiumSubscriptions: PremiumSubscriptionsCapability = {
	check(product: PremiumProduct, phoneNumber?: string): GatewayErrorInfo | undefined {
		if (!product.shortCode.trim()) {
			return errorInfo(
				'MISSING_SHORT_CODE',
				'The short code is empty',
				'Give the premium short code of your account.',
			);
		}
		if (!product.keyword.trim()) {
			return errorInfo(
				'MISSING_KEYWORD',
				'The keyword is empty',
				'Give the premium keyword of that short code.',
			);
		}
		if (phoneNumber !== undefined && !/^\+[1-9][0-9]{6,14}$/.test(phoneNumber)) {
			return errorInfo(
				'INVALID_NUMBER',
				`"${phoneNumber}" is not an international number`,
				"Africa's Talking takes the number with + and its country code, for example +254711000001.",
			);
		}
		return undefined;
	},

	async create(
		http: HttpClient,
		credentials: Credentials,
		product: PremiumProduct,
		phoneNumber: string,
	) {
		const tokenReply = await http.request({
			method: 'POST',
			url: apiUrl(credentials, '/checkout/token/create'),
			body: { phoneNumber },
			form: true,
			headers: JSON_ACCEPT,
		});
		const tokenBody = tokenReply.body as { description?: string; token?: string } | undefined;
		const token = tokenBody?.token;
		if (
			tokenReply.statusCode >= 300 ||
			typeof token !== 'string' ||
			token === '' ||
			token === 'None'
		) {
			throw refusal(
				tokenReply,
				'The checkout token was refused',
				`Africa's Talking gave no checkout token for ${phoneNumber}, so no subscription was created. It allows 2 tokens per 5 minutes from one address: wait a few minutes and try again.`,
			);
		}
		const reply = await http.request({
			method: 'POST',
			url: contentUrl(credentials, '/version1/subscription/create'),
			body: { username: username(credentials), ...product, phoneNumber, checkoutToken: token },
			form: true,
			headers: JSON_ACCEPT,
		});
		return change(reply, 'create');
	},

	async list(http: HttpClient, credentials: Credentials, product: PremiumProduct, afterId: string) {
		const reply = await http.request({
			method: 'GET',
			url: contentUrl(credentials, '/version1/subscription'),
			qs: { username: username(credentials), ...product, lastReceivedId: afterId },
			headers: JSON_ACCEPT,
		});
		const responses = (reply.body as { responses?: unknown } | undefined)?.responses;
		if (reply.statusCode !== 200 || !Array.isArray(responses)) {
			throw refusal(
				reply,
				'Unexpected subscriptions reply',
				"Africa's Talking did not list the subscriptions.",
			);
		}
		const page: PremiumSubscriptionPage = { subscriptions: responses.map(toSubscription) };
		return page;
	},

	async delete(
		http: HttpClient,
		credentials: Credentials,
		product: PremiumProduct,
		phoneNumber: string,
	) {
		const reply = await http.request({
			method: 'POST',
			url: contentUrl(credentials, '/version1/subscription/delete'),
			body: { username: username(credentials), ...product, phoneNumber },
			form: true,
			headers: JSON_ACCEPT,
		});
		return change(reply, 'delete');
	},
};

function toSubscription(entry: unknown): PremiumSubscription {
	const fields = (entry ?? {}) as Record<string, unknown>;
	// The documentation's table names the number `number` and the time `Date`; its sample, the SDKs
	// and the replies use `phoneNumber` and `date`. Both are read.
	const phone = fields.phoneNumber ?? fields.number;
	const date = fields.date ?? fields.Date;
	return {
		id: String(fields.id ?? ''),
		phoneNumber: typeof phone === 'string' ? phone : String(phone ?? ''),
		date: typeof date === 'string' ? date : null,
		raw: entry,
	};
}

function change(reply: HttpReply, what: 'create' | 'delete'): PremiumSubscriptionChange {
	const body = reply.body as { status?: string; description?: string } | undefined;
	if (reply.statusCode >= 300 || body?.status !== 'Success') {
		const explanation =
			what === 'create'
				? `Africa's Talking did not create the subscription${body?.description ? `: ${body.description}` : ''}. Check the short code, the keyword and the number.`
				: `Africa's Talking did not delete the subscription${body?.description ? `: ${body.description}` : ''}. Check that the number is subscribed to this short code and keyword.`;
		throw refusal(reply, body?.description || `The subscription was not ${what}d`, explanation);
	}
	return { status: body.status, description: body.description ?? '', raw: reply.body };
}

function refusal(reply: HttpReply, message: string, explanation: string): GatewayError {
	if (reply.statusCode === 401) {
		return new GatewayError(
			errorInfo(
				401,
				typeof reply.body === 'string' && reply.body
					? reply.body
					: 'The supplied authentication is invalid',
				"Africa's Talking refused the username or API key.",
			),
			401,
		);
	}
	const code = reply.statusCode >= 300 ? reply.statusCode : 'FAILED';
	const said = typeof reply.body === 'string' ? reply.body : excerpt(reply.body);
	return new GatewayError(
		errorInfo(
			code,
			message === 'Unexpected subscriptions reply' ? `${message}: ${said}` : message,
			explanation,
		),
		reply.statusCode,
	);
}

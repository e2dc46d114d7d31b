import type { Balance, BalanceCapability } from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, HttpClient } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { parseMoney } from '../../helpers/money';
import { apiUrl, username } from './hosts';

/** `GET /version1/user?username=` → `{"UserData":{"balance":"KES 1785.50"}}`; may be negative. */
export const africasTalkingBalance: BalanceCapability = {
	async getBalance(http: HttpClient, credentials: Credentials): Promise<Balance> {
		const reply = await http.request({
			method: 'GET',
			url: apiUrl(credentials, '/version1/user'),
			qs: { username: username(credentials) },
			headers: { Accept: 'application/json' },
		});
		if (reply.statusCode === 401) {
			throw new GatewayError(
				errorInfo(
					401,
					String(reply.body || 'The supplied authentication is invalid'),
					"Africa's Talking refused the username or API key.",
				),
				401,
			);
		}
		const body = reply.body as { UserData?: { balance?: string }; userData?: { balance?: string } };
		// One documentation example spells the key `userData` (docs/gateways/africastalking.md#balance-inbox-and-subscriptions).
		const raw = body?.UserData?.balance ?? body?.userData?.balance;
		const money = parseMoney(raw);
		if (reply.statusCode !== 200 || money.amount === null) {
			throw new GatewayError(
				errorInfo(
					reply.statusCode,
					`Unexpected balance reply: ${excerpt(reply.body)}`,
					"Africa's Talking did not return a balance.",
				),
				reply.statusCode,
			);
		}
		return { balance: money.amount, currency: money.currency, raw: reply.body };
	},
};

/**
 * The Gupshup wallet balance: `GET {base}/sm/api/v2/wallet/balance` answering
 * `{"status":"success","balance":n}`. The endpoint is OBSERVED in integrators' code, not in Gupshup's
 * SMS documentation (docs/gateways/gupshup.md#wallet-balance), so every other answer is reported as such. The wallet
 * holds USD credits, 1 credit = 1 USD (docs/gateways/gupshup.md#wallet-balance, partner docs).
 */
import type { Balance, BalanceCapability } from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, HttpClient } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { parseMoney } from '../../helpers/money';
import { readGupshupRefusal } from './codes';
import { gupshupUrl } from './hosts';

const UNDOCUMENTED =
	"This wallet-balance endpoint is not part of Gupshup's documented SMS API and may not be enabled for every account; sending SMS may still work.";

export const gupshupBalance: BalanceCapability = {
	async getBalance(http: HttpClient, credentials: Credentials): Promise<Balance> {
		const reply = await http.request({
			method: 'GET',
			url: gupshupUrl(credentials, '/sm/api/v2/wallet/balance'),
			headers: { Accept: 'application/json' },
		});
		const body = (reply.body ?? {}) as { status?: unknown; balance?: unknown };
		const money = parseMoney(body.balance);
		if (reply.statusCode === 200 && body.status === 'success' && money.amount !== null) {
			return { balance: money.amount, currency: money.currency ?? 'USD', raw: reply.body };
		}
		const refusal = readGupshupRefusal(reply.body);
		const words = refusal.words || excerpt(reply.body);
		if (reply.statusCode === 401 || reply.statusCode === 403) {
			throw new GatewayError(
				errorInfo(
					reply.statusCode,
					words,
					`Gupshup refused the API key for the wallet balance. Check the API key in the credential. ${UNDOCUMENTED}`,
				),
				reply.statusCode,
			);
		}
		throw new GatewayError(
			errorInfo(
				refusal.code ?? reply.statusCode,
				`Unexpected wallet-balance reply from Gupshup (HTTP ${reply.statusCode}): ${words}`,
				`Gupshup did not return a balance. ${UNDOCUMENTED}`,
			),
			reply.statusCode,
		);
	},
};

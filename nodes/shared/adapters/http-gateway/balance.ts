/**
 * Check SMS Balance through a Custom HTTP Gateway: `GET <Balance Request Path>` and the number at
 * the profile's Balance Value Path. A profile without a balance request says so in a clear error.
 */
import type { Balance, BalanceCapability } from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, HttpClient } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { parseMoney } from '../../helpers/money';
import { joinUrl } from '../../helpers/url';
import { readPath, scalarText } from './json-path';
import { checkedProfile } from './profile';
import type { Profile } from './profile';

function profileOf(credentials: Credentials): Profile {
	const checked = checkedProfile(credentials);
	if ('problem' in checked) throw new GatewayError(checked.problem.info);
	return checked.profile;
}

export const httpGatewayBalance: BalanceCapability = {
	async getBalance(http: HttpClient, credentials: Credentials): Promise<Balance> {
		const profile = profileOf(credentials);
		const balance = profile.balance;
		if (!balance) {
			throw new GatewayError(
				errorInfo(
					'NO_BALANCE_REQUEST',
					`${profile.name} has no balance request`,
					'Fill in "Balance Request Path" and "Balance Value Path" in the Custom HTTP Gateway credential to check the balance.',
				),
			);
		}
		const reply = await http.request({
			method: 'GET',
			url: joinUrl(profile.baseUrl, balance.path),
			headers: { Accept: 'application/json' },
		});
		const money = parseMoney(readPath(reply.body, balance.valuePath));
		if (!profile.reply.successStatuses.has(reply.statusCode) || money.amount === null) {
			throw new GatewayError(
				errorInfo(
					reply.statusCode,
					`Unexpected balance reply from ${profile.name} (HTTP ${reply.statusCode}): ${excerpt(reply.body)}`,
					'The reply holds no number at "Balance Value Path". Check the path and the credential.',
				),
				reply.statusCode,
			);
		}
		const named =
			balance.currencyPath === ''
				? undefined
				: scalarText(readPath(reply.body, balance.currencyPath));
		return {
			balance: money.amount,
			currency: money.currency ?? named ?? (balance.currency || null),
			raw: reply.body,
		};
	},
};

/**
 * `GET /api/sms/v1/query_sms_balance` → `{"status":true,"code":200,…,"data":[{"balance_money":100}]}`
 * (docs/gateways/smsbox.md#balance): `data` is an array. No currency is documented, so it stays null unless the reply
 * names one.
 */
import type { Balance, BalanceCapability } from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { Credentials, HttpClient } from '../../core/types';
import { excerpt } from '../../helpers/excerpt';
import { parseMoney } from '../../helpers/money';
import { readSmsBoxReply } from './codes';
import { isSmsBoxSuccess, smsBoxRefusal } from './refusal';
import { smsBoxUrl } from './hosts';

interface BalanceRow {
	balance_money?: unknown;
	currency?: unknown;
}

export const smsBoxBalance: BalanceCapability = {
	async getBalance(http: HttpClient, credentials: Credentials): Promise<Balance> {
		const reply = await http.request({
			method: 'GET',
			url: smsBoxUrl(credentials, 'query_sms_balance'),
			headers: { Accept: 'application/json' },
		});
		const read = readSmsBoxReply(reply.body);
		const ok = isSmsBoxSuccess(reply, read);
		const row = (Array.isArray(read.data) ? read.data[0] : read.data) as BalanceRow | undefined;
		const money = parseMoney(row?.balance_money);
		if (ok && money.amount !== null) {
			const named =
				typeof row?.currency === 'string' && row.currency.trim()
					? row.currency.trim().toUpperCase()
					: null;
			return { balance: money.amount, currency: money.currency ?? named, raw: reply.body };
		}
		if (!ok && (read.code !== undefined || reply.statusCode >= 400)) throw smsBoxRefusal(reply);
		throw new GatewayError(
			errorInfo(
				reply.statusCode,
				`Unexpected balance reply from SMSBox: ${excerpt(reply.body)}`,
				'SMSBox did not return a balance.',
			),
			reply.statusCode,
		);
	},
};

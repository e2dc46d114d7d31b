/** GET /version1/user?username=: the account balance as "KES 1785.5000" (docs/gateways/africastalking.md#balance-inbox-and-subscriptions). */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { format4 } from '../../core/money';
import { toXml } from '../../core/xml';
import { checkAtAuth } from './auth';
import { atReply } from './replies';

export function handleUser(ctx: SimContext, req: SimRequest): SimReply {
	const denied = checkAtAuth(ctx, req, req.query.get('username') ?? undefined);
	if (denied) return denied;
	const balance = `${ctx.accounts.africasTalking.currency} ${format4(ctx.balances.getMinor('africasTalking'))}`;
	// The table and the SDK mock use "UserData" (one doc example prints "userData"): UserData.
	return atReply(req, 200, { UserData: { balance } }, () => toXml('UserData', { balance }));
}

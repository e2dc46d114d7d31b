/**
 * AT authenticates every call by the `apiKey` header plus the app `username`
 * (form field, JSON field or query parameter; docs/gateways/africastalking.md#hosts-and-authentication). Either one wrong is a
 * plain-text 401. inferred: a missing username is treated like a wrong one.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { header } from '../../core/http-io';
import { invalidAuthentication } from './replies';

export function checkAtAuth(
	ctx: SimContext,
	req: SimRequest,
	username: string | undefined,
): SimReply | null {
	const account = ctx.accounts.africasTalking;
	if (header(req, 'apikey') !== account.apiKey || username !== account.username)
		return invalidAuthentication();
	return null;
}

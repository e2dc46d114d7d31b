/**
 * SMSBox authentication: `Authorization: Basic base64(api_key:api_secret)` as every sample
 * sends it. The header tables name `api-key`/`api-secret` "Basic Authentication
 * Username/Password"; inferred (docs/gateways/smsbox.md#authentication-and-formats): Basic is the real scheme, so those headers
 * alone count as no authorization.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { header, jsonReply } from '../../core/http-io';

/** SMSBox's documentation (docs/gateways/smsbox.md#error-codes) spells code 120 two ways depending on the endpoint; each endpoint passes its own. */
export type AuthWording = 'Authorization' | 'Authentication';

export function checkSmsboxAuth(
	ctx: SimContext,
	req: SimRequest,
	wording: AuthWording,
): SimReply | null {
	const value = header(req, 'authorization');
	// Seed: HTTP 400 {"error":"No authorization headers"} (no code; code table has 107 for it).
	if (!value) return jsonReply(400, { error: 'No authorization headers' });
	const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(value.trim());
	const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
	const { apiKey, apiSecret } = ctx.accounts.smsBox;
	if (decoded !== `${apiKey}:${apiSecret}`) {
		return jsonReply(401, { code: 120, message: `Invalid ${wording} Parameters` });
	}
	return null;
}

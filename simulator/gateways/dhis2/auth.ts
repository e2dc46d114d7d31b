/**
 * DHIS2 authentication (docs/gateways/dhis2.md#authentication-and-api-versions): Basic user:password, or
 * `Authorization: ApiToken <personal access token>`.
 * - wrong Basic credentials: 401 WebMessage "Unauthorized";
 * - ApiToken header not matching the resolver's pattern: 400 "Api token is malformed";
 *   bad prefix/length/checksum: 400 "Checksum validation failed"; unknown token:
 *   401 "The API token does not exists." (dhis2-core's wording), with `WWW-Authenticate: ApiToken`;
 * - no credentials: browsers are redirected to the login page, XHR calls get 401
 *   (inferred (docs/gateways/dhis2.md#authentication-and-api-versions): the stricter reading for API paths is the redirect, which a client must not follow blindly).
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { header } from '../../core/http-io';
import { checkTokenChecksum } from './token';
import { webMessage } from './web-message';

const API_TOKEN_PATTERN = /^ApiToken ([a-z0-9-._~+/]+=*)$/i;

export function checkDhis2Auth(
	ctx: SimContext,
	req: SimRequest,
	loginUrl: string,
): SimReply | null {
	const account = ctx.accounts.dhis2;
	const authorization = header(req, 'authorization');
	if (!authorization) {
		if ((header(req, 'x-requested-with') ?? '').toLowerCase() === 'xmlhttprequest')
			return unauthorized('Unauthorized');
		return { status: 302, headers: { Location: loginUrl }, body: '' };
	}
	if (authorization.toLowerCase().startsWith('apitoken')) {
		const match = API_TOKEN_PATTERN.exec(authorization);
		const challenge = { 'WWW-Authenticate': 'ApiToken' };
		if (!match) return webMessage(400, 'Api token is malformed', challenge);
		if (checkTokenChecksum(match[1]) !== 'valid')
			return webMessage(400, 'Checksum validation failed', challenge);
		if (match[1] !== account.personalAccessToken)
			return webMessage(401, 'The API token does not exists.', challenge);
		return null;
	}
	const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
	const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
	if (decoded !== `${account.username}:${account.password}`) return unauthorized('Unauthorized');
	return null;
}

function unauthorized(message: string): SimReply {
	return webMessage(401, message, { 'WWW-Authenticate': 'Basic realm="DHIS2"' });
}

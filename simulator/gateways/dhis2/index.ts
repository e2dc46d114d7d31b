/**
 * DHIS2's SMS Web API under /dhis2 (context path). Versioned paths /api/{NN}/x are served as
 * /api/x for NN 28-44 (ApiVersionFilter); 26 and 27, which DHIS2's documentation shows, were accepted only
 * up to 2.31, so a current server answers them 404 (docs/gateways/dhis2.md#authentication-and-api-versions).
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { htmlReply, jsonReply } from '../../core/http-io';
import type { Handler, Route } from '../../core/router';
import type { GatewayModule, InboundCapable } from '../gateway';
import { checkDhis2Auth } from './auth';
import {
	addGateway,
	getGateway,
	listGateways,
	removeGateway,
	setDefaultGateway,
	updateGateway,
} from './gateways-api';
import { deleteInbound, handleInboundPost, listInbound, receiveDhis2Inbound } from './inbound';
import { deleteOutbound, deleteOutboundMany, handleOutboundPost, listOutbound } from './outbound';
import { Dhis2State } from './state';
import { webMessage } from './web-message';

export interface Dhis2Module extends GatewayModule, InboundCapable {
	readonly state: Dhis2State;
}

const PREFIX = '/dhis2';
const VERSIONED = /^\/api\/(2[89]|3\d|4[0-4])\/(.*)$/;

function me(ctx: SimContext): SimReply {
	const account = ctx.accounts.dhis2;
	return jsonReply(200, {
		id: account.userId,
		username: account.username,
		firstName: 'admin',
		surname: 'admin',
		name: 'admin admin',
		displayName: 'admin admin',
		phoneNumber: account.phoneNumber,
		authorities: ['ALL', 'F_MOBILE_SENDSMS', 'F_MOBILE_SETTINGS'],
		userRoles: [{ id: 'yrB6vc5Ip3r', name: 'Superuser' }],
	});
}

export function createDhis2(ctx: SimContext): Dhis2Module {
	const state = new Dhis2State(() => ctx.ids);
	const loginUrl = `${PREFIX}/dhis-web-login/`;
	const authed =
		(handler: Handler): Handler =>
		(req, params) =>
			checkDhis2Auth(ctx, req, loginUrl) ?? handler(req, params);
	const routes: Route[] = [
		{
			method: 'GET',
			pattern: '/dhis-web-login',
			handler: () =>
				htmlReply(
					200,
					'<!doctype html><title>DHIS2 login</title><form><input name="username"><input name="password" type="password"></form>',
				),
		},
		{ method: 'GET', pattern: '/api/me', handler: authed(() => me(ctx)) },
		{
			method: 'POST',
			pattern: '/api/sms/outbound',
			handler: authed((req) => handleOutboundPost(ctx, state, req)),
		},
		{
			method: 'GET',
			pattern: '/api/sms/outbound',
			handler: authed((req) => listOutbound(state, req)),
		},
		{
			method: 'DELETE',
			pattern: '/api/sms/outbound',
			handler: authed((req) => deleteOutboundMany(state, req)),
		},
		{
			method: 'DELETE',
			pattern: '/api/sms/outbound/:uid',
			handler: authed((_req, p) => deleteOutbound(state, p.uid)),
		},
		{
			method: 'POST',
			pattern: '/api/sms/inbound',
			handler: authed((req) => handleInboundPost(ctx, state, req)),
		},
		{
			method: 'GET',
			pattern: '/api/sms/inbound',
			handler: authed((req) => listInbound(state, req)),
		},
		{
			method: 'POST',
			pattern: '/api/sms/inbound/import',
			handler: authed(() => webMessage(200, 'Import successful')),
		},
		{
			method: 'DELETE',
			pattern: '/api/sms/inbound/:uid',
			handler: authed((_req, p) => deleteInbound(state, p.uid)),
		},
		{
			method: 'GET',
			pattern: '/api/gateways',
			handler: authed((req) => listGateways(state.gateways, req)),
		},
		{
			method: 'POST',
			pattern: '/api/gateways',
			handler: authed((req) => addGateway(state.gateways, req, `${PREFIX}/api`)),
		},
		{
			method: 'PUT',
			pattern: '/api/gateways/default/:uid',
			handler: authed((_req, p) => setDefaultGateway(state.gateways, p.uid)),
		},
		{
			method: 'GET',
			pattern: '/api/gateways/:uid',
			handler: authed((req, p) => getGateway(state.gateways, req, p.uid)),
		},
		{
			method: 'PUT',
			pattern: '/api/gateways/:uid',
			handler: authed((req, p) => updateGateway(state.gateways, req, p.uid)),
		},
		{
			method: 'DELETE',
			pattern: '/api/gateways/:uid',
			handler: authed((_req, p) => removeGateway(state.gateways, p.uid)),
		},
	];
	const authFirst = (req: SimRequest, reply: SimReply) =>
		checkDhis2Auth(ctx, req, loginUrl) ?? reply;
	return {
		name: 'dhis2',
		state,
		routes,
		normalizePath: (path) => path.replace(VERSIONED, '/api/$2'),
		// Spring Security authenticates before dispatch, so unknown paths still need credentials.
		notFound: (req) => authFirst(req, webMessage(404, 'Not Found')),
		methodNotAllowed: (req) =>
			authFirst(req, webMessage(405, `Request method '${req.method}' is not supported`)),
		faultReply: (kind, retryAfterSeconds) =>
			kind === 'rateLimit'
				? webMessage(429, 'Too Many Requests', { 'Retry-After': String(retryAfterSeconds) })
				: webMessage(503, 'Service Unavailable'),
		internalError: () => webMessage(500, 'Internal Server Error'),
		reset: () => state.reset(),
		receiveInbound: (input) => receiveDhis2Inbound(ctx, state, input),
	};
}

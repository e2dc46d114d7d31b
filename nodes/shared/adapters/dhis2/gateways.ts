/**
 * DHIS2's SMS gateway administration, `/api/gateways` (DHIS2 2.35 and later; docs/gateways/dhis2.md#gateway-administration):
 * list, get, create, update, delete and `PUT /api/gateways/default/{uid}`. Older servers used
 * per-type paths (`/api/gateways/clickatell|bulksms|generichttp`) and are not supported.
 *
 * Outputs never carry a password, token or confidential parameter value: DHIS2 returns them
 * encrypted and they are masked anyway (gateway-config.ts).
 */
import type {
	GatewayAdminCapability,
	GatewayAdminResult,
	SmsGatewayConfig,
	SmsGatewayInput,
} from '../../core/adapter';
import { errorInfo, GatewayError } from '../../core/errors';
import type { IDataObject } from 'n8n-workflow';

import type { Credentials, HttpClient, HttpReply } from '../../core/types';
import { header } from '../common';
import { excerpt } from '../../helpers/excerpt';
import {
	checkGatewayInput,
	maskGateway,
	requestBody,
	SMS_GATEWAY_TYPES,
	updateBody,
} from './gateway-config';
import { gatewayAdminRefusal } from './gateway-errors';
import { dhis2ApiUrl, serverUrl } from './hosts';
import { readWebMessage } from './web-message';

type RawGateway = Record<string, unknown>;

function url(credentials: Credentials, path = ''): string {
	if (!serverUrl(credentials)) {
		throw new GatewayError(
			errorInfo(
				'SERVER_URL_MISSING',
				'The DHIS2 credential has no Server URL',
				'Set the Server URL of your DHIS2 instance in the credential.',
			),
		);
	}
	return dhis2ApiUrl(credentials, `/gateways${path}`);
}

function idPath(id: string): string {
	const trimmed = id.trim();
	if (trimmed === '') {
		// An empty id would turn "/gateways/{id}" into the list (or a delete of nothing).
		throw new GatewayError(
			errorInfo(
				'GATEWAY_ID_REQUIRED',
				'No gateway ID was given',
				'Choose the gateway, or give its ID (the "id" field of "Get Many").',
			),
		);
	}
	return `/${encodeURIComponent(trimmed)}`;
}

function succeeded(reply: HttpReply): boolean {
	if (reply.statusCode < 200 || reply.statusCode >= 300) return false;
	const web = readWebMessage(reply.body);
	// Object replies (get, list) have no WebMessage; a WebMessage must say OK.
	return !web || web.status === 'OK';
}

function messageOf(reply: HttpReply, fallback: string): string {
	return readWebMessage(reply.body)?.message || fallback;
}

async function fetchRaw(
	http: HttpClient,
	credentials: Credentials,
	id: string,
): Promise<RawGateway | undefined> {
	const reply = await http.request({
		method: 'GET',
		url: url(credentials, idPath(id)),
		headers: { Accept: 'application/json' },
	});
	if (reply.statusCode === 404 && readWebMessage(reply.body)) return undefined;
	if (!succeeded(reply)) throw gatewayAdminRefusal(reply, id);
	if (typeof reply.body !== 'object' || reply.body === null || Array.isArray(reply.body)) {
		throw unreadable(reply);
	}
	return reply.body as RawGateway;
}

async function fetchExisting(
	http: HttpClient,
	credentials: Credentials,
	id: string,
): Promise<RawGateway> {
	const found = await fetchRaw(http, credentials, id);
	if (found) return found;
	throw new GatewayError(
		errorInfo(
			404,
			`SmsGatewayConfig with id ${id.trim()} could not be found.`,
			`DHIS2 has no SMS gateway with the ID "${id.trim()}". List the gateways to find its ID; it may have been deleted.`,
		),
		404,
	);
}

async function listRaw(http: HttpClient, credentials: Credentials): Promise<RawGateway[]> {
	const reply = await http.request({
		method: 'GET',
		url: url(credentials),
		headers: { Accept: 'application/json' },
	});
	if (!succeeded(reply)) throw gatewayAdminRefusal(reply);
	const gateways = (reply.body as { gateways?: unknown } | null)?.gateways;
	if (!Array.isArray(gateways)) throw unreadable(reply);
	return gateways.filter((g): g is RawGateway => typeof g === 'object' && g !== null);
}

function unreadable(reply: HttpReply): GatewayError {
	return new GatewayError(
		errorInfo(
			'UNREADABLE_REPLY',
			`Unexpected reply from DHIS2 (HTTP ${reply.statusCode}): ${excerpt(reply.body)}`,
			'DHIS2 did not answer with gateway configurations. An HTML page here often means a login page: check the Server URL.',
		),
		reply.statusCode,
	);
}

/** The uid of a new configuration, from `Location: …/api/gateways/{uid}`. */
function createdId(reply: HttpReply): string | undefined {
	const location = header(reply, 'location');
	const last = location?.replace(/\/+$/, '').split('/').pop();
	return last ? decodeURIComponent(last) : undefined;
}

/**
 * DHIS2 keeps one gateway per type: a second one of a type is not stored, yet the answer is still
 * 200 "Gateway configuration added" (DefaultGatewayAdministrationService; inferred from the code,
 * docs/gateways/dhis2.md#gateway-administration). Reading the new uid back is the only way to know.
 */
async function notStored(
	http: HttpClient,
	credentials: Credentials,
	input: SmsGatewayInput,
): Promise<GatewayError> {
	const sameType = (await listRaw(http, credentials)).find((g) => g.type === input.type);
	const existing = sameType
		? ` ("${String(sameType.name ?? '')}", ID ${String(sameType.uid ?? sameType.id ?? '')})`
		: '';
	return new GatewayError(
		errorInfo(
			'NOT_STORED',
			`DHIS2 answered "Gateway configuration added" but did not store the ${input.type} gateway`,
			`DHIS2 keeps one gateway per type and a ${input.type} gateway already exists${existing}. Update that one instead, or delete it first.`,
		),
	);
}

export const dhis2GatewayAdmin: GatewayAdminCapability = {
	types: SMS_GATEWAY_TYPES,
	check: checkGatewayInput,

	async list(http, credentials): Promise<SmsGatewayConfig[]> {
		return (await listRaw(http, credentials)).map(maskGateway);
	},

	async get(http, credentials, id): Promise<SmsGatewayConfig> {
		return maskGateway(await fetchExisting(http, credentials, id));
	},

	async create(http, credentials, input): Promise<GatewayAdminResult> {
		const reply = await http.request({
			method: 'POST',
			url: url(credentials),
			body: requestBody(input) as IDataObject,
			headers: { Accept: 'application/json' },
		});
		if (!succeeded(reply)) throw gatewayAdminRefusal(reply);
		const message = messageOf(reply, 'Gateway configuration added');
		const id = createdId(reply);
		const stored = id
			? await fetchRaw(http, credentials, id)
			: (await listRaw(http, credentials)).find(
					(g) => g.type === input.type && g.name === input.name,
				);
		if (!stored) throw await notStored(http, credentials, input);
		const gateway = maskGateway(stored);
		return { id: gateway.id, message, gateway };
	},

	async update(http, credentials, id, input): Promise<GatewayAdminResult> {
		const stored = await fetchExisting(http, credentials, id);
		const reply = await http.request({
			method: 'PUT',
			url: url(credentials, idPath(id)),
			body: updateBody(stored, input) as IDataObject,
			headers: { Accept: 'application/json' },
		});
		if (!succeeded(reply)) throw gatewayAdminRefusal(reply, id);
		const gateway = maskGateway(await fetchExisting(http, credentials, id));
		return {
			id: gateway.id,
			message: messageOf(reply, `Gateway with uid: ${id} has been updated`),
			gateway,
		};
	},

	async remove(http, credentials, id): Promise<GatewayAdminResult> {
		const reply = await http.request({
			method: 'DELETE',
			url: url(credentials, idPath(id)),
			headers: { Accept: 'application/json' },
		});
		if (!succeeded(reply)) throw gatewayAdminRefusal(reply, id);
		return { id: id.trim(), message: messageOf(reply, 'Gateway removed successfully') };
	},

	async setDefault(http, credentials, id): Promise<GatewayAdminResult> {
		const reply = await http.request({
			method: 'PUT',
			url: url(credentials, `/default${idPath(id)}`),
			headers: { Accept: 'application/json' },
		});
		if (!succeeded(reply)) throw gatewayAdminRefusal(reply, id);
		const gateway = maskGateway(await fetchExisting(http, credentials, id));
		return {
			id: gateway.id,
			message: messageOf(reply, `${String(gateway.name ?? id)} is set to default`),
			gateway,
		};
	},
};

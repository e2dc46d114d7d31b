/**
 * /api/gateways (DHIS2 2.35+, SmsGatewayController; docs/gateways/dhis2.md#gateway-administration): list, get, create,
 * update, delete and PUT /api/gateways/default/{uid}. There is no GET /gateways/default since 2.34.
 */
import type { SimReply, SimRequest } from '../../core/http-io';
import { isRecord, jsonReply, parseJson } from '../../core/http-io';
import type { GatewayConfig, GatewayStore, GatewayType } from './gateway-store';
import { isGatewayType } from './gateway-store';
import { fieldsParam, pickFields } from './list';
import { webMessage } from './web-message';

type Body = Record<string, unknown> & { type: GatewayType };

/** Jackson's polymorphic binding: a body it cannot bind is a 400 (inferred (docs/gateways/dhis2.md#gateway-administration): wording abridged). */
function readGatewayBody(req: SimRequest): { body: Body } | { reply: SimReply } {
	const parsed = parseJson(req);
	if (!parsed.ok)
		return { reply: webMessage(400, 'JSON parse error: Unexpected character in the request body') };
	if (parsed.value === null)
		return { reply: webMessage(409, 'Cannot de-serialize SMS configurations') };
	if (!isRecord(parsed.value))
		return { reply: webMessage(400, 'JSON parse error: the body must be a JSON object') };
	const type = parsed.value.type;
	if (type === undefined) {
		return {
			reply: webMessage(
				400,
				"JSON parse error: missing type id property 'type' (for POJO property 'SmsGatewayConfig')",
			),
		};
	}
	if (!isGatewayType(type)) {
		return {
			reply: webMessage(
				400,
				`JSON parse error: Could not resolve type id '${String(type)}' as a subtype of SmsGatewayConfig`,
			),
		};
	}
	return { body: { ...parsed.value, type } };
}

function notFound(uid: string): SimReply {
	return webMessage(404, `SmsGatewayConfig with id ${uid} could not be found.`);
}

export function listGateways(store: GatewayStore, req: SimRequest): SimReply {
	const fields = fieldsParam(req, '*');
	return jsonReply(200, { gateways: store.list().map((g) => pickFields(store.render(g), fields)) });
}

export function getGateway(store: GatewayStore, req: SimRequest, uid: string): SimReply {
	const gateway = store.get(uid);
	if (!gateway) return notFound(uid);
	return jsonReply(200, pickFields(store.render(gateway), fieldsParam(req, '*')));
}

export function addGateway(store: GatewayStore, req: SimRequest, apiPath: string): SimReply {
	const read = readGatewayBody(req);
	if ('reply' in read) return read.reply;
	const { uid } = store.add(read.body);
	return webMessage(200, 'Gateway configuration added', { Location: `${apiPath}/gateways/${uid}` });
}

export function updateGateway(store: GatewayStore, req: SimRequest, uid: string): SimReply {
	const persisted = store.get(uid);
	if (!persisted) return notFound(uid);
	const read = readGatewayBody(req);
	if ('reply' in read) return read.reply;
	// Controller order: the default conflict is checked before the service's type check.
	if (store.getDefault() && read.body.isDefault === true && !persisted.isDefault) {
		return webMessage(409, 'Default gateway already exists');
	}
	if (read.body.type !== persisted.type)
		return webMessage(409, 'Type of an existing configuration cannot be changed');
	store.update(persisted, read.body);
	return webMessage(200, `Gateway with uid: ${uid} has been updated`);
}

export function setDefaultGateway(store: GatewayStore, uid: string): SimReply {
	const gateway: GatewayConfig | undefined = store.get(uid);
	if (!gateway) return notFound(uid);
	store.setDefault(uid);
	return webMessage(200, `${String(gateway.name)} is set to default`);
}

export function removeGateway(store: GatewayStore, uid: string): SimReply {
	if (!store.get(uid)) return notFound(uid);
	store.remove(uid);
	return webMessage(200, 'Gateway removed successfully');
}

/**
 * The node's parameters → the gateway configuration the adapter sends. "Create" reads each field
 * of the chosen type from its own parameter, leaving out empty text; "Update" reads only the fields
 * added to "Update Fields", so only those change.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SmsGatewayInput, SmsGatewayParameter, SmsGatewayType } from '../shared/core/adapter';
import type { ItemParameterReader } from '../shared/n8n/item-parameters';
import { GATEWAY_FIELDS } from './gateway-fields';

const SECRETS = new Set(['password', 'authToken']);

function parameters(value: unknown): SmsGatewayParameter[] {
	const rows = ((value as IDataObject | undefined)?.parameter ?? []) as IDataObject[];
	return rows.map((row) => ({
		key: String(row.key ?? '').trim(),
		value: String(row.value ?? ''),
		header: row.header === true,
		encode: row.encode === true,
		confidential: row.confidential === true,
	}));
}

/** One field's value, or undefined when it is not to be sent. */
function convert(name: string, value: unknown, operation: 'create' | 'update'): unknown {
	if (value === undefined || value === null) return undefined;
	if (name === 'parameters') return parameters(value);
	if (name === 'port') return Number(value);
	// 0 means "no limit of its own" (DHIS2's system setting applies); DHIS2 stores the length as text.
	if (name === 'maxSmsLength')
		return Number(value) > 0 ? String(value) : operation === 'update' ? '' : undefined;
	if (typeof value === 'boolean') return value;
	const text = String(value);
	// Empty text is "not given" on create; on update only a secret left empty means "keep it".
	if (text === '' && (operation === 'create' || SECRETS.has(name))) return undefined;
	return text;
}

export function readGatewayInput(
	read: ItemParameterReader,
	operation: 'create' | 'update',
	itemIndex: number,
): SmsGatewayInput {
	const type = read<SmsGatewayType>('gatewayType', itemIndex);
	const updates = operation === 'update' ? read<IDataObject>('updateFields', itemIndex, {}) : {};
	const input: Record<string, unknown> = { type };
	for (const field of GATEWAY_FIELDS) {
		if (!field.types.includes(type)) continue;
		const name = field.property.name;
		const raw = operation === 'create' ? read(name, itemIndex, '') : updates[name];
		const value = convert(name, raw, operation);
		if (value !== undefined) input[name] = value;
	}
	if (operation === 'update' && typeof updates.isDefault === 'boolean')
		input.isDefault = updates.isDefault;
	return input as unknown as SmsGatewayInput;
}

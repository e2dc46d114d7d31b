/**
 * The Inbound SMS and Outbound SMS resources of the DHIS2 node: one call per input item.
 * - Inbound SMS → Create pushes the SMS into DHIS2 (`POST /api/sms/inbound`, JSON form) and outputs
 *   `{id, message}` with DHIS2's own words. Once one SMS of the run may have been stored, a later
 *   failure becomes an error item instead of stopping the node, so that n8n never runs the node
 *   again over SMS DHIS2 already has (pushing one twice runs its SMS command twice).
 * - Get Many outputs one item per stored SMS (filters become DHIS2 metadata filters).
 * - Delete outputs `{id, message, deleted}`.
 * DHIS2's refusals come out in its own words (GatewayError → NodeApiError, n8n/errors.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SmsDirection, SmsListQuery } from '../shared/adapters/dhis2/sms-messages';
import { deleteSms, listSms, pushInboundSms } from '../shared/adapters/dhis2/sms-messages';
import { errorInfo, transportFailure } from '../shared/core/errors';
import { n8nHttpClient } from '../shared/core/transport';
import { toNodeError } from '../shared/n8n/errors';
import type { ItemParameterReader } from '../shared/n8n/item-parameters';
import { itemParameterReader } from '../shared/n8n/item-parameters';
import { inputError, runPerItem } from '../shared/n8n/per-item';

const CREDENTIAL = 'dhis2Api';

/** DHIS2 filter values are plain text after the operator; an ISO time is sent as it is. */
function timeText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	const text = String(value ?? '').trim();
	// n8n's DateTime values (Luxon) print as ISO.
	return text;
}

function listQuery(
	direction: SmsDirection,
	read: ItemParameterReader,
	itemIndex: number,
): SmsListQuery {
	const filters = (read('filters', itemIndex, {}) ?? {}) as IDataObject;
	const list: string[] = [];
	const add = (property: string, operator: string, value: unknown) => {
		const text = timeText(value);
		if (text !== '') list.push(`${property}:${operator}:${text}`);
	};
	if (direction === 'inbound') {
		add('originator', 'eq', filters.originator);
		add('text', 'like', filters.textContains);
		add('receivedDate', 'ge', filters.receivedAfter);
		add('receivedDate', 'le', filters.receivedBefore);
	} else {
		add('message', 'like', filters.messageContains);
		add('status', 'eq', filters.status);
		add('date', 'ge', filters.sentAfter);
		add('date', 'le', filters.sentBefore);
	}
	const returnAll = read('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : Math.max(1, Number(read('limit', itemIndex, 50)));
	return { filters: list, limit };
}

function readPush(this: IExecuteFunctions, read: ItemParameterReader, itemIndex: number) {
	const originator = String(read('originator', itemIndex, '') ?? '').trim();
	const text = String(read('text', itemIndex, '') ?? '');
	if (originator === '') {
		throw inputError(
			this.getNode(),
			errorInfo(
				'ORIGINATOR_REQUIRED',
				`Item ${itemIndex + 1}: Originator is empty`,
				'Give the phone number the SMS came from (for example {{ $json.from }} after an Inbound SMS Trigger).',
			),
			itemIndex,
		);
	}
	if (text.trim() === '') {
		throw inputError(
			this.getNode(),
			errorInfo(
				'TEXT_REQUIRED',
				`Item ${itemIndex + 1}: Text is empty`,
				'DHIS2 refuses an SMS without text ("Message must be specified"). Map the SMS text (for example {{ $json.text }}).',
			),
			itemIndex,
		);
	}
	const gatewayId = String(read('inboundGatewayId', itemIndex, '') ?? '').trim();
	const receivedDate = timeText(read('receivedDate', itemIndex, ''));
	return {
		originator,
		text,
		gatewayId: gatewayId || undefined,
		receivedDate: receivedDate || undefined,
	};
}

/** Inbound SMS → Create: every item is checked first, then pushed; after the first push, never throws. */
async function pushAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const http = n8nHttpClient(this, CREDENTIAL);
	const read = itemParameterReader(this);
	const count = this.getInputData().length;
	const out: INodeExecutionData[] = [];
	let anyStored = false;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const input = readPush.call(this, read, itemIndex);
			const credentials = await this.getCredentials(CREDENTIAL);
			const result = await pushInboundSms(http, credentials, input);
			anyStored = true;
			out.push({
				json: { id: result.id, message: result.message },
				pairedItem: { item: itemIndex },
			});
		} catch (error) {
			// No answer after the request may have left: DHIS2 may have stored it.
			if (transportFailure(error)?.delivery === 'ambiguous') anyStored = true;
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!anyStored && !this.continueOnFail()) throw nodeError;
			const failed: INodeExecutionData = {
				json: {
					error: nodeError.message,
					details: {
						code: (nodeError.context?.code as string | undefined) ?? null,
						description: nodeError.description ?? null,
					},
				},
				pairedItem: { item: itemIndex },
			};
			if (this.getNode().onError === 'continueErrorOutput') failed.error = nodeError;
			out.push(failed);
		}
	}
	return [out];
}

export async function dhis2SmsMessages(
	this: IExecuteFunctions,
	resource: 'inboundSms' | 'outboundSms',
): Promise<INodeExecutionData[][]> {
	const direction: SmsDirection = resource === 'inboundSms' ? 'inbound' : 'outbound';
	const operation = this.getNodeParameter('operation', 0) as string;
	if (direction === 'inbound' && operation === 'create') return await pushAll.call(this);
	const http = n8nHttpClient(this, CREDENTIAL);
	const read = itemParameterReader(this);
	return await runPerItem(this, async (itemIndex) => {
		const credentials = await this.getCredentials(CREDENTIAL);
		switch (operation) {
			case 'getAll':
				return (await listSms(
					http,
					credentials,
					direction,
					listQuery(direction, read, itemIndex),
				)) as IDataObject[];
			case 'delete': {
				const result = await deleteSms(
					http,
					credentials,
					direction,
					String(read('smsId', itemIndex, '') ?? ''),
				);
				return { id: result.id, message: result.message, deleted: true };
			}
			default:
				throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, {
					itemIndex,
				});
		}
	});
}

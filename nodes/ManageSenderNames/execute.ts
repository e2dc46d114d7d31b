/**
 * Get Many: one output item per sender name (`gateway`, `id`, `name`, `status`, `created`).
 * Request: one output item per request (`gateway`, `senderId`, `id`, `status: pending`, `message`).
 * A request is checked before calling (length, characters, sample content), so a refusal the
 * gateway would give costs no call.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SenderNameFilter, SenderNameStatus } from '../shared/core/adapter';
import { adapterFor } from '../shared/registry/registry';
import { n8nHttpClient } from '../shared/core/transport';
import { itemParameterReader } from '../shared/n8n/item-parameters';
import { inputError, runPerItem } from '../shared/n8n/per-item';

const STATUSES: SenderNameStatus[] = ['approved', 'pending', 'rejected'];

export async function manageSenderNames(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const adapter = adapterFor(this.getNodeParameter('gateway', 0) as string);
	const capability = adapter.senderNames;
	if (!capability) {
		throw new NodeOperationError(
			this.getNode(),
			`${adapter.displayName} has no sender names to manage`,
			{
				description: 'Choose SMSBox.',
			},
		);
	}
	const operation = this.getNodeParameter('operation', 0) as string;
	const http = n8nHttpClient(this, adapter.credentialType);
	const read = itemParameterReader(this);

	return await runPerItem(this, async (itemIndex) => {
		const credentials = await this.getCredentials(adapter.credentialType);
		if (operation === 'request') {
			const request = {
				senderId: String(read('senderId', itemIndex, '') ?? ''),
				sampleContent: String(read('sampleContent', itemIndex, '') ?? ''),
			};
			const problem = capability.checkRequest(request);
			if (problem) throw inputError(this.getNode(), problem, itemIndex);
			const result = await capability.request(http, credentials, request);
			return {
				gateway: adapter.id,
				senderId: result.senderId,
				id: result.id,
				status: result.status,
				message: result.message,
				raw: result.raw as IDataObject,
			};
		}

		const filters = read<IDataObject>('filters', itemIndex, {});
		const filter: SenderNameFilter = {};
		if (filters.q) filter.query = String(filters.q);
		if (filters.status) {
			const status = String(filters.status) as SenderNameStatus;
			if (!STATUSES.includes(status)) {
				throw new NodeOperationError(this.getNode(), `"${status}" is not a sender-name status`, {
					itemIndex,
					description: 'Use approved, pending or rejected.',
				});
			}
			filter.status = status;
		}
		const names = await capability.list(http, credentials, filter);
		const returnAll = read<boolean>('returnAll', itemIndex, false);
		// The gateway has no paging (docs/gateways/smsbox.md#sender-names): the limit is applied here.
		const kept = returnAll ? names : names.slice(0, Number(read('limit', itemIndex, 50)));
		return kept.map((n) => ({
			gateway: adapter.id,
			id: n.id,
			name: n.name,
			status: n.status,
			created: n.created,
		}));
	});
}

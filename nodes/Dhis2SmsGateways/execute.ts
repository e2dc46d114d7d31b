/**
 * One operation per input item. Get Many outputs one item per gateway; Get the gateway; Create,
 * Update and Set Default `{id, message, gateway}` with DHIS2's own message and the configuration as
 * stored afterwards; Delete `{id, message, deleted}`. Passwords, tokens and confidential parameter
 * values are always masked.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GatewayAdminResult } from '../shared/core/adapter';
import { adapterFor } from '../shared/registry/registry';
import { n8nHttpClient } from '../shared/core/transport';
import { itemParameterReader } from '../shared/n8n/item-parameters';
import { inputError, runPerItem } from '../shared/n8n/per-item';
import { readGatewayInput } from './read-input';

function resultJson(result: GatewayAdminResult): IDataObject {
	return { id: result.id, message: result.message, gateway: result.gateway as IDataObject };
}

export async function dhis2SmsGateways(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const adapter = adapterFor(this.getNodeParameter('gateway', 0) as string);
	const capability = adapter.gatewayAdmin;
	if (!capability) {
		throw new NodeOperationError(
			this.getNode(),
			`${adapter.displayName} has no SMS gateways to administer`,
			{
				description: 'Choose DHIS2.',
			},
		);
	}
	const operation = this.getNodeParameter('operation', 0) as string;
	const http = n8nHttpClient(this, adapter.credentialType);
	const read = itemParameterReader(this);

	return await runPerItem(this, async (itemIndex) => {
		const credentials = await this.getCredentials(adapter.credentialType);
		const id = () => String(read('gatewayId', itemIndex, '') ?? '');
		switch (operation) {
			case 'getAll':
				return (await capability.list(http, credentials)) as IDataObject[];
			case 'get':
				return (await capability.get(http, credentials, id())) as IDataObject;
			case 'create':
			case 'update': {
				const input = readGatewayInput(read, operation, itemIndex);
				const problem = capability.check(operation, input);
				if (problem) throw inputError(this.getNode(), problem, itemIndex);
				const result =
					operation === 'create'
						? await capability.create(http, credentials, input)
						: await capability.update(http, credentials, id(), input);
				return resultJson(result);
			}
			case 'delete': {
				const result = await capability.remove(http, credentials, id());
				return { id: result.id, message: result.message, deleted: true };
			}
			case 'setDefault':
				return resultJson(await capability.setDefault(http, credentials, id()));
			default:
				throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, {
					itemIndex,
				});
		}
	});
}

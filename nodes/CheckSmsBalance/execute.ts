/**
 * One balance read per input item. Output: `gateway`, `balance` (a number; Africa's Talking can be
 * negative), `currency` (null when the gateway does not say), `raw` (the gateway's reply, which
 * holds no credential) and, with a threshold, `belowThreshold`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { adapterFor } from '../shared/registry/registry';
import { n8nHttpClient } from '../shared/core/transport';
import { itemParameterReader } from '../shared/n8n/item-parameters';
import { runPerItem } from '../shared/n8n/per-item';

export async function checkSmsBalance(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const adapter = adapterFor(this.getNodeParameter('gateway', 0) as string);
	const capability = adapter.balance;
	if (!capability) {
		throw new NodeOperationError(
			this.getNode(),
			`${adapter.displayName} has no account balance to check`,
			{
				description: "Choose Africa's Talking, Gupshup or SMSBox.",
			},
		);
	}
	const http = n8nHttpClient(this, adapter.credentialType);
	const read = itemParameterReader(this);

	return await runPerItem(this, async (itemIndex) => {
		const options = read<IDataObject>('options', itemIndex, {});
		const credentials = await this.getCredentials(adapter.credentialType);
		const result = await capability.getBalance(http, credentials);
		const json: IDataObject = {
			gateway: adapter.id,
			balance: result.balance,
			currency: result.currency,
			raw: result.raw as IDataObject,
		};
		if (options.threshold !== undefined && options.threshold !== '') {
			const threshold = Number(options.threshold);
			if (!Number.isFinite(threshold)) {
				throw new NodeOperationError(
					this.getNode(),
					`"${String(options.threshold)}" is not a number`,
					{
						itemIndex,
						description: 'Give "Alert Threshold" as an amount, for example 500.',
					},
				);
			}
			json.threshold = threshold;
			json.belowThreshold = result.balance < threshold;
		}
		return json;
	});
}

/**
 * The item loop of the action nodes that make one gateway call per input item (balance, sender
 * names, scheduled changes, DHIS2 gateways): each result is paired with its input item, and a
 * failure stays with its item when "On Error" continues, in the regular or the error output
 * (docs/n8n-behaviour.md#items-errors-and-continue-on-fail).
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GatewayError } from '../core/errors';
import type { GatewayErrorInfo } from '../core/types';
import { toNodeError } from './errors';

/** A problem found before calling the gateway: nothing was sent, so it is not an API error. */
export function inputError(
	node: INode,
	info: GatewayErrorInfo,
	itemIndex: number,
): NodeOperationError {
	const error = new NodeOperationError(node, info.message, {
		itemIndex,
		description: info.explanation,
	});
	error.context.code = info.code;
	return error;
}

export async function runPerItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const returnData: INodeExecutionData[] = [];
	const count = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const result = await handle(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				returnData.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			const code =
				error instanceof GatewayError
					? error.info.code
					: (nodeError.context?.code as string | undefined);
			const failed: INodeExecutionData = {
				// Only error keys, so n8n's error output recognises the item (WorkflowExecute).
				json: {
					error: nodeError.message,
					details: { code: code ?? null, description: nodeError.description ?? null },
				},
				pairedItem: { item: itemIndex },
			};
			if (context.getNode().onError === 'continueErrorOutput') failed.error = nodeError;
			returnData.push(failed);
		}
	}
	return [returnData];
}

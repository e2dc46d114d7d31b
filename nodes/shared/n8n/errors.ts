/**
 * The one place where the package's errors (core/errors.ts: TransportError, GatewayError) become
 * n8n errors that name the item and say what to do, without leaking anything from the request
 * (credentials live in headers n8n adds; they never reach these).
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { GatewayError, transportFailure } from '../core/errors';
import type { GatewayErrorInfo } from '../core/types';

export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof GatewayError)
		return gatewayErrorToNodeError(node, error.info, itemIndex, error.httpStatus);
	const failure = transportFailure(error);
	if (failure) {
		return new NodeOperationError(node, failure.message, {
			itemIndex,
			description:
				failure.delivery === 'notSent'
					? 'The gateway could not be reached. Check the base URL in the credential and that the gateway is up.'
					: 'The gateway did not answer in time.',
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error.message : String(error), {
		itemIndex,
	});
}

export function gatewayErrorToNodeError(
	node: INode,
	info: GatewayErrorInfo,
	itemIndex: number,
	httpStatus?: number,
): NodeApiError {
	return new NodeApiError(node, { code: info.code, message: info.message } as JsonObject, {
		itemIndex,
		message: info.message,
		description: info.explanation,
		httpCode: httpStatus ? String(httpStatus) : undefined,
	});
}

/**
 * The error of a `loadOptions` method (a dropdown the editor fills): a gateway's refusal in its own
 * words with its explanation, anything else (a network failure, …) with its message.
 */
export function toLoadOptionsError(node: INode, error: unknown): NodeOperationError {
	if (error instanceof GatewayError) {
		return new NodeOperationError(node, error.info.message, {
			description: error.info.explanation,
		});
	}
	return new NodeOperationError(node, error as Error);
}

/**
 * Runs a node's `loadOptions` method the way the editor does: in n8n-core's LoadOptionsContext,
 * with the node's current parameters, credentials applied by their own `authenticate`, and HTTP
 * through n8n-core's request helpers to the simulator.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeParameters, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { buildAdditionalData, buildNode, buildWorkflow } from '../../harness/engine';

export async function loadOptions(
	type: string,
	method: string,
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<INodePropertyOptions[]> {
	const workflow = buildWorkflow([buildNode({ type, parameters, credentials })]);
	const node = workflow.getNode('Node')!;
	const additionalData = buildAdditionalData(credentials);
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${method}`);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
	const load = nodeType.methods?.loadOptions?.[method];
	if (!load) throw new Error(`${type} has no loadOptions method ${method}`);
	return await load.call(context);
}

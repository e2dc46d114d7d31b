/**
 * Runs a polling trigger's `poll()` the way n8n's ActiveWorkflows does: in n8n-core's real
 * PollContext, over a Workflow whose node static data is what n8n would have saved (so a test can
 * carry it into a new Workflow to model a restart), with credentials applied by the package's own
 * `authenticate` and HTTP through n8n-core's request helpers.
 */
import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { buildAdditionalData, buildNode, buildWorkflow } from './engine';

export interface PollRun {
	items: IDataObject[] | null;
	/** The node's static data after the poll, as n8n would store it (a JSON copy). */
	staticData: IDataObject;
	error?: Error;
}

export async function runPoll(options: {
	type: string;
	nodeClass: INodeType;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data from an earlier poll (as stored), or nothing for a new workflow. */
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	pollBudgetMs?: number;
}): Promise<PollRun> {
	const node = buildNode({
		type: options.type,
		parameters: options.parameters,
		credentials: options.credentials,
	});
	const staticData = JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject;
	const workflow = buildWorkflow([node], [], staticData);
	const additionalData = buildAdditionalData(options.credentials);
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'trigger',
		'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs!,
	);
	let items: IDataObject[] | null = null;
	let error: Error | undefined;
	try {
		const result: INodeExecutionData[][] | null = await options.nodeClass.poll!.call(context);
		items = result === null ? null : result[0].map((i) => i.json);
	} catch (e) {
		error = e as Error;
	}
	return {
		items,
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		error,
	};
}

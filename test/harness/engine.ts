/**
 * Runs nodes inside n8n's real engine (n8n-core WorkflowExecute), as n8n's own NodeTestHarness
 * does (packages/core/nodes-testing), which is not published: parameters and expressions are
 * resolved by n8n-workflow, credentials go through the generic `authenticate` the way the cli
 * applies it, HTTP goes through n8n-core's request helpers for real (to the simulator on loopback),
 * and errors, continueOnFail, error outputs and pairedItem behave as in n8n.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { CredentialsHelper } from './credentials-helper';
import { NodeTypes, typeName } from './node-types';
import { packageCredentialTypes, packageNodeTypes } from './package-types';
import { instanceUrls } from '../fixtures/instance-urls';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface RunNodeOptions {
	/** The node's `description.name`, e.g. `sendSms`. */
	type: string;
	parameters: INodeParameters;
	/** Credential data by credential type name, e.g. `{ smsBoxApi: {...} }`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items (json only is enough); one empty item when omitted. */
	items?: Array<IDataObject | INodeExecutionData>;
	onError?: OnError;
	/** Extra node classes (test probes) besides the package's own. */
	extraNodes?: INodeType[];
	mode?: WorkflowExecuteMode;
	nodeName?: string;
}

export interface RunNodeResult {
	run: IRun;
	/** Every output of the node: [0] main, [1] error output when `continueErrorOutput`. */
	outputs: INodeExecutionData[][];
	/** Shortcut: the main output's items. */
	items: INodeExecutionData[];
	/** JSON of the main output's items. */
	json: IDataObject[];
	error?: Error & { description?: string; context?: IDataObject };
	/** The workflow, so a test can look at static data after the run. */
	workflow: Workflow;
}

let credentialTypesCache: Map<string, ICredentialType> | undefined;
let nodeTypesCache: INodeType[] | undefined;

export function credentialTypes(): Map<string, ICredentialType> {
	credentialTypesCache ??= new Map(packageCredentialTypes().map((c) => [c.name, c]));
	return credentialTypesCache;
}

function nodeClasses(): INodeType[] {
	nodeTypesCache ??= packageNodeTypes();
	return nodeTypesCache;
}

function toItem(item: IDataObject | INodeExecutionData): INodeExecutionData {
	return 'json' in item && typeof item.json === 'object'
		? (item as INodeExecutionData)
		: { json: item as IDataObject };
}

/**
 * The execution's additional data, as a plain object: the fields n8n-core reads during a node run
 * are set to what the cli would set; anything else reads as undefined. (A jest deep mock would hand
 * n8n-core truthy fake values and make it decrypt an execution context or call an SSRF bridge, and
 * would tie the harness to jest, which the benchmarks do not run under.)
 */
export function buildAdditionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const data: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper: new CredentialsHelper(credentialTypes(), credentials),
		hooks,
		currentNodeExecutionIndex: 0,
		...instanceUrls(),
		variables: {},
		logAiEvent: () => {},
	};
	return data as IWorkflowExecuteAdditionalData;
}

export function buildNode(options: {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	onError?: OnError;
	name?: string;
	typeVersion?: number;
}): INode {
	const node: INode = {
		id: 'node-under-test',
		name: options.name ?? 'Node',
		type: typeName(options.type),
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.keys(options.credentials ?? {}).map((t) => [t, { id: `${t}-id`, name: t }]),
		),
		webhookId: 'hook-under-test',
	};
	if (options.onError) {
		node.onError = options.onError;
		node.continueOnFail = options.onError !== 'stopWorkflow';
	}
	return node;
}

export function buildWorkflow(
	nodes: INode[],
	extraNodes: INodeType[] = [],
	staticData?: IDataObject,
): Workflow {
	return new Workflow({
		id: 'workflow-under-test',
		name: 'engine tier',
		nodes,
		connections: {},
		active: false,
		nodeTypes: new NodeTypes([...nodeClasses(), ...extraNodes]),
		staticData,
		settings: { executionOrder: 'v1' },
	});
}

/** Runs one node with the given input items through WorkflowExecute and returns its outputs. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	return await runBuiltNode(buildNode({ ...options, name: options.nodeName }), options);
}

/**
 * Runs a node given as n8n stores it (for example a node of a saved workflow's JSON, with its own
 * `parameters` and `credentials`), with the credential data of `options.credentials` by type.
 */
export async function runBuiltNode(
	node: INode,
	options: Omit<RunNodeOptions, 'type' | 'parameters' | 'nodeName'>,
): Promise<RunNodeResult> {
	const credentials = options.credentials ?? {};
	const workflow = buildWorkflow([node], options.extraNodes);
	const mode = options.mode ?? 'manual';

	const hooks = new ExecutionLifecycleHooks(mode, 'execution-under-test', {
		id: 'workflow-under-test',
		name: 'engine tier',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
	});
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const additionalData = buildAdditionalData(credentials, hooks);

	const inputItems = (options.items ?? [{}]).map(toItem);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [inputItems] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalData, mode, runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	const items = outputs[0] ?? [];
	return {
		run,
		outputs,
		items,
		json: items.map((i) => i.json),
		error: (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'],
		workflow,
	};
}

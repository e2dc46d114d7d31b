/**
 * n8n's "Test credential" button, re-enacted in the engine: the credential's `test.request` has its
 * `$credentials` expressions resolved by n8n-workflow, is authenticated by the credential's own
 * `authenticate`, and is sent by n8n-core's request helper; then the credential's rules are applied
 * as credentials-tester.service.ts applies them (non-2xx → Error; responseSuccessBody rules).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildNode, buildWorkflow, credentialTypes, runNode } from './engine';

class CredentialProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Credential Probe',
		name: 'credentialProbe',
		group: ['transform'],
		version: 1,
		description: 'Test-only node that sends one authenticated request',
		defaults: { name: 'Credential Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [...credentialTypes().keys()].map((name) => ({ name, required: false })),
		properties: [
			{ displayName: 'Type', name: 'credentialType', type: 'string', default: '' },
			{ displayName: 'Request', name: 'request', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentialType = this.getNodeParameter('credentialType', 0) as string;
		const request = JSON.parse(
			this.getNodeParameter('request', 0) as string,
		) as IHttpRequestOptions;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				{
					...request,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					json: true,
				},
			)) as { statusCode: number; body: unknown };
			return [[{ json: { statusCode: response.statusCode, body: response.body as IDataObject } }]];
		} catch (error) {
			return [[{ json: { statusCode: 0, body: { transportError: (error as Error).message } } }]];
		}
	}
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	statusCode: number;
	body: unknown;
}

export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const credentialType = credentialTypes().get(type);
	if (!credentialType?.test) throw new Error(`${type} has no test request`);
	const probe = new CredentialProbe();

	// Resolve `={{$credentials…}}` in the test request the way n8n does before sending it.
	const node = buildNode({
		type: 'credentialProbe',
		parameters: {},
		credentials: { [type]: data },
	});
	const workflow = buildWorkflow([node], [probe]);
	const { baseURL, url, ...rest } = workflow.expression.getComplexParameterValue(
		node,
		credentialType.test.request as unknown as INodeParameters,
		'internal',
		{ $credentials: data },
		undefined,
		undefined,
		data,
	) as IDataObject & { baseURL?: string; url?: string };
	const request = { ...rest, url: `${baseURL ?? ''}${url ?? ''}` };

	const result = await runNode({
		type: 'credentialProbe',
		parameters: { credentialType: type, request: JSON.stringify(request) },
		credentials: { [type]: data },
		extraNodes: [probe],
	});
	const { statusCode, body } = result.json[0] as { statusCode: number; body: IDataObject };
	if (statusCode < 200 || statusCode > 299) {
		return { status: 'Error', message: `HTTP ${statusCode}`, statusCode, body };
	}
	for (const rule of credentialType.test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const { key, value, message } = rule.properties as {
				key: string;
				value: unknown;
				message: string;
			};
			if (body && (body as IDataObject)[key] === value)
				return { status: 'Error', message, statusCode, body };
		}
	}
	return { status: 'OK', message: 'Connection tested successfully', statusCode, body };
}

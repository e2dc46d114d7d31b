/**
 * Imports workflow JSON files (the `examples/` folder) into n8n, once: a workflow whose name is
 * already there is left alone, so the user's edits survive a restart. Each node's credentials are
 * pointed at the stored credential of the same type (example files cannot know the ids n8n gave
 * them here). A file with `"active": true` is activated after import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type {
	CredentialSummary,
	N8nRestClient,
	WorkflowDefinition,
	WorkflowNode,
} from './rest-client';

export interface ImportReport {
	imported: string[];
	alreadyThere: string[];
	/** File name → why it could not be imported or activated. */
	failed: Record<string, string>;
}

export async function importWorkflowFiles(
	client: N8nRestClient,
	directory: string,
	credentialsByType: Record<string, CredentialSummary>,
): Promise<ImportReport> {
	const report: ImportReport = { imported: [], alreadyThere: [], failed: {} };
	if (!fs.existsSync(directory)) return report;
	const files = fs
		.readdirSync(directory)
		.filter((file) => file.endsWith('.json'))
		.sort();
	const existingNames = new Set((await client.listWorkflows()).map((w) => w.name));
	for (const file of files) {
		try {
			const workflow = JSON.parse(
				fs.readFileSync(path.join(directory, file), 'utf8'),
			) as WorkflowDefinition & {
				id?: unknown;
				active?: boolean;
			};
			if (typeof workflow.name !== 'string' || !Array.isArray(workflow.nodes)) {
				throw new Error('not an n8n workflow (needs "name" and "nodes")');
			}
			if (existingNames.has(workflow.name)) {
				report.alreadyThere.push(workflow.name);
				continue;
			}
			// n8n gives the workflow its own id; activation is a separate call.
			const { id, active, ...definition } = workflow;
			void id;
			const stored = await client.createWorkflow({
				...definition,
				connections: definition.connections ?? {},
				nodes: definition.nodes.map((node) => withLocalCredentials(node, credentialsByType)),
			});
			existingNames.add(workflow.name);
			report.imported.push(workflow.name);
			if (active === true) await client.activateWorkflow(stored);
		} catch (error) {
			report.failed[file] = (error as Error).message;
		}
	}
	return report;
}

function withLocalCredentials(
	node: WorkflowNode,
	credentialsByType: Record<string, CredentialSummary>,
): WorkflowNode {
	if (!node.credentials) return node;
	const credentials: Record<string, { id: string; name: string }> = {};
	for (const [type, reference] of Object.entries(node.credentials)) {
		const local = credentialsByType[type];
		credentials[type] = local ? { id: local.id, name: local.name } : reference;
	}
	return { ...node, credentials };
}

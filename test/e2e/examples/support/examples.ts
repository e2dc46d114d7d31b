/**
 * The example workflows (`examples/*.json`) as the tests use them: read from disk, given the
 * webhook secret a user would set in place of the placeholder, and imported through
 * tooling/n8n/import-workflows.ts, the same import (and credential binding by type) that
 * `npm run dev` does.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { importWorkflowFiles } from '../../../../tooling/n8n/import-workflows';
import { REPO_ROOT } from '../../../../tooling/n8n/paths';
import type {
	CredentialSummary,
	N8nRestClient,
	WorkflowNode,
} from '../../../../tooling/n8n/rest-client';
import { CREDENTIAL_TYPE_BY_GATEWAY } from '../../../../tooling/n8n/simulator-credentials';
import type { E2eContext } from '../../support/context';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The secret the examples ship with; the sticky notes tell users to replace it. */
export const PLACEHOLDER_SECRET = 'replace-with-a-long-random-secret';

export interface ExampleFile {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
	active?: boolean;
	[key: string]: unknown;
}

export interface ImportedExample {
	id: string;
	versionId: string;
	name: string;
	nodes: WorkflowNode[];
}

export function exampleFiles(): string[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

export function readExample(file: string): ExampleFile {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as ExampleFile;
}

/** The simulator credentials global setup stored, by credential type (what import-workflows binds by). */
export function credentialsByType(context: E2eContext): Record<string, CredentialSummary> {
	const byType: Record<string, CredentialSummary> = {};
	for (const [gateway, type] of Object.entries(CREDENTIAL_TYPE_BY_GATEWAY)) {
		byType[type] = context.credentials[gateway as keyof typeof CREDENTIAL_TYPE_BY_GATEWAY];
	}
	return byType;
}

/** The example with `secret` in place of the placeholder, as a user would edit it. */
export function withSecret(example: ExampleFile, secret: string): ExampleFile {
	return {
		...example,
		nodes: example.nodes.map((node) =>
			node.parameters.secretToken === undefined
				? node
				: { ...node, parameters: { ...node.parameters, secretToken: secret } },
		),
	};
}

/**
 * Imports one example (optionally with a secret) into the running n8n and reads it back. Each
 * example is imported once per e2e run: import-workflows skips a name that is already there.
 */
export async function importExample(
	client: N8nRestClient,
	context: E2eContext,
	file: string,
	options: { secret?: string } = {},
): Promise<ImportedExample> {
	const original = readExample(file);
	const example = options.secret === undefined ? original : withSecret(original, options.secret);
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-example-'));
	try {
		fs.writeFileSync(path.join(folder, file), JSON.stringify(example));
		const report = await importWorkflowFiles(client, folder, credentialsByType(context));
		if (report.failed[file]) throw new Error(`import of ${file} failed: ${report.failed[file]}`);
		if (!report.imported.includes(example.name)) {
			throw new Error(
				`${file} was not imported (already there: ${report.alreadyThere.join(', ')})`,
			);
		}
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	const summary = (await client.listWorkflows()).find((workflow) => workflow.name === example.name);
	if (!summary) throw new Error(`imported workflow "${example.name}" not listed`);
	const stored = await client.getWorkflow(summary.id);
	return { id: stored.id, versionId: stored.versionId, name: stored.name, nodes: stored.nodes };
}

export function nodeNamed(workflow: { nodes: WorkflowNode[] }, name: string): WorkflowNode {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`no node "${name}" in the workflow`);
	return node;
}

export interface Contact {
	name: string;
	phone: string;
}

/**
 * The contacts an example's "Contact list" Code node returns, read from its source, so tests
 * follow the example file rather than a copy of its list. Only `+` numbers are read: the lists of
 * the campaign examples are written that way.
 */
export function contactsOf(node: WorkflowNode): Contact[] {
	const code = String(node.parameters.jsCode);
	const contacts = [...code.matchAll(/name: '([^']+)', phone: '(\+\d+)'/g)].map(
		([, name, phone]) => ({ name, phone }),
	);
	if (contacts.length < 2) throw new Error(`expected contacts with + numbers in ${node.name}`);
	return contacts;
}

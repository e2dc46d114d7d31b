/**
 * Every example file against the node types the real n8n loaded (`/types/nodes.json`): each node
 * type and version exists, every parameter an example sets is one the node has (n8n silently
 * ignores unknown ones, so a typo would only show as a wrong run), option values are ones the node
 * offers, credentials are the type the node asks for with that gateway, and the triggers ship a
 * placeholder secret with authentication on, inactive. Each example is named in examples/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { TypeSummary, WorkflowNode } from '../../../tooling/n8n/rest-client';
import { loadE2eContext, ownerClient } from '../support/context';
import { PACKAGE_NAME } from '../../../tooling/n8n/workflows';
import {
	EXAMPLES_DIR,
	PLACEHOLDER_SECRET,
	exampleFiles,
	readExample,
	type ExampleFile,
} from './support/examples';
import { TRIGGER_PATHS } from './support/triggers';

interface Property {
	name: string;
	type: string;
	options?: Array<{ name: string; value?: unknown }>;
}

interface CredentialRequirement {
	name: string;
	displayOptions?: { show?: Record<string, unknown[]> };
}

type NodeTypeSummary = TypeSummary & {
	version: number | number[];
	properties: Property[];
	credentials?: CredentialRequirement[];
};

const EXPECTED_EXAMPLES = [
	'auto-reply.json',
	'balance-guard.json',
	'bulk-campaign.json',
	'crash-safe-campaign.json',
	'delivery-failures.json',
	'inbound-to-dhis2.json',
	'reschedule.json',
	'resume-campaign.json',
	'stop-suppression.json',
];

describe('the example workflow files', () => {
	const files = exampleFiles();
	const examples = files.map((file) => [file, readExample(file)] as const);
	let nodeTypes: NodeTypeSummary[];

	beforeAll(async () => {
		nodeTypes = (await ownerClient(loadE2eContext()).nodeTypes()) as NodeTypeSummary[];
	});

	function typeOf(node: WorkflowNode): NodeTypeSummary {
		const versions = nodeTypes.filter((t) => t.name === node.type);
		const match = versions.find((t) => [t.version].flat().includes(node.typeVersion));
		if (!match)
			throw new Error(`${node.name}: n8n has no ${node.type} version ${node.typeVersion}`);
		return match;
	}

	it('are the nine examples, with distinct workflow names', () => {
		expect(files).toEqual(EXPECTED_EXAMPLES);
		expect(new Set(examples.map(([, e]) => e.name)).size).toBe(files.length);
	});

	it.each(EXPECTED_EXAMPLES)(
		'%s: unique node names and ids, connections between existing nodes, a sticky note',
		(file) => {
			const example = readExample(file);
			const names = example.nodes.map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
			expect(new Set(example.nodes.map((n) => n.id)).size).toBe(names.length);
			for (const [from, outputs] of Object.entries(example.connections)) {
				expect(names).toContain(from);
				for (const target of outputs.main.flat()) expect(names).toContain(target.node);
			}
			expect(example.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
			// Every node but the sticky notes and the triggers has an input connection.
			const targets = new Set(
				Object.values(example.connections).flatMap((o) => o.main.flat().map((t) => t.node)),
			);
			const unconnected = example.nodes
				.filter(
					(n) => n.type !== 'n8n-nodes-base.stickyNote' && !isTrigger(n) && !targets.has(n.name),
				)
				.map((n) => n.name);
			expect(unconnected).toEqual([]);
		},
	);

	it.each(EXPECTED_EXAMPLES)(
		'%s: node types, versions and parameter names exist in the installed n8n',
		(file) => {
			for (const node of readExample(file).nodes) {
				const type = typeOf(node);
				const known = new Set(type.properties.map((p) => p.name));
				expect({
					node: node.name,
					unknown: Object.keys(node.parameters).filter((key) => !known.has(key)),
				}).toEqual({
					node: node.name,
					unknown: [],
				});
			}
		},
	);

	it.each(EXPECTED_EXAMPLES)(
		"%s: this package's nodes get option values and options they offer",
		(file) => {
			for (const node of readExample(file).nodes.filter((n) =>
				n.type.startsWith(`${PACKAGE_NAME}.`),
			)) {
				const properties = typeOf(node).properties;
				for (const [key, value] of Object.entries(node.parameters)) {
					const candidates = properties.filter((p) => p.name === key);
					// Fixed lists only: a list loaded from the account (SMSBox sender names) is not in nodes.json.
					const fixedLists = candidates.filter(
						(p) => p.type === 'options' && (p.options ?? []).length > 0,
					);
					if (fixedLists.length > 0 && typeof value === 'string' && !value.startsWith('=')) {
						const allowed = fixedLists.flatMap((p) => (p.options ?? []).map((o) => o.value));
						expect({ node: node.name, key, value, allowed: allowed.includes(value) }).toEqual({
							node: node.name,
							key,
							value,
							allowed: true,
						});
					}
					if (candidates.some((p) => p.type === 'collection')) {
						const allowed = new Set(
							candidates.flatMap((p) => (p.options ?? []).map((o) => o.name)),
						);
						const unknown = Object.keys(value as object).filter((option) => !allowed.has(option));
						expect({ node: node.name, key, unknown }).toEqual({
							node: node.name,
							key,
							unknown: [],
						});
					}
				}
			}
		},
	);

	it.each(EXPECTED_EXAMPLES)(
		'%s: credentials are the type the node asks for with its gateway',
		(file) => {
			for (const node of readExample(file).nodes.filter((n) => n.credentials)) {
				const required = (typeOf(node).credentials ?? []).filter((c) => {
					const shown = c.displayOptions?.show ?? {};
					return Object.entries(shown).every(([parameter, values]) =>
						values.includes(node.parameters[parameter]),
					);
				});
				expect({ node: node.name, types: Object.keys(node.credentials!) }).toEqual({
					node: node.name,
					types: required.map((c) => c.name),
				});
			}
		},
	);

	it.each(EXPECTED_EXAMPLES)(
		'%s: ships inactive; triggers ask for a secret and carry the placeholder to replace',
		(file) => {
			const example: ExampleFile = readExample(file);
			expect(example.active).toBe(false);
			for (const node of example.nodes.filter((n) => TRIGGER_PATHS[n.type])) {
				expect({
					node: node.name,
					authentication: node.parameters.authentication,
					secret: node.parameters.secretToken,
				}).toEqual({
					node: node.name,
					authentication: 'token',
					secret: PLACEHOLDER_SECRET,
				});
				expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
			}
		},
	);

	it('give every trigger its own webhook id', () => {
		const ids = examples.flatMap(([, e]) =>
			e.nodes.filter((n) => n.webhookId).map((n) => n.webhookId),
		);
		expect(ids.length).toBeGreaterThanOrEqual(3);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('are each described in examples/README.md', () => {
		const readme = fs.readFileSync(path.join(EXAMPLES_DIR, 'README.md'), 'utf8');
		for (const file of files)
			expect({ file, named: readme.includes(`\`${file}\``) }).toEqual({ file, named: true });
	});
});

function isTrigger(node: WorkflowNode): boolean {
	return node.type === 'n8n-nodes-base.manualTrigger' || TRIGGER_PATHS[node.type] !== undefined;
}

/**
 * Headless Chromium opens the real n8n editor on a workflow holding every node of this package:
 * each is drawn on the canvas with its own icon, loaded from the installed package. The
 * screenshot goes to test-results/e2e-editor.png (docs/ holds the curated ones, made with
 * tooling/n8n/screenshot-cli.ts).
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';

import { screenshotWorkflow, type CanvasNode } from '../../tooling/n8n/editor-screenshot';
import { REPO_ROOT } from '../../tooling/n8n/paths';
import type { TypeSummary, WorkflowNode } from '../../tooling/n8n/rest-client';
import { packageNodeTypes } from '../harness/package-types';
import { loadE2eContext, ownerClient } from './support/context';
import { PACKAGE_NAME, uniqueTag } from '../../tooling/n8n/workflows';

const PER_ROW = 4;

describe('the n8n editor, in headless Chromium', () => {
	const nodeTypes = packageNodeTypes();
	let canvas: CanvasNode[];
	let loadedTypes: TypeSummary[];

	beforeAll(async () => {
		const context = loadE2eContext();
		const client = ownerClient(context);
		loadedTypes = await client.nodeTypes();
		const nodes: WorkflowNode[] = nodeTypes.map((node, index) => {
			const version = node.description.version;
			return {
				id: randomUUID(),
				name: node.description.defaults.name ?? node.description.displayName,
				type: `${PACKAGE_NAME}.${node.description.name}`,
				typeVersion: Array.isArray(version) ? Math.max(...version) : version,
				position: [(index % PER_ROW) * 280, Math.floor(index / PER_ROW) * 240],
				parameters: {},
				...(node.description.webhooks ? { webhookId: randomUUID() } : {}),
			};
		});
		const workflow = await client.createWorkflow({
			name: `e2e every node ${uniqueTag()}`,
			nodes,
			connections: {},
		});
		canvas = await screenshotWorkflow({
			n8nUrl: context.n8nUrl,
			authCookie: context.authCookie,
			workflowId: workflow.id,
			file: path.join(REPO_ROOT, 'test-results', 'e2e-editor.png'),
		});
	});

	it('draws every node of the package', () => {
		expect(canvas.map((node) => node.type).sort()).toEqual(
			nodeTypes.map((node) => `${PACKAGE_NAME}.${node.description.name}`).sort(),
		);
	});

	it('shows each node with its own icon, served by n8n from the installed package', () => {
		for (const node of canvas) {
			const type = loadedTypes.find((t) => t.name === node.type);
			const iconUrl = (type?.iconUrl as { light: string } | undefined)?.light;
			expect({ node: node.type, iconUrl }).toEqual({
				node: node.type,
				iconUrl: expect.stringContaining(`icons/${PACKAGE_NAME}/`),
			});
			expect({ node: node.type, icons: node.icons }).toEqual({
				node: node.type,
				icons: [
					{
						src: expect.stringMatching(
							new RegExp(`/icons/${PACKAGE_NAME}/dist/icons/[^/]+\\.svg$`),
						),
						loaded: true,
					},
				],
			});
		}
	});
});

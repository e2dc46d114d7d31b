/**
 * The packed package, installed as a community package, is loaded by the real n8n: every node of
 * package.json `n8n.nodes` appears as `n8n-nodes-sms-gateways.<name>`, every credential of
 * `n8n.credentials` is known with the package's icons and its nodes, and the icons are served.
 */
import axios from 'axios';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import type { N8nRestClient, TypeSummary } from '../../tooling/n8n/rest-client';
import { packageCredentialTypes, packageNodeTypes } from '../harness/package-types';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { PACKAGE_NAME } from '../../tooling/n8n/workflows';

type Themed = { light: string; dark: string };

describe('the installed package in a real n8n', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let nodeTypes: TypeSummary[];
	let credentialTypes: TypeSummary[];
	const expectedNodes: INodeType[] = packageNodeTypes();
	const expectedCredentials: ICredentialType[] = packageCredentialTypes();

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		[nodeTypes, credentialTypes] = await Promise.all([
			client.nodeTypes(),
			client.credentialTypes(),
		]);
	});

	async function expectServedSvg(iconPath: string): Promise<void> {
		const response = await axios.get(`${context.n8nUrl}/${iconPath}`, {
			headers: { cookie: context.authCookie },
			responseType: 'text',
			validateStatus: () => true,
		});
		expect({ iconPath, status: response.status }).toEqual({ iconPath, status: 200 });
		expect(String(response.data)).toContain('<svg');
	}

	it('lists the package under its npm name, not as a custom (CUSTOM.*) folder', () => {
		expect(context.packageName).toBe(PACKAGE_NAME);
		expect(nodeTypes.some((t) => t.name.startsWith('CUSTOM.'))).toBe(false);
	});

	it.each(expectedNodes.map((node) => [node.description.name, node] as const))(
		'has node %s as n8n-nodes-sms-gateways.%s with its icons',
		async (name, node) => {
			const loaded = nodeTypes.filter((t) => t.name === `${PACKAGE_NAME}.${name}`);
			// n8n lists one entry per version of a node type.
			expect(loaded.length).toBeGreaterThanOrEqual(1);
			expect(loaded[0].displayName).toBe(node.description.displayName);
			const iconUrl = loaded[0].iconUrl as Themed;
			expect(iconUrl.light).toMatch(new RegExp(`^icons/${PACKAGE_NAME}/dist/`));
			await expectServedSvg(iconUrl.light);
			await expectServedSvg(iconUrl.dark);
		},
	);

	it('loads no node of this package that package.json does not list (besides n8n-made AI tool variants)', () => {
		const listed = new Set(expectedNodes.map((n) => `${PACKAGE_NAME}.${n.description.name}`));
		const extra = nodeTypes
			.map((t) => t.name)
			.filter((name) => name.startsWith(`${PACKAGE_NAME}.`) && !listed.has(name))
			// n8n adds `<name>Tool` for nodes with `usableAsTool: true`.
			.filter((name) => !listed.has(name.replace(/Tool$/, '')));
		expect(extra).toEqual([]);
	});

	it.each(expectedCredentials.map((credential) => [credential.name, credential] as const))(
		'has credential %s, from this package, with its icons',
		async (name, credential) => {
			const loaded = credentialTypes.find((t) => t.name === name);
			expect(loaded).toBeDefined();
			expect(loaded!.displayName).toBe(credential.displayName);
			const iconUrl = loaded!.iconUrl as Themed;
			expect(iconUrl.light).toMatch(new RegExp(`^icons/${PACKAGE_NAME}/dist/`));
			await expectServedSvg(iconUrl.light);
			await expectServedSvg(iconUrl.dark);
			// n8n links each credential to the installed nodes that declare it.
			const supportedNodes = loaded!.supportedNodes as string[];
			expect(supportedNodes.length).toBeGreaterThan(0);
			for (const nodeType of supportedNodes)
				expect(nodeType.startsWith(`${PACKAGE_NAME}.`)).toBe(true);
		},
	);
});

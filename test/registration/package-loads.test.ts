/**
 * Loads the built package with n8n-core's PackageDirectoryLoader, exactly as n8n loads an installed
 * community package, and checks every node and credential registers with its icons. Runs against
 * dist/, so `npm run build` must have run (the test says so if it has not).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

import * as pkg from '../../package.json';

const ROOT = path.join(__dirname, '..', '..');

describe('the built package, as n8n loads it', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		if (!fs.existsSync(path.join(ROOT, 'dist')))
			throw new Error('dist/ is missing: run `npm run build` first');
		loader = new PackageDirectoryLoader(ROOT);
		await loader.loadAll();
	});

	it('registers every credential of package.json with light and dark icons that exist', () => {
		const names = pkg.n8n.credentials.map((p) => path.basename(p).split('.')[0]);
		expect(names).toHaveLength(5);
		const known = Object.keys(loader.known.credentials).sort();
		expect(known).toEqual([
			'africasTalkingApi',
			'dhis2Api',
			'gupshupApi',
			'httpSmsGatewayApi',
			'smsBoxApi',
		]);
		for (const credential of loader.types.credentials) {
			// The loader turns `icon: 'file:…'` into the URLs the editor fetches.
			const iconUrl = credential.iconUrl as { light: string; dark: string };
			expect(iconUrl.light).toMatch(/^icons\/n8n-nodes-sms-gateways\/dist\/icons\/.+\.svg$/);
			expect(iconUrl.dark).toMatch(/\.dark\.svg$/);
			for (const url of [iconUrl.light, iconUrl.dark]) {
				expect(
					fs.existsSync(path.join(ROOT, url.replace(/^icons\/n8n-nodes-sms-gateways\//, ''))),
				).toBe(true);
			}
			expect(credential.test).toBeDefined();
			expect(credential.documentationUrl).toMatch(/^https:\/\//);
		}
	});

	it('registers every node of package.json, with icons n8n resolves to files in dist', () => {
		const expected = pkg.n8n.nodes.map((p) => path.basename(p).split('.')[0]);
		expect(Object.keys(loader.known.nodes).length).toBe(expected.length);
		for (const description of loader.types.nodes) {
			const iconUrl = description.iconUrl as { light: string; dark: string };
			expect(iconUrl.light).toMatch(/^icons\/n8n-nodes-sms-gateways\/dist\/.+\.svg$/);
			expect(iconUrl.dark).toMatch(/\.dark\.svg$/);
			for (const url of [iconUrl.light, iconUrl.dark]) {
				const file = url.replace(/^icons\/n8n-nodes-sms-gateways\//, '');
				expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
			}
		}
	});

	it('ships codex files and output schemas next to the nodes', () => {
		for (const nodePath of pkg.n8n.nodes) {
			const codex = path.join(ROOT, nodePath.replace(/\.js$/, '.json'));
			expect(JSON.parse(fs.readFileSync(codex, 'utf8')).categories).toContain('Communication');
		}
		// The editor asks for schemas/<node>/1.0.0[/<resource>/<operation>].json (n8n's schemaPreview
		// API), served from __schema__/v1.0.0[/<resource>/<operation>].json next to the node.
		for (const description of loader.types.nodes) {
			const dir = path.join(
				ROOT,
				path.dirname(loader.known.nodes[description.name].sourcePath),
				'__schema__',
			);
			const resources = description.properties.find((p) => p.name === 'resource')?.options ?? [];
			if (resources.length === 0) {
				expect(fs.existsSync(path.join(dir, 'v1.0.0.json'))).toBe(true);
				continue;
			}
			for (const operationProperty of description.properties.filter(
				(p) => p.name === 'operation',
			)) {
				const resource =
					operationProperty.displayOptions?.show?.resource?.[0] ??
					(resources[0] as { value: string }).value;
				for (const op of operationProperty.options as Array<{ value: string }>) {
					const file = path.join(dir, 'v1.0.0', String(resource), `${op.value}.json`);
					expect({ file, exists: fs.existsSync(file) }).toEqual({ file, exists: true });
				}
			}
		}
	});

	it('bundles libphonenumber-js once and requires nothing n8n forbids', () => {
		const vendor = path.join(ROOT, 'dist/nodes/shared/vendor/libphonenumber.js');
		const code = fs.readFileSync(vendor, 'utf8');
		expect(code).not.toMatch(/require\(["']libphonenumber-js/);
		expect(code.length).toBeGreaterThan(50_000);
	});
});

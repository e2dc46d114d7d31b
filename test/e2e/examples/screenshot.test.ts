/**
 * Headless Chromium opens the n8n editor, logged in with the owner's cookie, on the bulk campaign
 * example, and saves a screenshot the way `npm run docs:screenshots` makes the README's
 * docs/screenshot-bulk-campaign.png, but into a temporary folder: a test never rewrites docs/.
 * Every node of the example is drawn, and this package's nodes show their own icon, served from
 * the installed package and loaded by the browser.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { screenshotWorkflow, type CanvasNode } from '../../../tooling/n8n/editor-screenshot';
import type { N8nRestClient } from '../../../tooling/n8n/rest-client';
import { loadE2eContext, ownerClient, type E2eContext } from '../support/context';
import { PACKAGE_NAME } from '../../../tooling/n8n/workflows';
import { importExample, readExample, type ExampleFile } from './support/examples';

const FILE = 'bulk-campaign.json';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the bulk campaign example in the n8n editor (headless Chromium)', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let example: ExampleFile;
	let canvas: CanvasNode[];
	let startedAt: number;
	let folder: string;
	let screenshot: string;

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		example = readExample(FILE);
		// The bulk campaign test may have imported it already in this run.
		const existing = (await client.listWorkflows()).find((w) => w.name === example.name);
		const workflowId = existing?.id ?? (await importExample(client, context, FILE)).id;
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-screenshot-'));
		screenshot = path.join(folder, 'screenshot-bulk-campaign.png');
		startedAt = Date.now();
		canvas = await screenshotWorkflow({
			n8nUrl: context.n8nUrl,
			authCookie: context.authCookie,
			workflowId,
			file: screenshot,
			width: 1400,
			height: 760,
		});
	});

	afterAll(() => {
		if (folder) fs.rmSync(folder, { recursive: true, force: true });
	});

	it('draws every node of the example', () => {
		const drawn = canvas
			.map((node) => node.type)
			.filter((type) => type !== 'n8n-nodes-base.stickyNote')
			.sort();
		const expected = example.nodes
			.map((node) => node.type)
			.filter((type) => type !== 'n8n-nodes-base.stickyNote')
			.sort();
		expect(drawn).toEqual(expected);
	});

	it("shows this package's nodes with their own icon, loaded from the installed package", () => {
		const ours = canvas.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`));
		expect(ours.map((node) => node.type)).toEqual([
			`${PACKAGE_NAME}.sendSms`,
			`${PACKAGE_NAME}.sendSms`,
		]);
		for (const node of ours) {
			expect(node.icons).toEqual([
				{
					src: expect.stringMatching(new RegExp(`/icons/${PACKAGE_NAME}/dist/icons/[^/]+\\.svg$`)),
					loaded: true,
				},
			]);
		}
	});

	it('saves the screenshot as a fresh PNG of the size asked for', () => {
		const png = fs.readFileSync(screenshot);
		expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
		// Width and height from the IHDR chunk: the viewport asked for.
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 760]);
		expect(fs.statSync(screenshot).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);
	});
});

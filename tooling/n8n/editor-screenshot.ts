/**
 * Opens a workflow in the real n8n editor with headless Chromium, as a logged-in user, waits until
 * every node is drawn and every node icon has loaded, and saves a screenshot. Returns what was on
 * the canvas, so a test can check that this package's nodes show their own icons. Also opens
 * nodes' parameter panels one by one and saves each (screenshotNodePanels), to see what an n8n
 * version shows of a node's parameters and credentials.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { launchChromium } from '../chromium';

import { waitFor } from './wait-for';

export interface CanvasNode {
	/** e.g. `n8n-nodes-sms-gateways.sendSms`. */
	type: string;
	label: string;
	/** Icon images of the node (file icons are <img>; n8n's font icons have none). */
	icons: Array<{ src: string; loaded: boolean }>;
}

export interface ScreenshotOptions {
	n8nUrl: string;
	/** `n8n-auth=…` as N8nRestClient.authCookie gives it. */
	authCookie: string;
	workflowId: string;
	file: string;
	width?: number;
	height?: number;
	timeoutMs?: number;
}

/** Chromium from the system (Debian's `chromium` package) unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
	].filter((candidate): candidate is string => Boolean(candidate));
	const found = candidates.find((candidate) => fs.existsSync(candidate));
	if (!found)
		throw new Error('No Chromium found: install the chromium package or set CHROMIUM_PATH');
	return found;
}

/** A logged-in editor page on the workflow, its canvas drawn and every node icon loaded. */
async function withEditor<T>(
	options: Omit<ScreenshotOptions, 'file'>,
	use: (page: Page, canvas: CanvasNode[]) => Promise<T>,
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 60000;
	const browser = await launchChromium(chromiumPath());
	try {
		const context = await browser.newContext({
			viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
			deviceScaleFactor: 1,
		});
		const [name, ...value] = options.authCookie.split('=');
		await context.addCookies([{ name, value: value.join('='), url: options.n8nUrl }]);
		const page = await context.newPage();
		await page.goto(`${options.n8nUrl}/workflow/${options.workflowId}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: timeoutMs });

		const readCanvas = () =>
			page.$$eval('[data-test-id="canvas-node"]', (elements) =>
				elements.map((element) => ({
					type: element.getAttribute('data-node-type') ?? '',
					label: (element.textContent ?? '').trim(),
					// Typed by hand: the project's TypeScript lib has no DOM types.
					icons: (
						Array.from(element.querySelectorAll('img')) as Array<{
							src: string;
							complete: boolean;
							naturalWidth: number;
						}>
					).map((img) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 })),
				})),
			);
		// The canvas draws nodes first and fetches icons after: wait until every <img> has loaded.
		const nodes = await waitFor(
			'every node icon to load',
			async () => {
				const canvas = await readCanvas();
				return canvas.every((node) => node.icons.every((icon) => icon.loaded)) ? canvas : undefined;
			},
			{ timeoutMs, intervalMs: 250 },
		);
		return await use(page, nodes);
	} finally {
		await browser.close();
	}
}

export async function screenshotWorkflow(options: ScreenshotOptions): Promise<CanvasNode[]> {
	return await withEditor(options, async (page, nodes) => {
		fs.mkdirSync(path.dirname(options.file), { recursive: true });
		await page.screenshot({ path: options.file });
		return nodes;
	});
}

export interface NodePanelShot {
	/** The node's name on the canvas. */
	nodeName: string;
	file: string;
}

/**
 * Opens each node's parameter panel (a double click on the canvas, as a user opens it) and saves
 * the panel's settings column: the node's parameters and its credential picker, as this n8n
 * version draws them. Returns the text of each panel, so the caller can report what it shows.
 */
export async function screenshotNodePanels(
	options: Omit<ScreenshotOptions, 'file'>,
	shots: NodePanelShot[],
): Promise<Array<NodePanelShot & { text: string }>> {
	const timeoutMs = options.timeoutMs ?? 60000;
	return await withEditor(options, async (page) => {
		const taken: Array<NodePanelShot & { text: string }> = [];
		for (const shot of shots) {
			await page
				.locator('[data-test-id="canvas-node"]', { hasText: shot.nodeName })
				.first()
				.dblclick();
			const panel = page.locator('[data-test-id="node-parameters"]').first();
			await panel.waitFor({ state: 'visible', timeout: timeoutMs });
			// The credential picker and option lists settle after the panel opens.
			await page.waitForTimeout(1500);
			fs.mkdirSync(path.dirname(shot.file), { recursive: true });
			const settings = page
				.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]')
				.first();
			await ((await settings.count()) ? settings : panel).screenshot({ path: shot.file });
			taken.push({
				...shot,
				text: ((await panel.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
			});
			await page.keyboard.press('Escape');
			await panel.waitFor({ state: 'hidden', timeout: timeoutMs });
		}
		return taken;
	});
}

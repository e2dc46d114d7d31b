/**
 * SVG → PNG with headless Chromium (playwright-core and the system's /usr/bin/chromium): the
 * charts are drawn as SVG by the bench itself and photographed at twice the size for sharpness.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { launchChromium } from '../../tooling/chromium';

export async function renderSvgFiles(jobs: Array<{ svg: string; png: string }>): Promise<void> {
	if (jobs.length === 0) return;
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ deviceScaleFactor: 2 });
		for (const job of jobs) {
			await page.setContent(
				`<!doctype html><html><body style="margin:0;background:white">${job.svg}</body></html>`,
			);
			const chart = await page.$('svg');
			if (!chart) throw new Error(`no <svg> to render for ${job.png}`);
			fs.mkdirSync(path.dirname(job.png), { recursive: true });
			await chart.screenshot({ path: job.png });
		}
	} finally {
		await browser.close();
	}
}

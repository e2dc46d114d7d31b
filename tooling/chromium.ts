/**
 * Headless Chromium for the tooling (the simulator page test, the editor screenshots, the bench
 * charts): the system's Debian `chromium`, driven by playwright-core, with the flags this machine
 * kind needs (without the background-networking ones Chromium's own connections are refused by the
 * closed network, many at a time).
 */
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export async function launchChromium(executablePath = SYSTEM_CHROMIUM): Promise<Browser> {
	return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

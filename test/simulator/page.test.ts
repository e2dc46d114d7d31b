/**
 * The simulator's page in headless Chromium (Debian package `chromium`, driven by playwright-core).
 * Without /usr/bin/chromium the suite is skipped locally with a note, but fails under CI.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SYSTEM_CHROMIUM } from '../../tooling/chromium';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import type { Receiver } from './helpers';
import { client, FORM, form, startReceiver } from './helpers';

const CHROMIUM = SYSTEM_CHROMIUM;
const available = existsSync(CHROMIUM);
const run = available || process.env.CI ? describe : describe.skip;
if (!available && !process.env.CI) {
	process.stderr.write(
		`page.test.ts skipped: ${CHROMIUM} is not installed (the suite fails instead when CI is set)\n`,
	);
}

run('simulator page in Chromium', () => {
	let sim: Simulator;
	let browser: Browser;
	let page: Page;
	let receiver: Receiver;

	beforeAll(async () => {
		sim = await startSimulator({ port: 0 });
		receiver = await startReceiver();
		browser = await launchChromium(CHROMIUM);
	});
	afterAll(async () => {
		await browser?.close();
		await sim?.stop();
		await receiver?.close();
	});
	beforeEach(async () => {
		sim.reset();
		receiver.requests.length = 0;
		page = await browser.newPage();
		await page.goto(`${sim.url}/?poll=200`);
	});
	afterEach(async () => {
		await page?.close();
	});

	function atSend(to: string) {
		return client(sim.baseUrls.africasTalking).post(
			'/version1/messaging',
			form({ username: 'sandbox', to, message: 'Hello from the test' }),
			{
				headers: { ...FORM, apiKey: 'at-sim-key', Accept: 'application/json' },
			},
		);
	}

	const statusCell = (seq: number) =>
		`[data-inbox="africasTalking"] tr[data-seq="${seq}"] td[data-status]`;

	it('shows a message sent through the API and delivers it on "Deliver"', async () => {
		sim.configure({ callbacks: { africasTalking: { delivery: `${receiver.url}/dlr` } } });
		await atSend('+254711000001');
		await page.waitForSelector(`${statusCell(1)}[data-status="sent"]`, { timeout: 10000 });
		expect(await page.textContent('[data-inbox="africasTalking"] tr[data-seq="1"]')).toContain(
			'Hello from the test',
		);
		await page.click('button[data-action="deliver"][data-seq="1"]');
		await page.waitForSelector(`${statusCell(1)}[data-status="delivered"]`, { timeout: 10000 });
		expect(sim.messages()[0].status).toBe('delivered');
		const [report] = await receiver.waitFor(1);
		expect(new URLSearchParams(report.body).get('status')).toBe('Success');
	});

	it('fails a message on "Fail" and delivers the rest with "Deliver all pending"', async () => {
		await atSend('+254711000001,+254711000002');
		await page.waitForSelector(`${statusCell(2)}[data-status="sent"]`, { timeout: 10000 });
		await page.click('button[data-action="fail"][data-seq="1"]');
		await page.waitForSelector(`${statusCell(1)}[data-status="failed"]`, { timeout: 10000 });
		await page.click('button[data-action="deliver-all"][data-gateway="africasTalking"]');
		await page.waitForSelector(`${statusCell(2)}[data-status="delivered"]`, { timeout: 10000 });
		expect(sim.messages().map((m) => m.status)).toEqual(['failed', 'delivered']);
	});

	it('sends an inbound SMS and an opt-out from the forms', async () => {
		sim.configure({
			callbacks: {
				smsBox: { inbound: `${receiver.url}/sb` },
				africasTalking: { optout: `${receiver.url}/optout` },
			},
		});
		receiver.respondWith((req) =>
			req.path === '/sb'
				? {
						status: 200,
						contentType: 'application/json',
						body: JSON.stringify({
							transaction_id: JSON.parse(req.body).transaction_id,
							successful: true,
						}),
					}
				: { status: 200 },
		);
		const inbound = page.locator('form[data-form="inbound"][data-gateway="smsBox"]');
		await inbound.locator('input[name="from"]').fill('255701000000');
		await inbound.locator('input[name="text"]').fill('Habari');
		await inbound.locator('button[type="submit"]').click();
		const optOut = page.locator('form[data-form="optout"]');
		await optOut.locator('input[name="phoneNumber"]').fill('+254711000001');
		await optOut.locator('input[name="senderId"]').fill('SIMSMS');
		await optOut.locator('button[type="submit"]').click();
		const requests = await receiver.waitFor(2, 10000);
		const byPath = Object.fromEntries(requests.map((r) => [r.path, r.body]));
		expect(JSON.parse(byPath['/sb']).message.text).toBe('Habari');
		expect(Object.fromEntries(new URLSearchParams(byPath['/optout']))).toEqual({
			senderId: 'SIMSMS',
			phoneNumber: '+254711000001',
		});
	});
});

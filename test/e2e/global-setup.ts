/**
 * Once per e2e run: install the pinned n8n if missing, build and pack this package (or reuse a
 * fresh tarball), install it into a temp n8n user folder the way n8n installs community packages,
 * start the gateway simulator and ONE n8n on free loopback ports, create the owner, log in and
 * store the simulator credentials. The test files read the result from the context file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSimulator } from '../../simulator/index';
import { installPackageIntoUserFolder } from '../../tooling/n8n/install-package';
import { ensureN8nInstalled } from '../../tooling/n8n/install-n8n';
import { startN8n } from '../../tooling/n8n/n8n-process';
import { ensurePackedPackage } from '../../tooling/n8n/pack-package';
import { provisionSimulatorCredentials } from '../../tooling/n8n/provision-credentials';
import { N8nRestClient } from '../../tooling/n8n/rest-client';
import { formatSeconds } from '../../tooling/n8n/run-command';
import { writeE2eContext } from './support/context';
import { E2E_OWNER, setRunningStack, type RunningStack } from './support/stack';

const log = (line: string) => process.stdout.write(`[e2e] ${line}\n`);

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	process.stdout.write('\n');
	const installed = await ensureN8nInstalled(log);
	log(
		installed.installMs > 0
			? `n8n ${installed.n8nVersion} installed in ${formatSeconds(installed.installMs)}`
			: `n8n ${installed.n8nVersion}: cached install reused`,
	);

	const packStarted = Date.now();
	const packed = ensurePackedPackage({ log });
	const packMs = Date.now() - packStarted;

	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-e2e-'));
	const stack: RunningStack = { tempDir };
	setRunningStack(stack);
	try {
		const userFolder = path.join(tempDir, 'n8n-user');
		installPackageIntoUserFolder(userFolder, packed.tarball);

		stack.simulator = await startSimulator({ port: 0, quiet: true });
		log(`simulator on ${stack.simulator.url}`);

		// Debug level: the secret check then also covers what n8n logs only when asked for detail.
		const n8nLogFile = path.join(tempDir, 'n8n.log');
		stack.n8n = await startN8n({ port: 0, userFolder, logFile: n8nLogFile, logLevel: 'debug' });
		log(`n8n on ${stack.n8n.url}, ready in ${formatSeconds(stack.n8n.startMs)}`);

		const client = new N8nRestClient(stack.n8n.url);
		await client.ensureOwnerAndLogin(E2E_OWNER);
		const { credentials } = await provisionSimulatorCredentials(client, stack.simulator.url, stack.simulator.accounts);

		const setupMs = Date.now() - started;
		writeE2eContext(path.join(tempDir, 'context.json'), {
			n8nUrl: stack.n8n.url,
			n8nVersion: installed.n8nVersion,
			authCookie: client.authCookie ?? '',
			simulatorUrl: stack.simulator.url,
			userFolder,
			n8nLogFile,
			packageName: packed.name,
			credentials,
			timings: { installMs: installed.installMs, packMs, n8nStartMs: stack.n8n.startMs, setupMs },
		});
		log(`setup done in ${formatSeconds(setupMs)} (build+pack ${formatSeconds(packMs)})`);
	} catch (error) {
		await stopRunningStack(stack);
		throw error;
	}
}

async function stopRunningStack(stack: RunningStack): Promise<void> {
	await stack.n8n?.stop();
	await stack.simulator?.stop();
	fs.rmSync(stack.tempDir, { recursive: true, force: true });
}

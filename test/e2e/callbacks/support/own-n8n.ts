/**
 * A dedicated n8n for the callback tests and profiles: the pinned n8n with this package installed
 * from its tarball into a fresh temp user folder, started with the environment a test asks for
 * (expression-engine settings, metrics, `--cpu-prof` through NODE_OPTIONS), owner logged in.
 * The shared e2e n8n cannot serve here: these settings are fixed when n8n starts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { installPackageIntoUserFolder } from '../../../../tooling/n8n/install-package';
import { ensureN8nInstalled } from '../../../../tooling/n8n/install-n8n';
import { startN8n, type N8nInstance } from '../../../../tooling/n8n/n8n-process';
import { ensurePackedPackage } from '../../../../tooling/n8n/pack-package';
import { N8nRestClient } from '../../../../tooling/n8n/rest-client';
import { E2E_OWNER } from '../../support/stack';

export interface OwnN8n {
	n8n: N8nInstance;
	client: N8nRestClient;
	tempDir: string;
	/** Stops n8n (its own process, by its handle) and removes the temp folder unless `keep`. */
	stop(options?: { keep?: boolean }): Promise<void>;
}

export async function startOwnN8n(options: {
	label: string;
	env: Record<string, string>;
	log?: (line: string) => void;
}): Promise<OwnN8n> {
	const log = options.log ?? (() => {});
	await ensureN8nInstalled(log);
	const packed = ensurePackedPackage({ log });
	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `sms-gateways-${options.label}-`));
	const userFolder = path.join(tempDir, 'n8n-user');
	let n8n: N8nInstance | undefined;
	try {
		installPackageIntoUserFolder(userFolder, packed.tarball);
		n8n = await startN8n({
			port: 0,
			userFolder,
			logFile: path.join(tempDir, 'n8n.log'),
			logLevel: 'warn',
			extraEnv: options.env,
		});
		const client = new N8nRestClient(n8n.url);
		await client.ensureOwnerAndLogin(E2E_OWNER);
		const started = n8n;
		return {
			n8n: started,
			client,
			tempDir,
			async stop(stopOptions) {
				await started.stop();
				if (!stopOptions?.keep) fs.rmSync(tempDir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await n8n?.stop();
		fs.rmSync(tempDir, { recursive: true, force: true });
		throw error;
	}
}

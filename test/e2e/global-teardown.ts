/**
 * Stops the n8n and the simulator global setup started and removes the run's temp folder. n8n's
 * log is copied to test-results/e2e-n8n.log first (git-ignored), for reading after a failure.
 * SMS_GATEWAYS_E2E_KEEP=1 keeps the temp folder (n8n user folder, database, context).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../tooling/n8n/paths';
import { takeRunningStack } from './support/stack';

export default async function globalTeardown(): Promise<void> {
	const stack = takeRunningStack();
	if (!stack) return;
	try {
		await stack.n8n?.stop();
	} finally {
		await stack.simulator?.stop();
	}
	if (stack.n8n && fs.existsSync(stack.n8n.logFile)) {
		const kept = path.join(REPO_ROOT, 'test-results', 'e2e-n8n.log');
		fs.mkdirSync(path.dirname(kept), { recursive: true });
		fs.copyFileSync(stack.n8n.logFile, kept);
	}
	if (process.env.SMS_GATEWAYS_E2E_KEEP === '1') {
		process.stdout.write(`[e2e] kept ${stack.tempDir}\n`);
	} else {
		fs.rmSync(stack.tempDir, { recursive: true, force: true });
	}
}

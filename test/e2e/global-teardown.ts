/**
 * Stops what global setup started (n8n or the queue-mode cluster, then the simulator) and
 * removes the run's temp folder. The n8n logs are copied to test-results/ first (git-ignored),
 * for reading after a failure: e2e-n8n.log (e2e-n8n-<version>.log on a compatibility version),
 * or e2e-queue-logs/<process>.log in queue mode.
 * SMS_GATEWAYS_E2E_KEEP=1 keeps the temp folder (n8n user folders, database, context).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../tooling/n8n/paths';
import { selectedN8n } from '../../tooling/n8n/pinned';
import { stopStack, takeRunningStack } from './support/stack';

export default async function globalTeardown(): Promise<void> {
	const stack = takeRunningStack();
	if (!stack) return;
	await stopStack(stack);
	const results = path.join(REPO_ROOT, 'test-results');
	fs.mkdirSync(results, { recursive: true });
	if (stack.n8n && fs.existsSync(stack.n8n.logFile)) {
		const tested = selectedN8n();
		const name = tested.role === 'main' ? 'e2e-n8n.log' : `e2e-n8n-${tested.version}.log`;
		fs.copyFileSync(stack.n8n.logFile, path.join(results, name));
	}
	if (stack.cluster) {
		const logs = path.join(stack.tempDir, 'queue', 'logs');
		const kept = path.join(results, 'e2e-queue-logs');
		fs.rmSync(kept, { recursive: true, force: true });
		if (fs.existsSync(logs)) fs.cpSync(logs, kept, { recursive: true });
	}
	if (process.env.SMS_GATEWAYS_E2E_KEEP === '1') {
		process.stdout.write(`[e2e] kept ${stack.tempDir}\n`);
	} else {
		fs.rmSync(stack.tempDir, { recursive: true, force: true });
	}
}

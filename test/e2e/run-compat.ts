/**
 * `npm run test:e2e:compat`: the e2e core scenarios (test/e2e/jest.compat.config.js) on each
 * compatibility version of n8n in turn (tooling/n8n/pinned.ts), each a jest run of its own with
 * SMS_GATEWAYS_N8N_VERSION set (its first run installs that n8n into the per-user cache).
 * Extra arguments go to jest (e.g. `-- --ci`). With SMS_GATEWAYS_N8N_VERSION already set, only
 * that version runs. Stops at the first version that fails, so a break shows as early as it can.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { REPO_ROOT } from '../../tooling/n8n/paths';
import {
	compatibilityN8n,
	N8N_VERSION_ENV,
	testedN8n,
	type TestedN8n,
} from '../../tooling/n8n/pinned';
import { formatSeconds } from '../../tooling/n8n/run-command';

const JEST = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const CONFIG = path.join('test', 'e2e', 'jest.compat.config.js');

function runJest(tested: TestedN8n, jestArgs: string[]): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [JEST, '-c', CONFIG, ...jestArgs], {
			cwd: REPO_ROOT,
			env: { ...process.env, [N8N_VERSION_ENV]: tested.version },
			stdio: 'inherit',
		});
		child.once('error', reject);
		child.once('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
	});
}

async function main(): Promise<number> {
	const only = process.env[N8N_VERSION_ENV];
	const versions = only ? [testedN8n(only)] : compatibilityN8n();
	const results: string[] = [];
	for (const tested of versions) {
		console.log(
			`\n=== e2e core scenarios on n8n ${tested.version} (Node ${tested.node === 'node24' ? '24' : process.version})`,
		);
		const started = Date.now();
		const code = await runJest(tested, process.argv.slice(2));
		results.push(
			`n8n ${tested.version}: ${code === 0 ? 'passed' : 'FAILED'} in ${formatSeconds(Date.now() - started)}`,
		);
		if (code !== 0) break;
	}
	console.log(`\n${results.join('\n')}`);
	return results.length === versions.length && results.every((line) => line.includes('passed'))
		? 0
		: 1;
}

main()
	.then((code) => {
		process.exitCode = code;
	})
	.catch((error: Error) => {
		console.error(error.message);
		process.exitCode = 1;
	});

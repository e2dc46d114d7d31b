/**
 * `tsx tooling/n8n/install-cli.ts [version…|--all]`: install (or confirm) tested n8n versions
 * without starting them. No argument: the version SMS_GATEWAYS_N8N_VERSION picks (else the main
 * one); `--all`: every tested version (tooling/n8n/pinned.ts), one after the other.
 */
import { ensureN8nInstalled } from './install-n8n';
import { selectedN8n, TESTED_N8N, testedN8n } from './pinned';
import { formatSeconds } from './run-command';

async function main(args: string[]): Promise<void> {
	const versions = args.includes('--all')
		? [...TESTED_N8N]
		: args.length > 0
			? args.map(testedN8n)
			: [selectedN8n()];
	for (const tested of versions) {
		const installed = await ensureN8nInstalled(console.log, tested);
		const how =
			installed.installMs > 0
				? `installed in ${formatSeconds(installed.installMs)}`
				: 'already installed';
		console.log(
			`n8n ${installed.n8nVersion}: ${how} (${installed.n8nBin}, run by ${installed.nodeBin})`,
		);
	}
}

main(process.argv.slice(2)).catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});

/** `tsx tooling/n8n/install-cli.ts`: install (or confirm) the pinned n8n without starting it. */
import { ensureN8nInstalled } from './install-n8n';
import { formatSeconds } from './run-command';

ensureN8nInstalled()
	.then((installed) => {
		const how = installed.installMs > 0 ? `installed in ${formatSeconds(installed.installMs)}` : 'already installed';
		console.log(`n8n ${installed.n8nVersion}: ${how} (${installed.n8nBin})`);
	})
	.catch((error: Error) => {
		console.error(error.message);
		process.exitCode = 1;
	});

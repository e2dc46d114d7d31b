/**
 * `npm run simulator`: the simulator on 127.0.0.1, port from --port or SIM_PORT (default 8787).
 * Delivery reports go out by themselves ~1.5 s after a send. Ctrl-C stops it cleanly.
 */
import { startSimulator } from './index';

const DEFAULT_PORT = 8787;
const AUTO_DELIVER_MS = 1500;

function readPort(argv: string[]): number {
	const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	const raw =
		index === -1
			? process.env.SIM_PORT
			: argv[index].includes('=')
				? argv[index].split('=')[1]
				: argv[index + 1];
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${raw}"`);
	return port;
}

function readSeed(argv: string[]): number | undefined {
	const index = argv.indexOf('--seed');
	return index === -1 ? undefined : Number(argv[index + 1]);
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const sim = await startSimulator({
		port: readPort(argv),
		seed: readSeed(argv),
		autoDeliverMs: AUTO_DELIVER_MS,
		quiet: false,
	});
	const a = sim.accounts;
	const lines = [
		`SMS gateway simulator on ${sim.url}  (page: ${sim.url}/, control API: ${sim.url}/sim)`,
		'',
		"Africa's Talking",
		`  base URL  ${sim.baseUrls.africasTalking}   (api and content hosts)`,
		`  username  ${a.africasTalking.username}   apiKey  ${a.africasTalking.apiKey}`,
		'Gupshup',
		`  base URL  ${sim.baseUrls.gupshup}`,
		`  app ID    ${a.gupshup.appId}   API key  ${a.gupshup.apiKey}`,
		'SMSBox',
		`  base URL  ${sim.baseUrls.smsBox}`,
		`  API key   ${a.smsBox.apiKey}   API secret  ${a.smsBox.apiSecret}   sender name  ${a.smsBox.senderName}`,
		'DHIS2',
		`  base URL  ${sim.baseUrls.dhis2}`,
		`  user      ${a.dhis2.username} / ${a.dhis2.password}`,
		`  personal access token  ${a.dhis2.personalAccessToken}`,
		'',
		`Delivery reports are sent ${AUTO_DELIVER_MS} ms after each accepted message. Ctrl-C stops.`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping the simulator\n`);
		sim.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
	process.stderr.write(`simulator failed to start: ${error.message}\n`);
	process.exit(1);
});

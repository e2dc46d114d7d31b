/**
 * The simulator in a process of its own, so that n8n, the simulator and the load generator do
 * not share an event loop. Prints one JSON line `{url, accounts}` when listening; stops on
 * SIGTERM/SIGINT or when its parent goes away (stdin closes).
 */
import { startSimulator } from '../../simulator';

async function main(): Promise<void> {
	// Reports only on request (autoDeliverMs null): timers for thousands of messages would cost
	// the simulator CPU during the measurements.
	const sim = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null, seed: 1 });
	process.stdout.write(`${JSON.stringify({ url: sim.url, accounts: sim.accounts })}\n`);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sim.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	process.stdin.on('end', stop);
	process.stdin.resume();
}

main().catch((error: Error) => {
	process.stderr.write(`simulator failed to start: ${error.stack ?? error.message}\n`);
	process.exit(1);
});

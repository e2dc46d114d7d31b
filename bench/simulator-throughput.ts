/**
 * Simulator throughput: N send requests (alternating SMSBox JSON and Africa's Talking form)
 * at zero latency, with bounded concurrency over keep-alive connections. Goal: >= 2,000 req/s.
 *
 *   npx tsx bench/simulator-throughput.ts [--requests 20000] [--concurrency 32]
 */
import http from 'node:http';
import { startSimulator } from '../simulator';

function arg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	const value = index === -1 ? fallback : Number(process.argv[index + 1]);
	if (!Number.isInteger(value) || value < 1)
		throw new Error(`--${name} must be a positive integer`);
	return value;
}

interface Prepared {
	path: string;
	headers: Record<string, string>;
	body: string;
}

function request(agent: http.Agent, port: number, prepared: Prepared): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				method: 'POST',
				path: prepared.path,
				agent,
				headers: { ...prepared.headers, 'Content-Length': Buffer.byteLength(prepared.body) },
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('error', reject);
		req.end(prepared.body);
	});
}

async function main(): Promise<void> {
	const total = arg('requests', 20000);
	const concurrency = arg('concurrency', 32);
	const sim = await startSimulator({ port: 0, quiet: true });
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const smsbox: Prepared = {
		path: '/smsbox/api/sms/v1/send_sms',
		headers: {
			'Content-Type': 'application/json',
			Authorization: `Basic ${Buffer.from('sb-sim-key:sb-sim-secret').toString('base64')}`,
		},
		body: JSON.stringify({
			source_addr: 'SMSBOX',
			encoding: 0,
			message: 'Benchmark message',
			recipients: [{ recipient_name: 'B', dest_addr: '+255700000011' }],
		}),
	};
	const at: Prepared = {
		path: '/africastalking/version1/messaging',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			apiKey: 'at-sim-key',
			Accept: 'application/json',
		},
		body: new URLSearchParams({
			username: 'sandbox',
			to: '+254711000001',
			message: 'Benchmark message',
		}).toString(),
	};
	const statuses = new Map<number, number>();
	let next = 0;
	const worker = async () => {
		for (let i = next++; i < total; i = next++) {
			const status = await request(agent, sim.port, i % 2 === 0 ? smsbox : at);
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
		}
	};
	const started = process.hrtime.bigint();
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const stats = sim.stats();
	agent.destroy();
	await sim.stop();
	const rate = total / seconds;
	const lines = [
		`requests     ${total} (SMSBox send_sms + AT messaging, alternating)`,
		`concurrency  ${concurrency} keep-alive connections`,
		`wall time    ${seconds.toFixed(2)} s`,
		`throughput   ${Math.round(rate)} requests/s (goal >= 2000)`,
		`statuses     ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}`,
		`simulator    ${stats.requests.total} requests counted, ${stats.messages} messages accepted`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	process.exitCode = rate >= 2000 && stats.requests.total === total ? 0 : 1;
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});

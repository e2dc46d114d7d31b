/**
 * A PostgreSQL server of its own for n8n's queue mode: Debian's binaries run directly (not the
 * system service), listening on 127.0.0.1 only, on a free port, with its data folder where the
 * caller says (a temp folder for tests, .cache/ for `npm run dev -- --queue`, so the dev
 * workflows survive a restart). PostgreSQL refuses to run as root: as root it runs as the
 * `postgres` user Debian's package creates. A password (random, kept beside the data folder,
 * mode 0600) guards it from other local users. Stopped by its own pid (SIGINT: fast shutdown).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { findFreePort } from '../n8n-process';
import { waitFor } from '../wait-for';
import { spawnServer, type ServerProcess } from './server-process';
import type { QueueServerBinaries } from './system-packages';

export const POSTGRES_USER = 'n8n';
export const POSTGRES_DATABASE = 'n8n';

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	pid: number;
	logFile: string;
	process: ServerProcess;
	stop(): Promise<void>;
	/**
	 * One SQL statement through Debian's psql, as n8n's database user; resolves with the rows, each
	 * a list of column texts. For reading n8n's own records directly (e.g. every execution of a
	 * workflow, which n8n's REST paging does not always return in queue mode).
	 */
	query(sql: string): string[][];
}

export async function startPostgres(options: {
	binaries: QueueServerBinaries;
	dataDir: string;
	logFile: string;
	log?: (line: string) => void;
}): Promise<PostgresServer> {
	const { binaries, dataDir } = options;
	const bin = (name: string) => path.join(binaries.postgresBinDir, name);
	const owner = serverUser();
	const passwordFile = `${dataDir}.password`;
	fs.mkdirSync(path.dirname(dataDir), { recursive: true });
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });

	const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
	if (fresh) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		fs.mkdirSync(dataDir, { mode: 0o700 });
		fs.writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
		if (owner) {
			assertTraversable(dataDir, owner.name);
			fs.chownSync(dataDir, owner.uid, owner.gid);
		}
		// initdb reads the password from a file the server user can read; removed right after.
		const initPasswordFile = path.join(dataDir, '..', `.initdb-${process.pid}`);
		fs.writeFileSync(initPasswordFile, fs.readFileSync(passwordFile), { mode: 0o600 });
		if (owner) fs.chownSync(initPasswordFile, owner.uid, owner.gid);
		try {
			execFileSync(
				bin('initdb'),
				[
					'-D',
					dataDir,
					'-U',
					POSTGRES_USER,
					`--pwfile=${initPasswordFile}`,
					'--auth=scram-sha-256',
					'-E',
					'UTF8',
					'--no-sync',
				],
				{ stdio: 'pipe', uid: owner?.uid, gid: owner?.gid },
			);
		} finally {
			fs.rmSync(initPasswordFile, { force: true });
		}
	}
	const password = fs.readFileSync(passwordFile, 'utf8').trim();
	const port = await findFreePort();
	// A throwaway database: durability settings off for speed; loopback TCP only, no Unix socket.
	const server = spawnServer(
		bin('postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		{ logFile: options.logFile, uid: owner?.uid, gid: owner?.gid, stopSignal: 'SIGINT' },
	);
	const env = { ...process.env, PGPASSWORD: password };
	try {
		await waitFor(
			`PostgreSQL on 127.0.0.1:${port} (log: ${options.logFile})`,
			async () => {
				if (server.hasExited()) throw new ServerExited(`PostgreSQL exited; see ${options.logFile}`);
				try {
					execFileSync(
						bin('pg_isready'),
						['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, '-d', 'postgres'],
						{ stdio: 'pipe' },
					);
					return true;
				} catch {
					return undefined;
				}
			},
			{ timeoutMs: 60000, intervalMs: 250, stopOn: ServerExited },
		);
		if (fresh) {
			execFileSync(
				bin('createdb'),
				['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, POSTGRES_DATABASE],
				{ stdio: 'pipe', env },
			);
		}
	} catch (error) {
		await server.stop();
		throw error;
	}
	options.log?.(
		`PostgreSQL ${binaries.postgresMajor} on 127.0.0.1:${port} (pid ${server.pid}, data ${dataDir})`,
	);
	return {
		host: '127.0.0.1',
		port,
		user: POSTGRES_USER,
		password,
		database: POSTGRES_DATABASE,
		pid: server.pid,
		logFile: options.logFile,
		process: server,
		stop: () => server.stop(),
		query: (sql) =>
			execFileSync(
				bin('psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					POSTGRES_USER,
					'-d',
					POSTGRES_DATABASE,
					'-AtX',
					'-F',
					'\t',
					'-c',
					sql,
				],
				{
					encoding: 'utf8',
					env,
					stdio: ['ignore', 'pipe', 'pipe'],
					maxBuffer: 64 * 1024 * 1024,
				},
			)
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t')),
	};
}

class ServerExited extends Error {}

/** As root, the `postgres` user (from Debian's package); otherwise the current user runs it. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { name: 'postgres', uid, gid };
}

/** The server user must be able to reach its data folder: every parent needs o+x. */
function assertTraversable(dataDir: string, user: string): void {
	let dir = path.dirname(path.resolve(dataDir));
	for (;;) {
		if ((fs.statSync(dir).mode & 0o001) === 0) {
			throw new Error(
				`${dir} is not searchable by others: the ${user} user cannot reach ${dataDir} (chmod o+x it)`,
			);
		}
		const parent = path.dirname(dir);
		if (parent === dir) return;
		dir = parent;
	}
}

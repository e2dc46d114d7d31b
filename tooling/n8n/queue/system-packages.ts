/**
 * The PostgreSQL and Redis servers queue mode needs, from Debian's packages `postgresql` and
 * `redis-server`: where their binaries are, and installing them with apt-get when they are
 * missing (root only; otherwise a message saying what to install). Nothing here starts a system
 * service: the servers run as this tooling's own processes (postgres-server.ts, redis-server.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEBIAN_PACKAGES = ['postgresql', 'redis-server'];

const POSTGRES_ROOT = '/usr/lib/postgresql';
const REDIS_SERVER = '/usr/bin/redis-server';

export interface QueueServerBinaries {
	/** `/usr/lib/postgresql/<major>/bin`: initdb, postgres, pg_isready, createdb. */
	postgresBinDir: string;
	postgresMajor: number;
	redisServer: string;
}

/** The newest PostgreSQL major Debian installed, and redis-server; undefined when either is missing. */
export function findQueueServers(): QueueServerBinaries | undefined {
	if (!fs.existsSync(REDIS_SERVER) || !fs.existsSync(POSTGRES_ROOT)) return undefined;
	const majors = fs
		.readdirSync(POSTGRES_ROOT)
		.map(Number)
		.filter(
			(major) =>
				Number.isInteger(major) &&
				fs.existsSync(path.join(POSTGRES_ROOT, String(major), 'bin', 'postgres')),
		)
		.sort((a, b) => b - a);
	if (majors.length === 0) return undefined;
	return {
		postgresBinDir: path.join(POSTGRES_ROOT, String(majors[0]), 'bin'),
		postgresMajor: majors[0],
		redisServer: REDIS_SERVER,
	};
}

/** Finds the servers, installing the Debian packages first when they are missing and this is root. */
export function ensureQueueServers(log: (line: string) => void): QueueServerBinaries {
	const found = findQueueServers();
	if (found) return found;
	const command = `apt-get update && apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`Queue mode needs PostgreSQL and Redis from Debian's packages. Install them with:\n  sudo ${command}`,
		);
	}
	log(
		`PostgreSQL or Redis is missing: installing Debian's ${DEBIAN_PACKAGES.join(' and ')} (${command}).`,
	);
	log('They are not started as system services: this tooling runs its own servers on loopback.');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...DEBIAN_PACKAGES], { stdio: 'inherit', env });
	const installed = findQueueServers();
	if (!installed)
		throw new Error(
			`apt-get installed ${DEBIAN_PACKAGES.join(' ')} but their binaries are not where expected`,
		);
	return installed;
}

/** `redis-server --version` and `postgres --version`, for docs and reports. */
export function queueServerVersions(binaries: QueueServerBinaries): {
	postgres: string;
	redis: string;
} {
	const postgres = execFileSync(path.join(binaries.postgresBinDir, 'postgres'), ['--version'], {
		encoding: 'utf8',
	}).trim();
	const redis = execFileSync(binaries.redisServer, ['--version'], { encoding: 'utf8' }).trim();
	return { postgres, redis };
}

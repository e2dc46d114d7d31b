/**
 * Builds this package and packs it exactly as `npm publish` would, so n8n gets the same tarball
 * users download. A tarball newer than every build input is reused instead of rebuilding.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { withFileLockSync } from './file-lock';
import { PACK_DIR, REPO_ROOT } from './paths';

/** What the build reads: a change to any of these makes a packed tarball stale. */
const BUILD_INPUTS = [
	'nodes',
	'credentials',
	'icons',
	'package.json',
	'gulpfile.js',
	'tsconfig.json',
];
const BUILD_LOCK_WAIT_MS = 5 * 60 * 1000;

export interface PackedPackage {
	tarball: string;
	name: string;
	version: string;
	/** False when an existing fresh tarball was reused. */
	built: boolean;
}

export function readPackageJson(): {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
} {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

export function buildPackage(log: (line: string) => void = console.log): void {
	log('Building the package (npm run build)…');
	runQuietly('npm', ['run', 'build'], 'npm run build');
}

/**
 * `npm pack` into `destination`; returns the tarball's absolute path. npm writes into a fresh
 * folder first and the tarball is then renamed into place, so a reader never sees half a file.
 */
export function packPackage(destination: string = PACK_DIR): string {
	fs.mkdirSync(destination, { recursive: true });
	const staging = fs.mkdtempSync(path.join(destination, '.pack-'));
	try {
		const output = runQuietly('npm', ['pack', '--json', '--pack-destination', staging], 'npm pack');
		const [packed] = JSON.parse(output) as Array<{ filename: string }>;
		const tarball = path.join(destination, packed.filename);
		fs.renameSync(path.join(staging, packed.filename), tarball);
		return tarball;
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

/** Runs a command in the repository; its output is shown only when it fails. Returns stdout. */
function runQuietly(command: string, args: string[], label: string): string {
	const result = spawnSync(command, args, {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) {
		throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
	}
	return result.stdout;
}

/**
 * Builds and packs unless the tarball already in `destination` is newer than every build input.
 * One build at a time (a build starts by deleting dist/, which would spoil a pack running beside it).
 */
export function ensurePackedPackage(
	options: { destination?: string; log?: (line: string) => void; forceBuild?: boolean } = {},
): PackedPackage {
	const destination = options.destination ?? PACK_DIR;
	const log = options.log ?? console.log;
	const { name, version } = readPackageJson();
	const tarball = path.join(destination, `${name}-${version}.tgz`);
	const lock = { maxWaitMs: BUILD_LOCK_WAIT_MS, what: 'building the package', log };
	return withFileLockSync(path.join(destination, '.build.lock'), lock, () => {
		if (
			!options.forceBuild &&
			fs.existsSync(tarball) &&
			fs.statSync(tarball).mtimeMs > newestInputMtime()
		) {
			log(`Reusing ${path.relative(REPO_ROOT, tarball)} (newer than every build input).`);
			return { tarball, name, version, built: false };
		}
		buildPackage(log);
		const packed = packPackage(destination);
		log(`Packed ${path.relative(REPO_ROOT, packed)}.`);
		return { tarball: packed, name, version, built: true };
	});
}

function newestInputMtime(): number {
	let newest = 0;
	const visit = (entry: string): void => {
		if (!fs.existsSync(entry)) return;
		const stat = fs.statSync(entry);
		newest = Math.max(newest, stat.mtimeMs);
		if (stat.isDirectory()) {
			for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
		}
	};
	for (const input of BUILD_INPUTS) visit(path.join(REPO_ROOT, input));
	return newest;
}

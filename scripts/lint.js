#!/usr/bin/env node
/**
 * `npm run lint`: n8n's own community-node rules (the config `n8n-node lint` uses, cloud mode)
 * over what ships: nodes/, credentials/ and package.json, with zero warnings allowed.
 *
 * `n8n-node lint` itself runs `eslint .`, which would also hold the simulator, tests and tooling
 * to the rules for shipped code (no `process`, no `node:http`, ...). Those are not shipped, so
 * this script lints exactly the shipped paths, after the same strict-mode check n8n-node makes:
 * eslint.config.mjs must be n8n's template, unmodified.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const normalise = (text) => text.replace(/\s+/g, ' ').trim();
const template = path.join(
	root,
	'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
);
if (
	normalise(fs.readFileSync(path.join(root, 'eslint.config.mjs'), 'utf8')) !==
	normalise(fs.readFileSync(template, 'utf8'))
) {
	console.error(
		"lint: eslint.config.mjs differs from n8n's template; n8n's strict mode refuses that",
	);
	process.exit(1);
}

const targets = ['nodes', 'credentials', 'package.json'].filter((t) =>
	fs.existsSync(path.join(root, t)),
);
const args = [
	path.join(root, 'node_modules/eslint/bin/eslint.js'),
	...targets,
	'--max-warnings',
	'0',
	...process.argv.slice(2),
];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (result.status === 0) console.log(`lint: ${targets.join(', ')}: 0 errors, 0 warnings`);
process.exit(result.status ?? 1);

#!/usr/bin/env node
/**
 * Fails the build when a file in dist requires a module n8n does not allow in a verified
 * community package (see n8n's no-restricted-imports allowlist), or when the package the
 * user installs would be larger than the budget the foundation issue sets.
 */
const fs = require('node:fs');
const path = require('node:path');

const ALLOWED = new Set([
	'n8n-workflow',
	'lodash',
	'moment',
	'p-limit',
	'luxon',
	'zod',
	'crypto',
	'node:crypto',
	'@n8n/ai-node-sdk',
]);
const MAX_UNPACKED_BYTES = 1.5 * 1000 * 1000;

const dist = path.join(__dirname, '..', 'dist');
const problems = [];
let totalBytes = 0;

function walk(dir) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full);
		else inspect(full);
	}
}

function inspect(file) {
	totalBytes += fs.statSync(file).size;
	if (!file.endsWith('.js')) return;
	const code = fs.readFileSync(file, 'utf8');
	for (const match of code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
		const spec = match[1];
		if (spec.startsWith('.')) continue;
		const root = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
		if (!ALLOWED.has(spec) && !ALLOWED.has(root)) {
			problems.push(`${path.relative(dist, file)} requires "${spec}", which n8n does not allow`);
		}
	}
}

if (!fs.existsSync(dist)) {
	console.error('check-dist: dist/ does not exist; run the build first');
	process.exit(1);
}
walk(dist);
if (totalBytes > MAX_UNPACKED_BYTES) {
	problems.push(`dist is ${totalBytes} bytes, over the ${MAX_UNPACKED_BYTES}-byte budget`);
}
if (problems.length) {
	console.error(problems.map((p) => `check-dist: ${p}`).join('\n'));
	process.exit(1);
}
console.log(`check-dist: ${Math.round(totalBytes / 1024)} KiB, every require is allowed by n8n`);

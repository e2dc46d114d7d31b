/**
 * `npm run release -- patch|minor|major|x.y.z`: bumps package.json (and the lockfile) with
 * `npm version --no-git-tag-version`, moves CHANGELOG.md's Unreleased entries under the new
 * version, commits both and tags `vX.Y.Z`. Pushing the tag (`git push --follow-tags`) makes the
 * Publish workflow publish with provenance. `npm version`'s own lifecycle scripts cannot do this
 * here: the project's .npmrc sets ignore-scripts, which skips them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { releaseChangelog } from './changelog';

const root = path.resolve(__dirname, '..', '..');
const run = (command: string, args: string[]) =>
	execFileSync(command, args, {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();

function main(): void {
	const bump = process.argv[2];
	if (!bump) throw new Error('Usage: npm run release -- patch|minor|major|x.y.z');
	if (run('git', ['status', '--porcelain', '--untracked-files=no']) !== '')
		throw new Error('The work tree is not clean: commit or stash first.');
	const changelogPath = path.join(root, 'CHANGELOG.md');
	const changelog = fs.readFileSync(changelogPath, 'utf8');
	const version = run('npm', ['version', bump, '--no-git-tag-version']).replace(/^v/, '');
	const date = new Date().toISOString().slice(0, 10);
	try {
		fs.writeFileSync(changelogPath, releaseChangelog(changelog, version, date));
	} catch (error) {
		run('git', ['checkout', '--', 'package.json', 'package-lock.json']);
		throw error;
	}
	run('git', ['add', 'package.json', 'package-lock.json', 'CHANGELOG.md']);
	run('git', ['commit', '-m', `Release ${version}`]);
	run('git', ['tag', '-a', `v${version}`, '-m', `Release ${version}`]);
	console.log(`Released ${version}: push with "git push --follow-tags" to publish.`);
}

try {
	main();
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
}

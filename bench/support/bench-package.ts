/**
 * The tarball the bench installs into n8n: the e2e tooling's packed package. While package.json
 * does not yet list a node the build produced (the triggers of README.md#how-the-triggers-work were being wired in when
 * this bench was written), n8n would not load it; then a copy of the tarball with the missing
 * `dist/**\/*.node.js` added to `n8n.nodes` is made under `.cache/bench/` and the result files
 * say so (`addedNodes`). The code inside is the same build either way.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensurePackedPackage } from '../../tooling/n8n/pack-package';
import { REPO_ROOT } from '../../tooling/n8n/paths';

export const BENCH_CACHE_DIR = path.join(REPO_ROOT, '.cache', 'bench');

export interface BenchPackage {
	tarball: string;
	name: string;
	version: string;
	/** Node files added to `n8n.nodes` because package.json did not list them yet. */
	addedNodes: string[];
}

export function benchPackage(log: (line: string) => void): BenchPackage {
	const packed = ensurePackedPackage({ log });
	fs.mkdirSync(BENCH_CACHE_DIR, { recursive: true });
	const staging = fs.mkdtempSync(path.join(BENCH_CACHE_DIR, 'unpack-'));
	try {
		execFileSync('tar', ['-xzf', packed.tarball, '-C', staging]);
		const root = path.join(staging, 'package');
		const packageJsonPath = path.join(root, 'package.json');
		const packageJson = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as {
			n8n: { nodes: string[] };
		};
		const built = listNodeFiles(path.join(root, 'dist', 'nodes')).map((file) =>
			path.relative(root, file).split(path.sep).join('/'),
		);
		const addedNodes = built.filter((file) => !packageJson.n8n.nodes.includes(file)).sort();
		if (addedNodes.length === 0) return { ...packed, addedNodes };

		log(
			`package.json does not list ${addedNodes.join(', ')} yet: the bench installs a copy that does.`,
		);
		packageJson.n8n.nodes = [...packageJson.n8n.nodes, ...addedNodes];
		fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
		const tarball = path.join(BENCH_CACHE_DIR, path.basename(packed.tarball));
		execFileSync('tar', ['-czf', tarball, '-C', staging, 'package']);
		return { tarball, name: packed.name, version: packed.version, addedNodes };
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

function listNodeFiles(directory: string, depth = 0): string[] {
	if (depth > 4 || !fs.existsSync(directory)) return [];
	return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) return listNodeFiles(full, depth + 1);
		return entry.name.endsWith('.node.js') ? [full] : [];
	});
}

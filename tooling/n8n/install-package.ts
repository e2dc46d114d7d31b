/**
 * Installs a packed tarball into an n8n user folder the way n8n 2.41 installs a community package
 * from Settings → Community Nodes (CommunityPackagesService.downloadPackage in
 * n8n/dist/modules/community-packages/community-packages.service.js): unpack into
 * `<user folder>/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, `npm install` its own dependencies with n8n's flags, and record it in the
 * `installed-nodes` ledger. n8n then loads it at start as `<package name>.<node name>`.
 * Only the tarball's origin differs (a local file instead of `npm pack <name>@<version>`), and no
 * `installed_packages` database row is written, so Settings → Community Nodes does not list it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { node24Env } from './install-n8n';

/** The flags n8n passes to `npm install` inside the unpacked package. */
const N8N_PACKAGE_INSTALL_FLAGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

export interface InstalledPackage {
	name: string;
	version: string;
	directory: string;
}

/** The folder n8n calls `nodesDownloadDir`. */
export function nodesFolder(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes');
}

export function installPackageIntoUserFolder(
	userFolder: string,
	tarball: string,
): InstalledPackage {
	const nodesDir = nodesFolder(userFolder);
	fs.mkdirSync(nodesDir, { recursive: true });
	const staging = fs.mkdtempSync(path.join(nodesDir, '.unpack-'));
	try {
		execFileSync('tar', ['-xzf', path.resolve(tarball), '-C', staging, '--strip-components=1']);
		const packageJsonPath = path.join(staging, 'package.json');
		const packageJson = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as Record<
			string,
			unknown
		> & {
			name: string;
			version: string;
		};
		// n8n keeps only runtime dependencies: the peer n8n-workflow is n8n's own copy.
		for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
			delete packageJson[field];
		fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));

		const directory = path.join(nodesDir, 'node_modules', packageJson.name);
		fs.rmSync(directory, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(directory), { recursive: true });
		fs.renameSync(staging, directory);
		execFileSync('npm', ['install', ...N8N_PACKAGE_INSTALL_FLAGS], {
			cwd: directory,
			env: node24Env(),
			stdio: 'pipe',
		});
		recordInLedger(nodesDir, packageJson.name, packageJson.version);
		return { name: packageJson.name, version: packageJson.version, directory };
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

/** `<nodes>/package.json`, which n8n reads as the list of installed packages. */
function recordInLedger(nodesDir: string, name: string, version: string): void {
	const ledgerPath = path.join(nodesDir, 'package.json');
	let ledger: { name: string; private: boolean; dependencies: Record<string, string> } = {
		name: 'installed-nodes',
		private: true,
		dependencies: {},
	};
	if (fs.existsSync(ledgerPath)) {
		const existing = JSON.parse(fs.readFileSync(ledgerPath, 'utf8'));
		if (existing && typeof existing.dependencies === 'object') ledger = existing;
	}
	ledger.dependencies[name] = version;
	fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
}

#!/usr/bin/env node
/**
 * `npm run scan`: n8n's official community-package scanner, run the way its CLI runs it, but on
 * this checkout instead of a published version (the CLI only takes registry names):
 *  1. the source, with the scanner's own source patterns (package.json, nodes/, credentials/);
 *  2. the tarball `npm pack` makes, unpacked, with the scanner's tarball patterns.
 * Any finding fails. Inline eslint-disable comments are ignored by the scanner, as in n8n's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-scan-'));

try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	)[0];
	const tarball = path.join(work, packed.filename);
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	const packageDir = path.join(work, 'package');
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));

	const failures = [];
	if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
		failures.push(
			`the packed package.json has dependencies: ${Object.keys(manifest.dependencies).join(', ')}`,
		);
	}
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	const dist = await analyzePackage(packageDir, ['**/*.js', 'package.json']);
	for (const [label, result] of [
		['source', source],
		['tarball', dist],
	]) {
		if (!result.passed) failures.push(`${label}: ${result.message}\n${result.details ?? ''}`);
	}
	console.log(
		`scan: ${packed.filename}: ${packed.entryCount} files, ${packed.unpackedSize} bytes unpacked, ${packed.size} bytes packed`,
	);
	if (failures.length) {
		console.error(failures.join('\n'));
		process.exitCode = 1;
	} else {
		console.log('scan: n8n community-package scanner: source and tarball pass, no dependencies');
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

/**
 * Build of the shipped package.
 *
 * n8n only allows a handful of modules to be required by a verified package (n8n-workflow,
 * lodash, luxon, ...). libphonenumber-js is not one of them and a package may not have runtime
 * dependencies, so every import of it goes through one file, nodes/shared/vendor/libphonenumber.ts.
 * tsc compiles everything; then that one compiled file is replaced by an esbuild bundle of it, so
 * the library is in dist once (not once per node) and no file in dist requires anything outside
 * n8n's allowlist. scripts/check-dist.js proves the latter after every build.
 */
const { src, dest, series, parallel } = require('gulp');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const DIST = path.join(__dirname, 'dist');
const VENDOR_ENTRIES = ['nodes/shared/vendor/libphonenumber.ts'];

function clean(done) {
	fs.rmSync(DIST, { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		stdio: 'inherit',
	});
	done();
}

async function bundleVendor() {
	for (const entry of VENDOR_ENTRIES) {
		if (!fs.existsSync(entry)) continue;
		const outfile = path.join(DIST, entry.replace(/\.ts$/, '.js'));
		await esbuild.build({
			entryPoints: [entry],
			outfile,
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node18',
			minify: true,
			legalComments: 'eof',
			sourcemap: false,
			logLevel: 'warning',
		});
		// The tsc source map describes the file esbuild just replaced.
		fs.rmSync(`${outfile}.map`, { force: true });
	}
}

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(DIST));
}

function copyNodeJson() {
	return src(['nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], { base: '.' }).pipe(
		dest(DIST),
	);
}

function checkDist(done) {
	execFileSync(process.execPath, [path.join(__dirname, 'scripts/check-dist.js')], {
		stdio: 'inherit',
	});
	done();
}

exports.clean = clean;
exports.build = series(clean, compile, parallel(bundleVendor, copyIcons, copyNodeJson), checkDist);
exports.default = exports.build;

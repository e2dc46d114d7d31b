/** The release script's CHANGELOG.md bookkeeping, and the project's own CHANGELOG.md shape. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	hasVersionSection,
	releaseChangelog,
	sectionBody,
} from '../../../scripts/release/changelog';

const sample = [
	'# Changelog',
	'',
	'## [Unreleased]',
	'',
	'### Added',
	'- Polling trigger',
	'',
	'## [0.1.0] - 2026-11-22',
	'',
	'- First release',
	'',
].join('\n');

describe('releaseChangelog', () => {
	it('moves the Unreleased entries under the new version and leaves an empty Unreleased section', () => {
		const released = releaseChangelog(sample, '0.2.0', '2026-12-01');
		expect(sectionBody(released, '## [Unreleased]')).toBe('');
		expect(sectionBody(released, '## [0.2.0] - 2026-12-01')).toBe('### Added\n- Polling trigger');
		expect(sectionBody(released, '## [0.1.0] - 2026-11-22')).toBe('- First release');
		expect(released.indexOf('## [Unreleased]')).toBeLessThan(released.indexOf('## [0.2.0]'));
	});

	it('refuses an empty Unreleased section, a missing one, a version released already, and bad input', () => {
		const empty = releaseChangelog(sample, '0.2.0', '2026-12-01');
		expect(() => releaseChangelog(empty, '0.3.0', '2026-12-02')).toThrow(/nothing to release/);
		expect(() => releaseChangelog('# Changelog\n', '0.2.0', '2026-12-01')).toThrow(
			/no "## \[Unreleased\]"/,
		);
		expect(() => releaseChangelog(sample, '0.1.0', '2026-12-01')).toThrow(/already has a section/);
		expect(() => releaseChangelog(sample, 'v0.2', '2026-12-01')).toThrow(/Not a version/);
		expect(() => releaseChangelog(sample, '0.2.0', '1/12/2026')).toThrow(/Not a date/);
	});
});

describe('the project CHANGELOG.md', () => {
	const root = path.resolve(__dirname, '..', '..', '..');
	const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
	const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
		.version as string;

	it('has a section for the version in package.json and an Unreleased section', () => {
		expect(hasVersionSection(changelog, version)).toBe(true);
		expect(sectionBody(changelog, '## [Unreleased]')).toBeDefined();
	});
});

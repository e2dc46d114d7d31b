/**
 * CHANGELOG.md bookkeeping for releases (Keep a Changelog layout): the `## [Unreleased]` section
 * becomes `## [x.y.z] - yyyy-mm-dd` and a fresh, empty Unreleased section is put above it. Pure
 * functions, so the release script and its tests share them.
 */

export const UNRELEASED_HEADING = '## [Unreleased]';

/** The text of one section (without its heading), or undefined when the heading is absent. */
export function sectionBody(changelog: string, heading: string): string | undefined {
	const lines = changelog.split('\n');
	const start = lines.findIndex((line) => line.trim() === heading);
	if (start < 0) return undefined;
	const rest = lines.slice(start + 1);
	const end = rest.findIndex((line) => line.startsWith('## '));
	return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

export function hasVersionSection(changelog: string, version: string): boolean {
	return changelog.split('\n').some((line) => line.startsWith(`## [${version}]`));
}

/**
 * Turns the Unreleased section into the given version's section. Refuses (throws) when there is no
 * Unreleased section, when it is empty (nothing to release), or when the version already has one.
 */
export function releaseChangelog(changelog: string, version: string, date: string): string {
	if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version))
		throw new Error(`Not a version: ${version}`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Not a date (yyyy-mm-dd): ${date}`);
	if (hasVersionSection(changelog, version))
		throw new Error(`CHANGELOG.md already has a section for ${version}`);
	const body = sectionBody(changelog, UNRELEASED_HEADING);
	if (body === undefined) throw new Error(`CHANGELOG.md has no "${UNRELEASED_HEADING}" section`);
	if (body === '')
		throw new Error('CHANGELOG.md: the Unreleased section is empty, there is nothing to release');
	const lines = changelog.split('\n');
	const at = lines.findIndex((line) => line.trim() === UNRELEASED_HEADING);
	lines.splice(at, 1, UNRELEASED_HEADING, '', `## [${version}] - ${date}`);
	return lines.join('\n');
}

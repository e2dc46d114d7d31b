/**
 * Relative links in the user and contributor documentation must point to files that exist, and a
 * link to a heading (`file.md#anchor`, or `#anchor` in the same file) to a heading that exists: files
 * move during refactors, and a moved file or a renamed heading must fail here rather than in a
 * reader's browser.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { headingAnchors, isRelativeLink, markdownLinks } from './markdown';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function markdownFilesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return markdownFilesUnder(full);
		return entry.name.endsWith('.md') ? [full] : [];
	});
}

const DOCUMENTS = [
	'README.md',
	'CONTRIBUTING.md',
	'simulator/README.md',
	'bench/README.md',
	'examples/README.md',
	...markdownFilesUnder(path.join(ROOT, 'docs')).map((f) => path.relative(ROOT, f)),
].filter((file) => fs.existsSync(path.join(ROOT, file)));

interface BrokenLink {
	file: string;
	line: number;
	target: string;
	problem: string;
}

/** What is wrong with one relative link, or undefined when it is fine. */
function problemOf(from: string, target: string): string | undefined {
	const [filePart, anchor] = target.split('#', 2) as [string, string | undefined];
	const resolved =
		filePart === ''
			? path.join(ROOT, from)
			: path.resolve(path.dirname(path.join(ROOT, from)), decodeURIComponent(filePart));
	if (!resolved.startsWith(ROOT)) return 'points outside the repository';
	if (!fs.existsSync(resolved)) {
		return 'no such file';
	}
	if (anchor === undefined || anchor === '' || !resolved.endsWith('.md')) return undefined;
	return headingAnchors(fs.readFileSync(resolved, 'utf8')).includes(anchor)
		? undefined
		: `no heading #${anchor} in ${path.relative(ROOT, resolved)}`;
}

function brokenLinks(file: string): BrokenLink[] {
	return markdownLinks(fs.readFileSync(path.join(ROOT, file), 'utf8'))
		.filter(({ target }) => isRelativeLink(target))
		.map(({ line, target }) => ({ file, line, target, problem: problemOf(file, target) ?? '' }))
		.filter(({ problem }) => problem !== '');
}

describe('relative links in the documentation', () => {
	it('are checked in the README, CONTRIBUTING.md and every file under docs/', () => {
		expect(DOCUMENTS).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md']));
		expect(DOCUMENTS.filter((f) => f.startsWith('docs/')).length).toBeGreaterThan(0);
		const relative = DOCUMENTS.flatMap((f) =>
			markdownLinks(fs.readFileSync(path.join(ROOT, f), 'utf8')),
		).filter((l) => isRelativeLink(l.target));
		expect(relative.length).toBeGreaterThan(20);
	});

	it.each(DOCUMENTS)(
		'%s: every relative link points to a file (and heading) that exists',
		(file) => {
			expect(brokenLinks(file)).toEqual([]);
		},
	);
});

describe('markdownLinks and the link check', () => {
	it('finds links and images but not examples inside code', () => {
		const markdown = [
			'See [a](docs/a.md) and ![b](img/b.png "title").',
			'`[not](here.md)`',
			'```',
			'[nor](there.md)',
			'```',
			'[web](https://x.test/y)',
		].join('\n');
		expect(markdownLinks(markdown)).toEqual([
			{ line: 1, target: 'docs/a.md' },
			{ line: 1, target: 'img/b.png' },
			{ line: 6, target: 'https://x.test/y' },
		]);
		expect(
			markdownLinks(markdown)
				.filter((l) => isRelativeLink(l.target))
				.map((l) => l.target),
		).toEqual(['docs/a.md', 'img/b.png']);
	});

	it('reports a missing file, a missing heading and a link outside the repository', () => {
		expect(problemOf('README.md', 'docs/no-such-file.md')).toBe('no such file');
		expect(problemOf('docs/gateways/dhis2.md', 'queue-mode.md')).toBe('no such file');
		expect(problemOf('README.md', 'CONTRIBUTING.md#no-such-heading')).toBe(
			'no heading #no-such-heading in CONTRIBUTING.md',
		);
		expect(problemOf('README.md', '#no-such-heading')).toBe(
			'no heading #no-such-heading in README.md',
		);
		expect(problemOf('README.md', '../../etc/passwd')).toBe('points outside the repository');
		expect(problemOf('README.md', 'CONTRIBUTING.md#releasing')).toBeUndefined();
		expect(problemOf('README.md', '#credentials')).toBeUndefined();
	});
});

/**
 * docs/comment-references.tsv lists the code comments that still cite files outside the repository
 * and where each fact now lives. The lead applies it after the branches merge
 * (scripts/repoint-comments.ts), so every row must be well formed and every target must be a real
 * heading: a wrong anchor would turn a dangling reference into another one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { headingAnchors } from './markdown';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSV = path.join(ROOT, 'docs', 'comment-references.tsv');
const COLUMNS = ['file', 'line', 'reference', 'target', 'replacement', 'kind', 'where', 'text'];
const KINDS = [
	'providers',
	'conventions',
	'seed',
	'key',
	'section',
	'issue',
	'seedword',
	'mark',
	'gap',
];

const lines = fs
	.readFileSync(TSV, 'utf8')
	.split('\n')
	.filter((l) => l !== '' && !l.startsWith('#'));
const [header, ...body] = lines;
const rows = body.map((l) => l.split('\t'));

describe('docs/comment-references.tsv', () => {
	it('has the documented columns and rows of that width', () => {
		expect(header.split('\t')).toEqual(COLUMNS);
		expect(rows.length).toBeGreaterThan(100);
		expect(rows.filter((r) => r.length !== COLUMNS.length)).toEqual([]);
	});

	it('names a positive line, a known kind and a place (comment or string) on every row', () => {
		const bad = rows.filter(
			([, line, reference, , , kind, where]) =>
				!/^[1-9]\d*$/.test(line) ||
				reference === '' ||
				!KINDS.includes(kind) ||
				!['comment', 'string'].includes(where),
		);
		expect(bad).toEqual([]);
	});

	it('points every reference at a heading that exists in a documentation file of the repository', () => {
		const anchorsOf = new Map<string, string[]>();
		const broken = rows
			.map(([file, line, reference, target]) => ({ at: `${file}:${line}`, reference, target }))
			.filter(({ target }) => {
				const [file, anchor] = target.split('#');
				const full = path.join(ROOT, file);
				if (!file.endsWith('.md') || !fs.existsSync(full) || !anchor) return true;
				if (!anchorsOf.has(file))
					anchorsOf.set(file, headingAnchors(fs.readFileSync(full, 'utf8')));
				return !anchorsOf.get(file)?.includes(anchor);
			});
		expect(broken).toEqual([]);
	});

	it('replaces a reference with text that names its target or sits on a line that does', () => {
		const byLine = new Map<string, string[]>();
		for (const [file, line, , , replacement] of rows)
			byLine.set(`${file}:${line}`, [...(byLine.get(`${file}:${line}`) ?? []), replacement]);
		const near = (file: string, line: number) =>
			[-1, 0, 1].some((d) =>
				(byLine.get(`${file}:${line + d}`) ?? []).some((r) => /\.md#/.test(r)),
			);
		const unanchored = rows
			.filter(([file, line]) => !near(file, Number(line)))
			.map(([file, line, reference]) => `${file}:${line} ${reference}`);
		expect(unanchored).toEqual([]);
	});
});

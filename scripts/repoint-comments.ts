/**
 * `npx tsx scripts/repoint-comments.ts [--dry-run] [--strings] [--root DIR] [--tsv FILE]`: applies
 * docs/comment-references.tsv, which lists the code comments that cite files outside the repository
 * (research notes, seed numbers, issue numbers) with the docs heading that now holds each fact.
 *
 * Only the reference text is rewritten, and only inside a comment (`//`, `/*`, or a `*` line), unless
 * `--strings` also allows rows marked `string` (text shown to users, to review by hand). Files move
 * and lines shift while branches merge, so each row's line is found by its whole original text: first
 * at the recorded line, then anywhere in the recorded file, then in every source file of the tree
 * (the one match, or the one with the same file name). A line whose text was edited since is looked
 * for near the recorded line by its reference alone. Rows that cannot be placed are reported, never
 * guessed. `--dry-run` prints what would change and writes nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReferenceRow {
	file: string;
	line: number;
	reference: string;
	target: string;
	replacement: string;
	kind: string;
	where: 'comment' | 'string';
	text: string;
}

export interface Change {
	file: string;
	line: number;
	before: string;
	after: string;
	rows: ReferenceRow[];
	/** How the line was found: `recorded line`, `same file`, `moved file`, `near, by reference`. */
	found: string;
}

export interface Outcome {
	changes: Change[];
	/** Rows already applied: the reference is gone and the replacement is on the line. */
	alreadyApplied: ReferenceRow[];
	problems: Array<{ row: ReferenceRow; problem: string }>;
}

const SOURCE = /\.(ts|js|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.cache', 'coverage']);

export function parseTsv(content: string): ReferenceRow[] {
	const lines = content.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
	const [header, ...body] = lines;
	const columns = header.split('\t');
	const expected = ['file', 'line', 'reference', 'target', 'replacement', 'kind', 'where', 'text'];
	if (columns.join() !== expected.join())
		throw new Error(`unexpected TSV columns: ${columns.join(', ')}`);
	return body.map((l, i) => {
		const cells = l.split('\t');
		if (cells.length !== expected.length)
			throw new Error(`TSV row ${i + 1} has ${cells.length} columns, not ${expected.length}`);
		const [file, line, reference, target, replacement, kind, where, text] = cells;
		if (where !== 'comment' && where !== 'string')
			throw new Error(`TSV row ${i + 1}: where is "${where}"`);
		return { file, line: Number(line), reference, target, replacement, kind, where, text };
	});
}

function sourceFiles(root: string, dir = root): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory())
			return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(root, path.join(dir, entry.name));
		return SOURCE.test(entry.name) ? [path.relative(root, path.join(dir, entry.name))] : [];
	});
}

/** Where the comment part of a line starts, or -1 when the line has no comment. */
export function commentStart(line: string): number {
	const trimmed = line.trimStart();
	if (trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('//'))
		return line.length - trimmed.length;
	const match = /(?<![:'"`])\/\/|\/\*/.exec(line);
	return match ? match.index : -1;
}

/** The part of a line a row may rewrite: its comment, or the whole line for a string row. */
function rewritable(line: string, row: ReferenceRow): string {
	if (row.where === 'string') return line;
	const start = commentStart(line);
	return start < 0 ? '' : line.slice(start);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The reference as a pattern: word boundaries where it starts or ends with a word character. */
function referencePattern(reference: string): RegExp {
	const start = /^\w/.test(reference) ? '\\b' : '';
	const end = /\w$/.test(reference) ? '\\b' : '';
	return new RegExp(`${start}${escapeRegExp(reference)}${end}`, 'g');
}

/**
 * Rewrites the given references on one line. Each is the first occurrence, at or after `from`, that
 * no other row took; replacements are applied right to left so positions stay right. Returns the new
 * line, or a problem.
 */
export function rewriteLine(
	line: string,
	rows: ReferenceRow[],
	allowStrings: boolean,
): { after: string } | { problem: string } {
	const comment = commentStart(line);
	const spans: Array<{ start: number; end: number; row: ReferenceRow }> = [];
	for (const row of rows) {
		const from = row.where === 'string' ? 0 : comment;
		if (row.where === 'string' && !allowStrings)
			return { problem: 'a string shown to users: rerun with --strings after review' };
		if (from < 0) return { problem: 'the line has no comment' };
		const match = [...line.matchAll(referencePattern(row.reference))].find(
			(m) =>
				(m.index ?? 0) >= from &&
				!spans.some((s) => (m.index ?? 0) < s.end && (m.index ?? 0) + m[0].length > s.start),
		);
		if (!match || match.index === undefined)
			return { problem: `"${row.reference}" is not in the comment of this line` };
		spans.push({ start: match.index, end: match.index + match[0].length, row });
	}
	let after = line;
	for (const { start, end, row } of spans.sort((a, b) => b.start - a.start)) {
		after = after.slice(0, start) + row.replacement + after.slice(end);
	}
	if (rows.some((row) => row.replacement === ''))
		after = tidyRemoval(after, Math.max(0, Math.min(comment, ...spans.map((s) => s.start))));
	return { after: after.replace(/[ \t]+$/, '') };
}

/**
 * After a reference was removed, the separators around it: `(, x)` → `(x)`, `(x, )` → `(x)`,
 * `x, , y` → `x, y`, `()` → nothing, and doubled spaces; only from `from` on, so code and
 * indentation before the comment stay as they are.
 */
export function tidyRemoval(line: string, from: number): string {
	const head = line.slice(0, from);
	const tail = line
		.slice(from)
		.replace(/\(\s*[,;]\s*/g, '(')
		.replace(/\s*[,;]\s*\)/g, ')')
		.replace(/([,;])\s*[,;]/g, '$1')
		.replace(/\s*\(\s*\)/g, '')
		.replace(/ {2,}/g, ' ')
		.replace(/ +([,;])/g, '$1');
	return head + tail;
}

function groupByLine(rows: ReferenceRow[]): ReferenceRow[][] {
	const groups = new Map<string, ReferenceRow[]>();
	for (const row of rows)
		groups.set(`${row.file}:${row.line}`, [...(groups.get(`${row.file}:${row.line}`) ?? []), row]);
	return [...groups.values()];
}

/** Finds where a group's line is now: the file (relative to root) and the 0-based line index. */
function locate(
	root: string,
	group: ReferenceRow[],
	read: (file: string) => string[] | undefined,
	tree: () => string[],
): { file: string; index: number; found: string } | { problem: string } {
	const { file, line, text } = group[0];
	const same = (l: string) => l.trim() === text;
	const lines = read(file);
	if (lines && lines[line - 1] !== undefined && same(lines[line - 1]))
		return { file, index: line - 1, found: 'recorded line' };
	if (lines) {
		const hits = lines.flatMap((l, i) => (same(l) ? [i] : []));
		if (hits.length === 1) return { file, index: hits[0], found: 'same file' };
		if (hits.length > 1) {
			const nearest = hits.sort((a, b) => Math.abs(a - (line - 1)) - Math.abs(b - (line - 1)))[0];
			return { file, index: nearest, found: 'same file' };
		}
	}
	const elsewhere = tree()
		.filter((f) => f !== file)
		.flatMap((f) => (read(f) ?? []).flatMap((l, i) => (same(l) ? [{ file: f, index: i }] : [])));
	const sameName = elsewhere.filter((h) => path.basename(h.file) === path.basename(file));
	const pick = elsewhere.length === 1 ? elsewhere : sameName.length === 1 ? sameName : [];
	if (pick.length === 1) return { ...pick[0], found: 'moved file' };
	if (elsewhere.length > 1)
		return {
			problem: `the line's text is in ${elsewhere.length} places: ${elsewhere.map((h) => `${h.file}:${h.index + 1}`).join(', ')}`,
		};
	if (lines) {
		const near = lines
			.map((l, i) => ({ l, i }))
			.filter(
				({ l, i }) =>
					Math.abs(i - (line - 1)) <= 5 &&
					group.every((row) => referencePattern(row.reference).test(rewritable(l, row))),
			);
		if (near.length === 1) return { file, index: near[0].i, found: 'near, by reference' };
	}
	return {
		problem: `the line was not found${lines ? '' : ` (${path.join(root, file)} does not exist)`}`,
	};
}

/**
 * Whether a group was applied already: its line, rewritten, is in the recorded file or (moved) in the
 * tree; or, for a line edited since, no line near the recorded one still has the references in its
 * comment while the replacements are there.
 */
function isApplied(
	group: ReferenceRow[],
	read: (file: string) => string[] | undefined,
	tree: () => string[],
	allowStrings: boolean,
): boolean {
	const { file, line, text } = group[0];
	const expected = rewriteLine(text, group, allowStrings);
	if ('after' in expected) {
		const wanted = expected.after.trim();
		if ((read(file) ?? []).some((l) => l.trim() === wanted)) return true;
		if (tree().some((f) => (read(f) ?? []).some((l) => l.trim() === wanted))) return true;
	}
	const lines = read(file);
	if (!lines) return false;
	const nearby = lines.filter((_, i) => Math.abs(i - (line - 1)) <= 5);
	const gone = nearby.every((l) =>
		group.every((r) => !referencePattern(r.reference).test(rewritable(l, r))),
	);
	const written = group
		.filter((r) => r.replacement !== '')
		.every((r) => nearby.some((l) => l.includes(r.replacement)));
	return gone && written && group.some((r) => r.replacement !== '');
}

/** Works out every change without writing anything. */
export function planRepoint(root: string, rows: ReferenceRow[], allowStrings = false): Outcome {
	const cache = new Map<string, string[] | undefined>();
	const read = (file: string) => {
		if (!cache.has(file)) {
			const full = path.join(root, file);
			cache.set(file, fs.existsSync(full) ? fs.readFileSync(full, 'utf8').split('\n') : undefined);
		}
		return cache.get(file);
	};
	let files: string[] | undefined;
	const tree = () => (files ??= sourceFiles(root));
	const outcome: Outcome = { changes: [], alreadyApplied: [], problems: [] };
	for (const group of groupByLine(rows)) {
		const place = locate(root, group, read, tree);
		if ('problem' in place) {
			if (isApplied(group, read, tree, allowStrings)) {
				outcome.alreadyApplied.push(...group);
				continue;
			}
			for (const row of group) outcome.problems.push({ row, problem: place.problem });
			continue;
		}
		const lines = read(place.file) as string[];
		const before = lines[place.index];
		const rewritten = rewriteLine(before, group, allowStrings);
		if ('problem' in rewritten) {
			for (const row of group) outcome.problems.push({ row, problem: rewritten.problem });
			continue;
		}
		lines[place.index] = rewritten.after;
		outcome.changes.push({
			file: place.file,
			line: place.index + 1,
			before,
			after: rewritten.after,
			rows: group,
			found: place.found,
		});
	}
	return outcome;
}

/** Writes the planned changes: each touched file once, with its lines as planned. */
export function applyRepoint(root: string, outcome: Outcome): string[] {
	const byFile = new Map<string, Change[]>();
	for (const change of outcome.changes)
		byFile.set(change.file, [...(byFile.get(change.file) ?? []), change]);
	for (const [file, changes] of byFile) {
		const full = path.join(root, file);
		const lines = fs.readFileSync(full, 'utf8').split('\n');
		for (const change of changes) {
			if (lines[change.line - 1] !== change.before)
				throw new Error(`${file}:${change.line} changed while planning`);
			lines[change.line - 1] = change.after;
		}
		fs.writeFileSync(full, lines.join('\n'));
	}
	return [...byFile.keys()];
}

function argValue(args: string[], name: string): string | undefined {
	const index = args.indexOf(name);
	return index === -1 ? undefined : args[index + 1];
}

function main(args: string[]): number {
	const root = path.resolve(argValue(args, '--root') ?? path.join(__dirname, '..'));
	const tsv = path.resolve(
		argValue(args, '--tsv') ?? path.join(root, 'docs', 'comment-references.tsv'),
	);
	const dryRun = args.includes('--dry-run');
	const outcome = planRepoint(
		root,
		parseTsv(fs.readFileSync(tsv, 'utf8')),
		args.includes('--strings'),
	);
	for (const change of outcome.changes) {
		process.stdout.write(
			`${change.file}:${change.line} (${change.found})\n  - ${change.before.trim()}\n  + ${change.after.trim()}\n`,
		);
	}
	for (const { row, problem } of outcome.problems)
		process.stdout.write(`NOT APPLIED ${row.file}:${row.line} "${row.reference}": ${problem}\n`);
	const written = dryRun ? [] : applyRepoint(root, outcome);
	process.stdout.write(
		`${dryRun ? 'dry run: ' : ''}${outcome.changes.length} lines ${dryRun ? 'to change' : `changed in ${written.length} files`}, ` +
			`${outcome.alreadyApplied.length} references already applied, ${outcome.problems.length} not applied\n`,
	);
	return outcome.problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
	process.exitCode = main(process.argv.slice(2));
}

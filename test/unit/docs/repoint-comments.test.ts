/**
 * scripts/repoint-comments.ts on a small tree in a temporary folder: a line where it was recorded, a
 * file that moved, lines that shifted, a line edited since, a reference that is not in a comment, a
 * string shown to users, a reference split over two lines, and a second run that finds everything
 * applied. The real TSV is also planned against this branch's own tree, without writing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import {
	applyRepoint,
	parseTsv,
	planRepoint,
	rewriteLine,
	tidyRemoval,
	type ReferenceRow,
} from '../../../scripts/repoint-comments';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HEADER = 'file\tline\treference\ttarget\treplacement\tkind\twhere\ttext';

function row(
	file: string,
	line: number,
	reference: string,
	replacement: string,
	text: string,
	where: 'comment' | 'string' = 'comment',
): string {
	return [
		file,
		line,
		reference,
		replacement.replace(/^.*?(docs\/\S+?#[\w-]+).*$/, '$1'),
		replacement,
		'providers',
		where,
		text,
	].join('\t');
}

describe('repoint-comments on a copy', () => {
	let dir: string;
	const write = (file: string, lines: string[]) => {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), lines.join('\n'));
	};
	const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n');

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repoint-'));
		write('a/send.ts', [
			'/**',
			' * Sending (seed 002, providers.md §3.2): JSON.',
			' */',
			"const url = 'providers.md §3.2'; // providers.md §3.2",
		]);
		// Recorded as old/hooks.ts line 2; now lives in new/place/hooks.ts, three lines lower.
		write('new/place/hooks.ts', [
			'// one',
			'// two',
			'// three',
			'/**',
			' * Callbacks (providers.md §1.5) are form posts.',
			' */',
		]);
		// Recorded at line 2; a header was added above since.
		write('b/shift.ts', ['// header', '// more header', '', '// INF: the date is UTC.']);
		// Recorded text edited since, the reference still there.
		write('c/edited.ts', [
			'// x',
			'// The answer is not documented (providers.md §6), as before and after the edit.',
		]);
		write('d/split.ts', [
			'/**',
			' * Fields (DHIS2 `SmsGatewayConfig`, providers.md',
			' * §4.4). Undefined fields are left out.',
			' */',
		]);
		write('e/strings.ts', [
			'export const WHY = \'Only five countries (seed S-GS, "Permitted countries").\';',
		]);
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	const tsv = [
		'# comment line',
		HEADER,
		row(
			'a/send.ts',
			2,
			'seed 002',
			'docs/gateways/smsbox.md#sending',
			' * Sending (seed 002, providers.md §3.2): JSON.'.trim(),
		),
		row('a/send.ts', 2, 'providers.md §3.2', '', '* Sending (seed 002, providers.md §3.2): JSON.'),
		row(
			'a/send.ts',
			4,
			'providers.md §3.2',
			'docs/gateways/smsbox.md#sending',
			"const url = 'providers.md §3.2'; // providers.md §3.2",
		),
		row(
			'old/hooks.ts',
			2,
			'providers.md §1.5',
			'docs/gateways/africastalking.md#callbacks',
			'* Callbacks (providers.md §1.5) are form posts.',
		),
		[
			...row(
				'b/shift.ts',
				2,
				'INF',
				'inferred (docs/gateways/africastalking.md#incoming-messages)',
				'// INF: the date is UTC.',
			)
				.split('\t')
				.slice(0, 5),
			'mark',
			'comment',
			'// INF: the date is UTC.',
		].join('\t'),
		row(
			'c/edited.ts',
			2,
			'providers.md §6',
			'docs/gateways/africastalking.md#what-is-not-documented',
			'// The answer is not documented (providers.md §6).',
		),
		row('d/split.ts', 2, 'providers.md', '', '* Fields (DHIS2 `SmsGatewayConfig`, providers.md'),
		row(
			'd/split.ts',
			3,
			'§4.4',
			'docs/gateways/dhis2.md#gateway-administration',
			'* §4.4). Undefined fields are left out.',
		),
		row(
			'e/strings.ts',
			1,
			'seed S-GS, "Permitted countries"',
			'docs/gateways/gupshup.md#sending',
			'export const WHY = \'Only five countries (seed S-GS, "Permitted countries").\';',
			'string',
		),
		row(
			'z/gone.ts',
			1,
			'providers.md §2.1',
			'docs/gateways/gupshup.md#sending',
			'// nowhere (providers.md §2.1)',
		),
	].join('\n');

	it('rewrites only the references, only in comments, finding moved, shifted and edited lines', () => {
		const rows = parseTsv(tsv);
		const outcome = planRepoint(dir, rows);
		expect(outcome.changes.map((c) => [c.file, c.line, c.found])).toEqual([
			['a/send.ts', 2, 'recorded line'],
			['a/send.ts', 4, 'recorded line'],
			['new/place/hooks.ts', 5, 'moved file'],
			['b/shift.ts', 4, 'same file'],
			['c/edited.ts', 2, 'near, by reference'],
			['d/split.ts', 2, 'recorded line'],
			['d/split.ts', 3, 'recorded line'],
		]);
		expect(outcome.problems.map((p) => [p.row.file, p.problem])).toEqual([
			['e/strings.ts', 'a string shown to users: rerun with --strings after review'],
			['z/gone.ts', 'the line was not found (' + path.join(dir, 'z/gone.ts') + ' does not exist)'],
		]);

		applyRepoint(dir, outcome);
		expect(read('a/send.ts')).toEqual([
			'/**',
			' * Sending (docs/gateways/smsbox.md#sending): JSON.',
			' */',
			"const url = 'providers.md §3.2'; // docs/gateways/smsbox.md#sending",
		]);
		expect(read('new/place/hooks.ts')[4]).toBe(
			' * Callbacks (docs/gateways/africastalking.md#callbacks) are form posts.',
		);
		expect(read('b/shift.ts')[3]).toBe(
			'// inferred (docs/gateways/africastalking.md#incoming-messages): the date is UTC.',
		);
		expect(read('c/edited.ts')[1]).toBe(
			'// The answer is not documented (docs/gateways/africastalking.md#what-is-not-documented), as before and after the edit.',
		);
		expect(read('d/split.ts').slice(1, 3)).toEqual([
			' * Fields (DHIS2 `SmsGatewayConfig`,',
			' * docs/gateways/dhis2.md#gateway-administration). Undefined fields are left out.',
		]);
		expect(read('e/strings.ts')[0]).toContain('seed S-GS');
	});

	it('applies strings only when asked, and a second run finds everything applied', () => {
		const rows = parseTsv(tsv).filter((r) => r.file !== 'z/gone.ts');
		applyRepoint(dir, planRepoint(dir, rows, true));
		expect(read('e/strings.ts')[0]).toBe(
			"export const WHY = 'Only five countries (docs/gateways/gupshup.md#sending).';",
		);
		const again = planRepoint(dir, rows, true);
		expect(again.changes).toEqual([]);
		expect(again.problems).toEqual([]);
		expect(again.alreadyApplied).toHaveLength(rows.length);
	});

	it('refuses a TSV with other columns', () => {
		expect(() => parseTsv('file\tline\treference\n')).toThrow(/unexpected TSV columns/);
	});
});

describe('rewriteLine and tidyRemoval', () => {
	const r = (reference: string, replacement: string): ReferenceRow => ({
		file: 'f.ts',
		line: 1,
		reference,
		target: '',
		replacement,
		kind: 'mark',
		where: 'comment',
		text: '',
	});

	it('matches whole words, so INF does not match INFO', () => {
		expect(rewriteLine('// CHANGE SMS INFO, INF: yes', [r('INF', 'inferred')], false)).toEqual({
			after: '// CHANGE SMS INFO, inferred: yes',
		});
	});

	it('reports a reference that is only in code', () => {
		expect(rewriteLine("const a = 'INF'; // nothing here", [r('INF', 'inferred')], false)).toEqual({
			problem: '"INF" is not in the comment of this line',
		});
	});

	it('cleans the separators a removal leaves, in the comment only', () => {
		expect(tidyRemoval('f(a, , b); // x (, y) and (z, ) and () end ;', 10)).toBe(
			'f(a, , b); // x (y) and (z) and end;',
		);
	});
});

/**
 * The list was made on this branch while other branches edit the same comments: after they merge,
 * a few rows may no longer be placeable (their comment was rewritten), and the script reports them.
 * Nine in ten must still be placed, or the list has gone stale and should be regenerated.
 */
describe('the real docs/comment-references.tsv on this tree', () => {
	it('places (or finds applied) at least nine in ten comment rows, without writing anything', () => {
		const rows = parseTsv(
			fs.readFileSync(path.join(ROOT, 'docs', 'comment-references.tsv'), 'utf8'),
		).filter((r) => r.where === 'comment');
		const outcome = planRepoint(ROOT, rows);
		const unplaced = outcome.problems.map(
			(p) => `${p.row.file}:${p.row.line} ${p.row.reference}: ${p.problem}`,
		);
		expect({
			rows: rows.length,
			unplacedShare: unplaced.length / rows.length < 0.1 ? 'under 10%' : unplaced,
		}).toEqual({
			rows: rows.length,
			unplacedShare: 'under 10%',
		});
		expect(rows.length).toBeGreaterThan(100);
	});
});

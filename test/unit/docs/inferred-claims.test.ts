/**
 * Issue 13, defect 3: the README's capability table must say, in the cell where it claims that a
 * Gupshup trigger reads incoming SMS, that Gupshup's inbound SMS payload shape is inferred (Gupshup
 * does not document it): the Inbound SMS row said so, the Opt-out row ("STOP replies") did not.
 */
import * as fs from 'fs';
import * as path from 'path';

const README = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');

function capabilityRows(): Array<{ capability: string; cells: Record<string, string> }> {
	const lines = README.split('\n');
	const header = lines.findIndex((l) => l.startsWith('| capability |'));
	const names = lines[header]
		.split('|')
		.slice(1, -1)
		.map((c) => c.trim());
	const rows = [];
	for (let i = header + 2; i < lines.length && lines[i].startsWith('|'); i++) {
		const cells = lines[i]
			.split('|')
			.slice(1, -1)
			.map((c) => c.trim());
		rows.push({
			capability: cells[0],
			cells: Object.fromEntries(names.map((n, j) => [n, cells[j]])),
		});
	}
	return rows;
}

describe('README capability table: claims that rest on an inferred payload say so', () => {
	it('finds the table', () => {
		expect(capabilityRows().map((r) => r.capability)).toEqual(
			expect.arrayContaining(['Inbound SMS trigger', 'Opt-out trigger']),
		);
	});

	it.each(['Inbound SMS trigger', 'Opt-out trigger'])(
		'%s: the Gupshup cell says the inbound payload shape is inferred',
		(capability) => {
			const row = capabilityRows().find((r) => r.capability === capability)!;
			const cell = row.cells.Gupshup;
			expect(cell).not.toMatch(/^no\b/);
			expect(cell).toMatch(/inferred/);
		},
	);
});

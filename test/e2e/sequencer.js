/**
 * Order of the e2e test files: those named with a number run by that number (10-…, 20-…), files
 * without one (e.g. examples/*.test.ts) at 50, ties by path. The 90-… secret check reads n8n's
 * log and every stored execution, so it must come after every file that creates executions.
 */
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const UNNUMBERED = 50;

function rank(testPath) {
	const match = /^(\d+)-/.exec(path.basename(testPath));
	return match ? Number(match[1]) : UNNUMBERED;
}

class NumberedSequencer extends Sequencer {
	sort(tests) {
		return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
	}
}

module.exports = NumberedSequencer;

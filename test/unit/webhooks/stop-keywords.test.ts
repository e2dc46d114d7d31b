import {
	DEFAULT_STOP_KEYWORDS,
	keywordForm,
	matchKeyword,
	parseKeywordList,
} from '../../../nodes/shared/webhooks/stop-keywords';

const defaults = parseKeywordList(DEFAULT_STOP_KEYWORDS.join(','));

describe('matchKeyword with the default keywords', () => {
	it.each([
		['STOP', 'STOP'],
		['stop', 'STOP'],
		['Stop.', 'STOP'],
		[' STOP!! ', 'STOP'],
		['¡Stop!', 'STOP'],
		['"stop"', 'STOP'],
		['stop 🛑', 'STOP'],
		['❤️ stop', 'STOP'],
		['ＳＴＯＰ', 'STOP'],
		['S\u200BTOP', 'STOP'],
		['Stop-All', 'STOPALL'],
		['stopall', 'STOPALL'],
		['Unsubscribe.', 'UNSUBSCRIBE'],
		['cancel', 'CANCEL'],
		['END', 'END'],
		['quit!', 'QUIT'],
		['\n\tstop\n', 'STOP'],
	])('%p is an opt-out (%s)', (message, keyword) => {
		expect(matchKeyword(message, defaults)).toBe(keyword);
	});

	it.each([
		"don't stop",
		'dont stop',
		'stop sending me messages',
		'please stop',
		'STOP STOP',
		'stopped',
		'nonstop',
		'the end',
		'',
		'   ',
		'!!!',
		'🛑',
		'S T O P',
		`${'stop '.repeat(100)}`,
	])('%p is not an opt-out', (message) => {
		expect(matchKeyword(message, defaults)).toBeUndefined();
	});

	it('matches nothing with an empty keyword list', () => {
		expect(matchKeyword('STOP', [])).toBeUndefined();
	});
});

describe('parseKeywordList', () => {
	it('splits on commas, semicolons and new lines, normalises and de-duplicates', () => {
		expect(parseKeywordList('stop, Arrêt; halt\nFIN,, stop ,')).toEqual([
			'STOP',
			'ARRÊT',
			'HALT',
			'FIN',
		]);
		expect(parseKeywordList(['a', 'b'])).toEqual(['A', 'B']);
		expect(parseKeywordList(undefined)).toEqual([]);
		expect(parseKeywordList('  ')).toEqual([]);
	});

	it('lets a custom keyword match the same way', () => {
		const keywords = parseKeywordList('Arrêt, STOP ALL');
		expect(matchKeyword('arrêt!', keywords)).toBe('ARRÊT');
		expect(matchKeyword('Stop   all.', keywords)).toBe('STOP ALL');
		expect(matchKeyword('stop', keywords)).toBeUndefined();
	});
});

describe('keywordForm', () => {
	it('removes punctuation, symbols and invisible characters, collapses spaces, upper-cases', () => {
		expect(keywordForm('  Stop,   now!! ')).toBe('STOP NOW');
		expect(keywordForm('e\u0301nd')).toBe('ÉND');
	});
});

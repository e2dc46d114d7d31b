/**
 * The shipped code's imports run one way (helpers ← core ← adapters ← (send, webhooks, n8n) ←
 * nodes; the full rule in layers.ts and CONTRIBUTING.md). This test reads every `.ts` file under
 * nodes/ and credentials/, resolves its relative imports and names each file and import that runs
 * against the direction.
 */
import * as path from 'path';

import { layerOf, readSources, relativeImports, violations } from './layers';
import type { SourceFile } from './layers';

const ROOT = path.join(__dirname, '../../..');

describe('import direction of the shipped code', () => {
	const sources = readSources(ROOT, ['nodes', 'credentials']);

	it('reads the whole tree', () => {
		expect(sources.length).toBeGreaterThan(80);
		expect(sources.some((s) => s.file === 'nodes/shared/core/adapter.ts')).toBe(true);
		expect(sources.some((s) => s.file.startsWith('credentials/'))).toBe(true);
	});

	it('puts every file in a layer', () => {
		const outside = sources.map((s) => s.file).filter((file) => !layerOf(file));
		expect(outside).toEqual([]);
	});

	it('has no import against the direction', () => {
		const found = violations(sources, new Set()).map(
			(v) => `${v.file}: import '${v.specifier}' (${v.target}): ${v.reason}`,
		);
		expect(found).toEqual([]);
	});
});

describe('the checker', () => {
	const tree = (files: Record<string, string>): SourceFile[] =>
		Object.entries(files).map(([file, text]) => ({ file, text }));
	const base = {
		'nodes/shared/helpers/clock.ts': 'export const clock = 1;',
		'nodes/shared/core/types.ts': "import { clock } from '../helpers/clock';",
		'nodes/shared/webhook-parsing/fields.ts': "import type { X } from '../core/types';",
		'nodes/shared/adapters/common.ts': "import type { X } from '../core/types';",
		'nodes/shared/adapters/gupshup/send.ts':
			"import { a } from '../common';\nimport { b } from '../../webhook-parsing/fields';",
		'nodes/shared/adapters/smsbox/send.ts': "import { a } from '../common';",
		'nodes/shared/registry/registry.ts': "import { g } from '../adapters/gupshup/send';",
		'nodes/shared/send/execute.ts': "import { r } from '../registry/registry';",
		'nodes/shared/n8n/errors.ts': "import type { X } from '../core/types';",
		'nodes/SendSms/execute.ts':
			"import {\n\te,\n} from '../shared/send/execute';\nimport { n } from '../shared/n8n/errors';",
	};

	it('accepts imports that run down the layers', () => {
		expect(violations(tree(base))).toEqual([]);
	});

	it.each([
		['core → adapters', 'nodes/shared/core/types.ts', "import { a } from '../adapters/common';"],
		['helpers → core', 'nodes/shared/helpers/clock.ts', "export { X } from '../core/types';"],
		[
			'adapters → registry',
			'nodes/shared/adapters/smsbox/send.ts',
			"import { r } from '../../registry/registry';",
		],
		[
			'one gateway → another',
			'nodes/shared/adapters/smsbox/send.ts',
			"import { g } from '../gupshup/send';",
		],
		[
			'common → a gateway',
			'nodes/shared/adapters/common.ts',
			"import { g } from './gupshup/send';",
		],
		['send → n8n (peers)', 'nodes/shared/send/execute.ts', "import { n } from '../n8n/errors';"],
		[
			'webhooks → adapters/common',
			'nodes/shared/webhooks/handle.ts',
			"import { c } from '../adapters/common';",
		],
		[
			'n8n → a gateway',
			'nodes/shared/n8n/errors.ts',
			"import { g } from '../adapters/gupshup/send';",
		],
		['shared → a node', 'nodes/shared/n8n/errors.ts', "import { e } from '../../SendSms/execute';"],
		[
			'parser kit → adapters',
			'nodes/shared/webhook-parsing/fields.ts',
			"const c = require('../adapters/common');",
		],
	])('names the file and import of %s', (_name, file, text) => {
		const found = violations(tree({ ...base, [file]: text }));
		expect(found).toHaveLength(1);
		expect(found[0].file).toBe(file);
		expect(text).toContain(found[0].specifier);
	});

	it('refuses files in an unknown folder and imports of missing files', () => {
		expect(
			violations(
				tree({ ...base, 'nodes/shared/misc/x.ts': "import { c } from '../helpers/clock';" }),
			),
		).toHaveLength(1);
		expect(
			violations(
				tree({ ...base, 'nodes/shared/send/x.ts': "import { c } from '../helpers/nothing';" }),
			),
		).toHaveLength(1);
	});

	it('finds imports in every form', () => {
		expect(
			relativeImports(
				"import a from './a';\nimport type { B } from '../b';\nexport * from './c';\nimport './d';\nconst e = require('./e');\nimport x from 'n8n-workflow';",
			),
		).toEqual(['./a', '../b', './c', './d', './e']);
	});
});

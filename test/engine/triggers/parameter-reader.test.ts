/**
 * The triggers read their parameters as stored when they hold no expression (settings.ts
 * `parameterReader`); that must give exactly what n8n-core's `getNodeParameter` gives, at both
 * typeVersions, for generated parameter sets with and without expressions, and it must read a
 * parameter without one only raw (`rawExpressions`), never the evaluating way.
 */
import { WebhookContext } from 'n8n-core';
import type { INodeParameters, IWebhookData } from 'n8n-workflow';

import { holdsExpression, parameterReader } from '../../../nodes/shared/webhooks/settings';
import { buildAdditionalData } from '../../harness/engine';
import { atEachVersion, triggerAt, TRIGGERS } from './triggers';
import type { TriggerKind } from './triggers';
import { seededRandom as random } from '../../fixtures/seeded-random';

const CASES = 150;
const NAMES = [
	'gateway',
	'authentication',
	'secretToken',
	'basicAuthUser',
	'basicAuthPassword',
	'statusFilter',
	'stopKeywords',
	'options',
	'notAParameter',
];

function generatedParameters(next: () => number): INodeParameters {
	const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)];
	const text = () =>
		pick([
			'',
			'STOP, END',
			's3cret',
			' spaced ',
			'=={{ literal }}',
			'={{ "a" + "b" }}',
			'={{ $parameter["gateway"] }}',
		]);
	const parameters: INodeParameters = {};
	const maybe = (name: string, value: () => unknown) => {
		if (next() < 0.7) parameters[name] = value() as never;
	};
	maybe('gateway', () =>
		pick(['africasTalking', 'gupshup', 'smsBox', 'dhis2', 'nowhere', '={{ "gupshup" }}']),
	);
	maybe('authentication', () =>
		pick(['token', 'basicAuth', 'accountKey', 'none', 'bogus', '={{ "none" }}']),
	);
	maybe('secretToken', text);
	maybe('basicAuthUser', text);
	maybe('basicAuthPassword', text);
	maybe('statusFilter', () => pick(['all', 'final', 'failures', 'odd']));
	maybe('stopKeywords', text);
	maybe('options', () => {
		const options: INodeParameters = {};
		if (next() < 0.5) options.acceptAllEventKinds = pick([true, false, '={{ true }}']);
		if (next() < 0.5) options.includeOptIns = pick([true, false]);
		if (next() < 0.5) options.optInKeywords = text();
		return options;
	});
	return parameters;
}

describe.each(atEachVersion(Object.keys(TRIGGERS) as TriggerKind[]))(
	'%s trigger parameters, typeVersion %i',
	(kind, typeVersion) => {
		const trigger = triggerAt(typeVersion);

		it(`reads ${CASES} generated parameter sets exactly as getNodeParameter does`, () => {
			const next = random(0x16 + typeVersion * 31 + kind.length);
			let rawReads = 0;
			for (let i = 0; i < CASES; i++) {
				const under = trigger(kind, generatedParameters(next));
				const webhookData: IWebhookData = {
					httpMethod: 'POST',
					node: under.node.name,
					path: under.path,
					webhookDescription: under.webhookDescription,
					workflowId: under.workflow.id,
					workflowExecuteAdditionalData: buildAdditionalData({}),
				};
				const context = new WebhookContext(
					under.workflow,
					under.workflow.nodes[under.node.name],
					webhookData.workflowExecuteAdditionalData,
					'webhook',
					webhookData,
					[],
					null,
				);
				const stored = under.workflow.nodes[under.node.name].parameters;
				const reads = NAMES.flatMap((name) =>
					['', {}, 'fallback'].map((fallback) => ({ name, fallback })),
				);
				const expected = reads.map(({ name, fallback }) => {
					try {
						return context.getNodeParameter(name, fallback);
					} catch {
						return fallback;
					}
				});
				const getNodeParameter = jest.spyOn(context, 'getNodeParameter');
				const read = parameterReader(context);
				for (const [index, { name, fallback }] of reads.entries()) {
					getNodeParameter.mockClear();
					const value = read(name, fallback);
					expect({ case: i, name, value }).toEqual({ case: i, name, value: expected[index] });
					// Evaluating reads: those without n8n's `rawExpressions` option.
					const evaluating = getNodeParameter.mock.calls.filter(
						(call) =>
							(call[2] as { rawExpressions?: boolean } | undefined)?.rawExpressions !== true,
					).length;
					if (!holdsExpression(stored[name])) {
						expect({ case: i, name, evaluating }).toEqual({ case: i, name, evaluating: 0 });
						rawReads++;
					} else {
						expect({ case: i, name, evaluating }).toEqual({ case: i, name, evaluating: 1 });
					}
				}
				getNodeParameter.mockRestore();
			}
			// Most reads took the stored value: the generator mixes in expressions only now and then.
			expect(rawReads).toBeGreaterThan(CASES * NAMES.length * 3 * 0.5);
		});
	},
);

describe('holdsExpression', () => {
	it.each([
		['={{ 1 }}', true],
		['plain', false],
		['', false],
		[{ nested: { deep: ['x', '=y'] } }, true],
		[{ nested: { deep: ['x', 'y'] } }, false],
		[{ __rl: true, value: 'x', mode: 'list' }, true],
		[true, false],
		[null, false],
		[undefined, false],
	])('%j → %s', (value, expected) => {
		expect(holdsExpression(value)).toBe(expected);
	});
});

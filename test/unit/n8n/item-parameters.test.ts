/**
 * When the item parameter reader computes a value itself and when it asks n8n. The execution
 * context here is a stand-in that records `getNodeParameter` calls: the cases it covers (an AI
 * agent's tool run, an n8n without `isToolExecution`) cannot be set up in the engine tier without
 * an agent and a language model. What the values are is proved against n8n by the differential tests.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	itemParameterReader,
	nativeItemExpressions,
} from '../../../nodes/shared/n8n/item-parameters';

function fakeContext(
	parameters: INodeParameters,
	items: INodeExecutionData[],
	tool: boolean | undefined,
) {
	const calls: Array<[string, number]> = [];
	const context = {
		getNode: () => ({ parameters }),
		getInputData: () => items,
		getNodeParameter: (name: string, itemIndex: number) => {
			calls.push([name, itemIndex]);
			return `n8n:${name}:${itemIndex}`;
		},
		...(tool === undefined ? {} : { isToolExecution: () => tool }),
	};
	return { context: context as unknown as IExecuteFunctions, calls };
}

const items = [{ json: { phone: '+1', contact: { name: 'A' } } }, { json: { phone: '+2' } }];
const parameters = {
	to: '={{ $json.phone }}',
	greeting: '=Hi {{ $json.contact.name }}',
	gateway: 'smsBox',
	other: '={{ $now }}',
};

describe('itemParameterReader', () => {
	it('computes plain $json expressions itself, reads fixed parameters once, and asks n8n for the rest', () => {
		const { context, calls } = fakeContext(parameters, items, false);
		const read = itemParameterReader(context);
		expect([read('to', 0), read('to', 1)]).toEqual(['+1', '+2']);
		expect([read('gateway', 0), read('gateway', 1)]).toEqual(['n8n:gateway:0', 'n8n:gateway:0']);
		expect([read('other', 0), read('other', 1)]).toEqual(['n8n:other:0', 'n8n:other:1']);
		// Item 1 has no contact: a missing parent is n8n's to resolve, for that item only.
		expect([read('greeting', 0), read('greeting', 1)]).toEqual(['Hi A', 'n8n:greeting:1']);
		expect(calls).toEqual([
			['gateway', 0],
			['other', 0],
			['other', 1],
			['greeting', 1],
		]);
	});

	it.each([
		['a tool run of an AI agent ($json is not the tool arguments)', true],
		['an n8n without isToolExecution', undefined],
	])('asks n8n for every expression in %s', (_label, tool) => {
		const { context, calls } = fakeContext(parameters, items, tool);
		const read = itemParameterReader(context);
		expect([read('to', 0), read('to', 1)]).toEqual(['n8n:to:0', 'n8n:to:1']);
		expect(calls).toEqual([
			['to', 0],
			['to', 1],
		]);
	});

	it('asks n8n for every expression when the native path is switched off', () => {
		nativeItemExpressions.enabled = false;
		try {
			const { context, calls } = fakeContext(parameters, items, false);
			expect(itemParameterReader(context)('to', 1)).toBe('n8n:to:1');
			expect(calls).toEqual([['to', 1]]);
		} finally {
			nativeItemExpressions.enabled = true;
		}
	});
});

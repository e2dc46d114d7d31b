import { runNode } from '../harness/engine';

describe('engine harness', () => {
	it('runs Send SMS in dry-run mode inside WorkflowExecute with expressions resolved per item', async () => {
		const { run, json, items } = await runNode({
			type: 'sendSms',
			parameters: {
				gateway: 'africasTalking',
				to: '={{ $json.phone }}',
				message: '=Hi {{ $json.name }}',
				options: { dryRun: true, defaultCountry: 'KE' },
			},
			credentials: {
				africasTalkingApi: { username: 'u', apiKey: 'k', environment: 'sandbox', baseUrl: '' },
			},
			items: [
				{ phone: '0711000001', name: 'Amina' },
				{ phone: 'bad', name: 'B' },
			],
		});
		expect(run.status).toBe('success');
		expect(json.map((j) => j.status)).toEqual(['valid', 'invalid']);
		expect(json[0]).toMatchObject({ to: '+254711000001', details: { text: 'Hi Amina' } });
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

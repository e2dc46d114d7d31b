import { planSend } from '../../../nodes/shared/send/plan';
import { fakeAdapter, acceptAll } from '../../fixtures/fake-adapter';

const options = { deduplicate: true, encodingPolicy: 'auto' as const };

describe('planSend', () => {
	it('reports an invalid number on its own recipient, quoting it, and keeps the others', () => {
		const { adapter } = fakeAdapter(acceptAll);
		const plan = planSend(
			adapter,
			[{ itemIndex: 0, to: '+254711000001, 12, 0722 000 002', message: 'Hi' }],
			{
				...options,
				defaultCountry: 'KE',
			},
		);
		expect(plan.messages.map((m) => m.e164)).toEqual(['+254711000001', '+254722000002']);
		const invalid = plan.entries.find((e) => e.kind === 'decided');
		expect(invalid?.kind === 'decided' && invalid.result.status).toBe('invalid');
		expect(invalid?.kind === 'decided' && invalid.result.error?.message).toContain('"12"');
		expect(invalid?.kind === 'decided' && invalid.result.input).toBe('12');
	});

	it('deduplicates the same number with the same text across items, naming the item that sends it', () => {
		const { adapter } = fakeAdapter(acceptAll);
		const plan = planSend(
			adapter,
			[
				{ itemIndex: 0, to: '+254711000001', message: 'Hi' },
				{ itemIndex: 1, to: '+254 711 000 001', message: 'Hi' },
				{ itemIndex: 2, to: '+254711000001', message: 'Other text' },
			],
			options,
		);
		expect(plan.messages).toHaveLength(2);
		const dup = plan.entries[1];
		expect(dup.kind === 'decided' && dup.result.error?.code).toBe('DUPLICATE_RECIPIENT');
		expect(dup.kind === 'decided' && dup.result.error?.explanation).toContain('item 1');
		const noDedupe = planSend(
			adapter,
			[{ itemIndex: 0, to: ['+254711000001', '+254711000001'], message: 'Hi' }],
			{
				...options,
				deduplicate: false,
			},
		);
		expect(noDedupe.messages).toHaveLength(2);
	});

	it('sends premium replies to the same number and text with different link IDs or keywords: each is its own message', () => {
		const { adapter } = fakeAdapter(acceptAll);
		const reply = (
			itemIndex: number,
			keyword: string,
			linkId: string,
			retryDurationInHours?: number,
		) => ({
			itemIndex,
			to: '+254711000001',
			message: 'Thanks',
			options: { keyword, linkId, retryDurationInHours },
		});
		const plan = planSend(
			adapter,
			[
				reply(0, 'NEWS', 'link-1'),
				reply(1, 'NEWS', 'link-2'),
				reply(2, 'SPORT', 'link-2'),
				reply(3, 'SPORT', 'link-2', 2),
				reply(4, 'NEWS', 'link-1'),
			],
			options,
		);
		expect(plan.messages.map((m) => m.itemIndex)).toEqual([0, 1, 2, 3]);
		const repeat = plan.entries[4];
		expect(repeat.kind === 'decided' && repeat.result.error?.code).toBe('DUPLICATE_RECIPIENT');
		expect(repeat.kind === 'decided' && repeat.result.error?.explanation).toContain('item 1');
	});

	it('refuses Unicode before sending on a gateway that takes GSM-7 only, or replaces look-alikes on request', () => {
		const { adapter } = fakeAdapter(acceptAll, { unicode: false });
		const text = 'It’s “ready” — see you';
		const refused = planSend(
			adapter,
			[{ itemIndex: 0, to: '+254711000001', message: text }],
			options,
		);
		expect(refused.messages).toHaveLength(0);
		const entry = refused.entries[0];
		expect(entry.kind === 'decided' && entry.result.error?.code).toBe('UNICODE_NOT_SUPPORTED');
		expect(entry.kind === 'decided' && entry.result.error?.message).toContain('"’"');

		const replaced = planSend(adapter, [{ itemIndex: 0, to: '+254711000001', message: text }], {
			...options,
			encodingPolicy: 'replaceLookAlikes',
		});
		expect(replaced.messages[0].encoding).toBe('GSM-7');
		expect(replaced.messages[0].text).toBe('It\'s "ready" - see you');
	});

	it('applies the gateway length limit per message', () => {
		const { adapter } = fakeAdapter(acceptAll, { maxLength: { unit: 'utf16', max: 160 } });
		const plan = planSend(
			adapter,
			[
				{ itemIndex: 0, to: '+254711000001', message: 'a'.repeat(160) },
				{ itemIndex: 1, to: '+254711000002', message: 'a'.repeat(161) },
			],
			options,
		);
		expect(plan.messages).toHaveLength(1);
		const long = plan.entries[1];
		expect(long.kind === 'decided' && long.result.error?.code).toBe('MESSAGE_TOO_LONG');
	});

	it('personalises [{RECEIVERNAME}] locally, or keeps the template for gateways that do it themselves', () => {
		const local = fakeAdapter(acceptAll).adapter;
		const input = [
			{
				itemIndex: 0,
				to: '+254711000001',
				message: 'Hello [{RECEIVERNAME}]',
				recipientName: 'Amina',
			},
		];
		const planned = planSend(local, input, options);
		expect(planned.messages[0].text).toBe('Hello Amina');
		expect(planned.messages[0].template).toBeUndefined();

		const native = fakeAdapter(acceptAll, { nativePersonalisation: true }).adapter;
		const nativePlan = planSend(native, input, options);
		expect(nativePlan.messages[0].text).toBe('Hello Amina');
		expect(nativePlan.messages[0].template).toEqual({
			text: 'Hello [{RECEIVERNAME}]',
			recipientName: 'Amina',
		});
	});

	it('counts parts and encoding on the final text', () => {
		const { adapter } = fakeAdapter(acceptAll);
		const plan = planSend(
			adapter,
			[{ itemIndex: 0, to: '+254711000001', message: 'Habari 😀' }],
			options,
		);
		expect(plan.messages[0]).toMatchObject({ encoding: 'UCS-2', segments: 1 });
	});

	it('reports an item without any number', () => {
		const { adapter } = fakeAdapter(acceptAll);
		const plan = planSend(adapter, [{ itemIndex: 3, to: '', message: 'Hi' }], options);
		const entry = plan.entries[0];
		expect(entry.kind === 'decided' && entry.result.error?.code).toBe('NO_RECIPIENT');
		expect(entry.kind === 'decided' && entry.itemIndex).toBe(3);
	});
});

/**
 * The DHIS2 node's Inbound SMS and Outbound SMS resources inside n8n's engine, against the
 * simulator's DHIS2 over loopback: push an incoming SMS, list with filters, delete, and DHIS2's
 * own words on a refusal.
 */
import type { IDataObject } from 'n8n-workflow';

import { Dhis2SmsGateways } from '../../../nodes/Dhis2SmsGateways/Dhis2SmsGateways.node';
import type { OnError } from '../../harness/engine';
import { runNode } from '../../harness/engine';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();
const USER_NUMBER = '+4740000000';

async function dhis2(
	resource: string,
	operation: string,
	parameters: IDataObject = {},
	extra: { items?: IDataObject[]; onError?: OnError } = {},
) {
	return await runNode({
		type: 'dhis2SmsGateways',
		parameters: { gateway: 'dhis2', resource, operation, ...parameters },
		credentials: fx.get().credentials,
		items: extra.items,
		onError: extra.onError,
	});
}

/** DHIS2's own list, read past the node. */
async function storedInbound(): Promise<IDataObject[]> {
	const reply = await fetch(
		`${fx.get().sim.baseUrls.dhis2}/api/sms/inbound?fields=*&paging=false`,
		{
			headers: {
				Authorization: `Basic ${Buffer.from('admin:district').toString('base64')}`,
				Accept: 'application/json',
			},
		},
	);
	return ((await reply.json()) as { inboundsmss: IDataObject[] }).inboundsmss;
}

describe('DHIS2 SMS: the resources', () => {
	it('keeps SMS Gateway and its six operations, and adds Inbound SMS and Outbound SMS', () => {
		const { description } = new Dhis2SmsGateways();
		expect(description.name).toBe('dhis2SmsGateways');
		expect(description.displayName).toBe('DHIS2 SMS');
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(resource?.options?.map((o) => (o as { value: string }).value).sort()).toEqual([
			'inboundSms',
			'outboundSms',
			'smsGateway',
		]);
		expect(resource?.default).toBe('smsGateway');
		const operations = (r: string) =>
			description.properties
				.filter(
					(p) =>
						p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes(r),
				)
				.flatMap((p) => p.options!.map((o) => (o as { value: string }).value))
				.sort();
		expect(operations('smsGateway')).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'setDefault',
			'update',
		]);
		expect(operations('inboundSms')).toEqual(['create', 'delete', 'getAll']);
		expect(operations('outboundSms')).toEqual(['delete', 'getAll']);
	});
});

describe('DHIS2 SMS: Inbound SMS', () => {
	it('pushes one SMS per item into DHIS2 with originator, text, gateway ID and received date', async () => {
		const { json } = await dhis2(
			'inboundSms',
			'create',
			{
				originator: '={{ $json.from }}',
				text: '={{ $json.text }}',
				inboundGatewayId: 'africasTalking',
				receivedDate: '={{ $json.receivedAt }}',
			},
			{
				items: [
					{ from: USER_NUMBER, text: 'VISIT 12 3', receivedAt: '2026-03-04T10:30:00.000Z' },
					{ from: USER_NUMBER, text: 'VISIT 13 4', receivedAt: '2026-03-04T10:31:00.000Z' },
				],
			},
		);
		expect(json).toHaveLength(2);
		for (const item of json) {
			expect(item.id).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
			expect(item.message).toBe(`Received SMS: ${item.id}`);
		}
		const stored = await storedInbound();
		expect(stored.map((s) => [s.id, s.originator, s.text, s.gatewayId, s.receivedDate])).toEqual([
			[json[0].id, USER_NUMBER, 'VISIT 12 3', 'africasTalking', '2026-03-04T10:30:00.000Z'],
			[json[1].id, USER_NUMBER, 'VISIT 13 4', 'africasTalking', '2026-03-04T10:31:00.000Z'],
		]);
	});

	it("stops with DHIS2's own message when the first SMS is refused (nothing stored yet)", async () => {
		const { error } = await dhis2('inboundSms', 'create', {
			originator: '+4799999999',
			text: 'VISIT 1 1',
		});
		expect(error?.message).toBe("User's phone number is not registered in the system");
		expect(error?.description).toMatch(/belong to a DHIS2 user/);
		expect(await storedInbound()).toEqual([]);
	});

	it('never throws once an SMS may be stored: a later refusal becomes an error item', async () => {
		const { json, error } = await dhis2(
			'inboundSms',
			'create',
			{ originator: '={{ $json.from }}', text: 'VISIT 1 1' },
			{
				items: [{ from: USER_NUMBER }, { from: '+4799999999' }, { from: USER_NUMBER }],
			},
		);
		expect(error).toBeUndefined();
		expect(json[0].message).toMatch(/^Received SMS: /);
		expect(json[1]).toMatchObject({ error: "User's phone number is not registered in the system" });
		expect(json[2].message).toMatch(/^Received SMS: /);
		expect(await storedInbound()).toHaveLength(2);
	});

	it('refuses an empty originator or text before calling DHIS2, naming the item', async () => {
		const { error } = await dhis2(
			'inboundSms',
			'create',
			{ originator: '={{ $json.from }}', text: 'x' },
			{ items: [{ from: '' }] },
		);
		expect(error?.message).toBe('Item 1: Originator is empty');
		expect(fx.get().sim.stats().requests.byGateway.dhis2?.total ?? 0).toBe(0);
	});

	it('gets many with filters, and deletes one', async () => {
		for (const text of ['VISIT 1 1', 'STOCK 5', 'VISIT 2 2'])
			await fx.get().sim.inbound({ gateway: 'dhis2', from: USER_NUMBER, text });
		const all = await dhis2('inboundSms', 'getAll', { returnAll: true });
		expect(all.json.map((s) => s.text)).toEqual(['VISIT 1 1', 'STOCK 5', 'VISIT 2 2']);
		const visits = await dhis2('inboundSms', 'getAll', {
			returnAll: true,
			filters: { textContains: 'VISIT', originator: USER_NUMBER },
		});
		expect(visits.json.map((s) => s.text)).toEqual(['VISIT 1 1', 'VISIT 2 2']);
		const limited = await dhis2('inboundSms', 'getAll', { returnAll: false, limit: 2 });
		expect(limited.json).toHaveLength(2);

		const id = all.json[1].id as string;
		const deleted = await dhis2('inboundSms', 'delete', { smsId: id });
		expect(deleted.json).toEqual([
			{ id, message: `IncomingSms with ${id} deleted`, deleted: true },
		]);
		expect((await storedInbound()).map((s) => s.text)).toEqual(['VISIT 1 1', 'VISIT 2 2']);

		const again = await dhis2('inboundSms', 'delete', { smsId: id });
		expect(again.error?.message).toBe(`No IncomingSms with id '${id}' was found.`);
	});
});

describe('DHIS2 SMS: Outbound SMS', () => {
	it('lists what DHIS2 sent, filters by status, and deletes one', async () => {
		await runNode({
			type: 'sendSms',
			parameters: { gateway: 'dhis2', to: '+254711000111', message: 'Clinic day is Monday' },
			credentials: fx.get().credentials,
		});
		const { json } = await dhis2('outboundSms', 'getAll', { returnAll: true });
		expect(json).toEqual([
			expect.objectContaining({
				message: 'Clinic day is Monday',
				recipients: ['254711000111'],
				status: 'SENT',
			}),
		]);
		expect(
			(await dhis2('outboundSms', 'getAll', { returnAll: true, filters: { status: 'FAILED' } }))
				.json,
		).toEqual([]);
		const id = json[0].id as string;
		expect((await dhis2('outboundSms', 'delete', { smsId: id })).json).toEqual([
			{ id, message: `OutboundSms with ${id} deleted`, deleted: true },
		]);
		expect((await dhis2('outboundSms', 'getAll', { returnAll: true })).json).toEqual([]);
	});
});

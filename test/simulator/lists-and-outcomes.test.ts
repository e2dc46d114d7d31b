/**
 * The simulator features added for issue 13, over real HTTP: Africa's Talking's inbox in pages,
 * DHIS2's list filters and order, send refusals by number, and the config checks for them.
 */
import type { AxiosInstance } from 'axios';
import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { basic, client } from './helpers';

let sim: Simulator;
let at: AxiosInstance;
let dhis2: AxiosInstance;
const DHIS2_AUTH = { Authorization: basic('admin', 'district') };

beforeAll(async () => {
	sim = await startSimulator({ port: 0, quiet: true });
	at = client(sim.baseUrls.africasTalking);
	dhis2 = client(sim.baseUrls.dhis2);
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.reset());

async function inbox(lastReceivedId: number): Promise<Array<{ id: number; text: string }>> {
	const reply = await at.get('/version1/messaging', {
		params: { username: 'sandbox', lastReceivedId },
		headers: { apiKey: 'at-sim-key', Accept: 'application/json' },
	});
	return reply.data.SMSMessageData.Messages;
}

describe("Africa's Talking inbox fetch", () => {
	it('returns everything after the id by default, and pages of atInboxPageSize when set', async () => {
		for (let i = 1; i <= 5; i++)
			await sim.inbound({ gateway: 'africasTalking', from: '+254711000111', text: `m${i}` });
		expect((await inbox(0)).map((m) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
		sim.configure({ atInboxPageSize: 2 });
		const first = await inbox(0);
		expect(first.map((m) => m.text)).toEqual(['m1', 'm2']);
		const second = await inbox(first[1].id);
		expect(second.map((m) => m.text)).toEqual(['m3', 'm4']);
		expect((await inbox(second[1].id)).map((m) => m.text)).toEqual(['m5']);
		expect(await inbox(second[1].id + 1)).toEqual([]);
	});

	it('refuses a page size below 1', () => {
		expect(() => sim.configure({ atInboxPageSize: 0 })).toThrow(/atInboxPageSize/);
	});
});

describe('DHIS2 list filter and order', () => {
	beforeEach(async () => {
		for (const [text, advance] of [
			['VISIT 1', 5],
			['STOCK 2', 5],
			['VISIT 3', 0],
		] as const) {
			await sim.inbound({ gateway: 'dhis2', from: '+4740000000', text });
			sim.advance(advance);
		}
	});

	const list = async (params: Record<string, unknown>) =>
		(
			await dhis2.get('/api/sms/inbound', {
				params: { fields: 'text,created', ...params },
				headers: DHIS2_AUTH,
			})
		).data;

	it('filters with like and eq, and orders by created either way', async () => {
		expect(
			(await list({ filter: 'text:like:VISIT' })).inboundsmss.map((s: { text: string }) => s.text),
		).toEqual(['VISIT 1', 'VISIT 3']);
		expect((await list({ filter: 'text:eq:STOCK 2' })).inboundsmss).toHaveLength(1);
		expect(
			(await list({ order: 'created:desc' })).inboundsmss.map((s: { text: string }) => s.text),
		).toEqual(['VISIT 3', 'STOCK 2', 'VISIT 1']);
	});

	it('compares created as instants with ge, and counts only the filtered ones in the pager', async () => {
		const all = (await list({ order: 'created:asc' })).inboundsmss as Array<{ created: string }>;
		const since = await list({ filter: `created:ge:${all[1].created}`, order: 'created:asc' });
		expect(since.inboundsmss.map((s: { text: string }) => s.text)).toEqual(['STOCK 2', 'VISIT 3']);
		expect(since.pager.total).toBe(2);
	});

	it('answers 400 to a filter it cannot read', async () => {
		const reply = await dhis2.get('/api/sms/inbound', {
			params: { filter: 'text:near:x' },
			headers: DHIS2_AUTH,
			validateStatus: () => true,
		});
		expect(reply.status).toBe(400);
	});
});

describe('send refusals by number', () => {
	it('checks each rule', () => {
		expect(() =>
			sim.configure({ sendRefusals: [{ gateway: 'dhis2', exact: '1', code: 8003 }] }),
		).toThrow(/gateway/);
		expect(() => sim.configure({ sendRefusals: [{ gateway: 'gupshup', code: 8003 }] })).toThrow(
			/exact, suffix or prefix/,
		);
		expect(() =>
			sim.configure({ sendRefusals: [{ gateway: 'gupshup', exact: '1', code: 'x' }] }),
		).toThrow(/code/);
	});
});

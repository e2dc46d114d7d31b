/** Manage Sender Names (SMSBox) inside n8n's engine, against the simulator over loopback. */
import type { IDataObject } from 'n8n-workflow';

import { ManageSenderNames } from '../../../nodes/ManageSenderNames/ManageSenderNames.node';
import type { OnError } from '../../harness/engine';
import { runNode } from '../../harness/engine';
import type { SimFixture } from '../../fixtures/simulator';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();

const SAMPLE = 'Your clinic appointment is tomorrow at 9:00';

async function manage(
	parameters: IDataObject,
	extra: { items?: IDataObject[]; onError?: OnError; credentials?: SimFixture['credentials'] } = {},
) {
	return await runNode({
		type: 'manageSenderNames',
		parameters: { gateway: 'smsBox', resource: 'senderName', ...parameters },
		credentials: extra.credentials ?? fx.get().credentials,
		items: extra.items,
		onError: extra.onError,
	});
}

const list = (filters: IDataObject = {}, paging: IDataObject = { returnAll: true }) =>
	manage({ operation: 'getAll', filters, ...paging });

const request = (
	senderId: string,
	sampleContent = SAMPLE,
	extra: Parameters<typeof manage>[1] = {},
) => manage({ operation: 'request', senderId, sampleContent }, extra);

function endpointCalls(endpoint: string): number {
	return fx.get().sim.stats().requests.byGateway.smsBox.byEndpoint[endpoint] ?? 0;
}

function wrongSecret(): SimFixture['credentials'] {
	const all = fx.get().credentials;
	return { ...all, smsBoxApi: { ...all.smsBoxApi, apiSecret: 'wrong' } };
}

describe('Manage Sender Names: what it offers', () => {
	it('offers SMSBox only, as the one gateway that manages sender names', () => {
		const { description } = new ManageSenderNames();
		const gateway = description.properties.find((p) => p.name === 'gateway');
		// One gateway: no one-option dropdown, a fixed hidden value (the same one saved workflows hold).
		expect(gateway).toMatchObject({ type: 'hidden', default: 'smsBox' });
		expect(description.credentials?.map((c) => c.name)).toEqual(['smsBoxApi']);
	});
});

describe('Manage Sender Names: Get Many', () => {
	beforeEach(() => {
		fx.get().sim.configure({
			senderNames: { CLINIC: 'pending', OLDNAME: 'rejected', 'MOH-TZ': 'approved' },
		});
	});

	it('lists every sender name with its status, one item each', async () => {
		const { json } = await list();
		expect(json.map((j) => [j.name, j.status])).toEqual([
			['SMSBOX', 'approved'],
			['CLINIC', 'pending'],
			['OLDNAME', 'rejected'],
			['MOH-TZ', 'approved'],
		]);
		expect(json[0]).toMatchObject({
			gateway: 'smsBox',
			id: '1',
			created: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
		});
	});

	it.each([
		['approved', ['SMSBOX', 'MOH-TZ']],
		['pending', ['CLINIC']],
		['rejected', ['OLDNAME']],
	])('filters by status %s', async (status, names) => {
		const { json } = await list({ status });
		expect(json.map((j) => j.name)).toEqual(names);
	});

	it('filters by text (q) in the name', async () => {
		const { json } = await list({ q: 'moh' });
		expect(json.map((j) => j.name)).toEqual(['MOH-TZ']);
	});

	it('returns at most Limit names unless Return All is on', async () => {
		const { json } = await list({}, { returnAll: false, limit: 2 });
		expect(json.map((j) => j.name)).toEqual(['SMSBOX', 'CLINIC']);
	});

	it('outputs nothing for an empty list', async () => {
		const { json, run } = await list({ q: 'no such name' });
		expect(run.status).toBe('success');
		expect(json).toEqual([]);
	});

	it('reports wrong credentials with SMSBox code 120', async () => {
		const { error } = await manage(
			{ operation: 'getAll', returnAll: true },
			{ credentials: wrongSecret() },
		);
		expect(error?.message).toBe('Invalid Authorization Parameters');
		expect(error?.description).toMatch(/API key or secret/);
	});
});

describe('Manage Sender Names: Request', () => {
	it('requests a name, which then lists as pending', async () => {
		const { json } = await request('CLINIC 2');
		expect(json[0]).toMatchObject({
			gateway: 'smsBox',
			senderId: 'CLINIC 2',
			id: '2',
			status: 'pending',
			message: 'SenderID 2 created Successfully',
		});
		const listed = await list({ status: 'pending' });
		expect(listed.json.map((j) => j.name)).toEqual(['CLINIC 2']);
	});

	it('refuses an existing name with SMSBox code 122 (answered 409 inside "data")', async () => {
		const { error, run } = await request('SMSBOX');
		expect(run.status).toBe('error');
		expect(error?.message).toBe('Senderid exist, please try another one');
		expect(error?.description).toMatch(/already exists/);
		expect((error as { httpCode?: string }).httpCode).toBe('409');
	});

	it("maps SMSBox's code 124 when it counts the sample longer than the node does", async () => {
		// 170 characters as a reader counts them, 171 UTF-16 units as the simulator does: the
		// gateway's own refusal (124) is what the user sees.
		const { error } = await request('CLINIC', `${'x'.repeat(169)}🙂`);
		expect(error?.message).toBe('Sender Name sample content should not exceed 170 characters');
		expect(error?.description).toMatch(/15 to 170 characters/);
	});

	it('reports wrong credentials with SMSBox code 120', async () => {
		const { error } = await request('CLINIC', SAMPLE, { credentials: wrongSecret() });
		expect(error?.message).toBe('Invalid Authentication Parameters');
	});

	it.each([
		['a 12-character name', 'ABCDEFGHIJKL', SAMPLE, 'SENDER_NAME_TOO_LONG', /at most 11/],
		[
			'a name with "!"',
			'CLINIC!',
			SAMPLE,
			'SENDER_NAME_INVALID_CHARACTERS',
			/letters, digits, space/,
		],
		[
			'a name with "_"',
			'CLINIC_TZ',
			SAMPLE,
			'SENDER_NAME_INVALID_CHARACTERS',
			/letters, digits, space/,
		],
		[
			'an empty name from an expression',
			'={{ "" }}',
			SAMPLE,
			'SENDER_NAME_REQUIRED',
			/sender name/,
		],
		['a 9-character sample', 'CLINIC', 'Too short', 'SAMPLE_CONTENT_TOO_SHORT', /15 to 170/],
		['a 171-character sample', 'CLINIC', 'x'.repeat(171), 'SAMPLE_CONTENT_TOO_LONG', /15 to 170/],
	])('checks %s before calling', async (_label, senderId, sample, code, explanation) => {
		const { items, run } = await request(senderId, sample, { onError: 'continueRegularOutput' });
		expect(run.status).toBe('success');
		expect(items[0].json).toMatchObject({
			details: { code, description: expect.stringMatching(explanation) },
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(endpointCalls('POST /api/sms/v1/request_sender_name')).toBe(0);
	});

	it('stops the run on a check failure when "On Error" does not continue, naming the item', async () => {
		const { run, error } = await request('={{ $json.name }}', SAMPLE, {
			items: [{ name: 'OK NAME' }, { name: 'WAY TOO LONG' }],
		});
		expect(run.status).toBe('error');
		expect(error?.message).toMatch(/has 12 characters; SMSBox allows at most 11/);
		expect((error as { context?: IDataObject }).context?.itemIndex).toBe(1);
	});

	it('requests one name per input item, each paired with its item', async () => {
		const { items } = await request('={{ $json.name }}', SAMPLE, {
			items: [{ name: 'ALPHA' }, { name: 'BETA' }],
		});
		expect(items.map((i) => [i.json.senderId, i.pairedItem])).toEqual([
			['ALPHA', { item: 0 }],
			['BETA', { item: 1 }],
		]);
	});

	it('routes a refused request to the error output', async () => {
		const { outputs } = await request('={{ $json.name }}', SAMPLE, {
			items: [{ name: 'FRESH' }, { name: 'SMSBOX' }],
			onError: 'continueErrorOutput',
		});
		expect(outputs[0].map((i) => i.json.senderId)).toEqual(['FRESH']);
		expect(outputs[1].map((i) => [i.json.error, i.pairedItem])).toEqual([
			['Senderid exist, please try another one', { item: 1 }],
		]);
	});
});

/** DHIS2 SMS Gateways inside n8n's engine, against the simulator's DHIS2 over loopback. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { Dhis2SmsGateways } from '../../../nodes/Dhis2SmsGateways/Dhis2SmsGateways.node';
import { Prng } from '../../../simulator/core/prng';
import { generatePersonalAccessToken } from '../../../simulator/gateways/dhis2/token';
import type { OnError } from '../../harness/engine';
import { runNode } from '../../harness/engine';
import { loadOptions } from '../../fixtures/load-options';
import type { SimFixture } from '../../fixtures/simulator';
import { useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();
const MASKED = '********';

async function gateways(
	operation: string,
	parameters: IDataObject = {},
	extra: { items?: IDataObject[]; onError?: OnError; credentials?: SimFixture['credentials'] } = {},
) {
	return await runNode({
		type: 'dhis2SmsGateways',
		parameters: { gateway: 'dhis2', resource: 'smsGateway', operation, ...parameters },
		credentials: extra.credentials ?? fx.get().credentials,
		items: extra.items,
		onError: extra.onError,
	});
}

/** What DHIS2 itself stores, read past the node (with its own Basic login), to check secrets. */
async function storedRaw(id: string): Promise<IDataObject> {
	const reply = await fetch(`${fx.get().sim.baseUrls.dhis2}/api/gateways/${id}`, {
		headers: {
			Authorization: `Basic ${Buffer.from('admin:district').toString('base64')}`,
			Accept: 'application/json',
		},
	});
	return (await reply.json()) as IDataObject;
}

async function defaultId(): Promise<string> {
	const { json } = await gateways('getAll');
	return json.find((g) => g.isDefault === true)!.id as string;
}

async function createBulk(name = 'Bulk SMS') {
	return await gateways('create', {
		gatewayType: 'bulksms',
		name,
		username: 'bulkuser',
		password: 'bulk-secret-1',
	});
}

function dhis2Credentials(patch: ICredentialDataDecryptedObject): SimFixture['credentials'] {
	const all = fx.get().credentials;
	return { ...all, dhis2Api: { ...all.dhis2Api, ...patch } };
}

const gatewayCalls = () => fx.get().sim.stats().requests.byGateway.dhis2.byEndpoint;

describe('DHIS2 SMS Gateways: what it offers', () => {
	it('offers DHIS2 only, with a resource above its six operations', () => {
		const { description } = new Dhis2SmsGateways();
		const gateway = description.properties.find((p) => p.name === 'gateway');
		// One gateway: no one-option dropdown, a fixed hidden value (the same one saved workflows hold).
		expect(gateway).toMatchObject({ type: 'hidden', default: 'dhis2' });
		expect(description.properties.find((p) => p.name === 'resource')).toBeDefined();
		const operations = description.properties
			.find((p) => p.name === 'operation')
			?.options?.map((o) => (o as { value: string }).value);
		expect(operations?.sort()).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'setDefault',
			'update',
		]);
		const types = description.properties
			.find((p) => p.name === 'gatewayType')
			?.options?.map((o) => (o as { value: string }).value);
		expect(types?.sort()).toEqual(['bulksms', 'clickatell', 'http', 'smpp']);
	});
});

describe('DHIS2 SMS Gateways: Get Many and Get', () => {
	it('lists the gateways, one item each, with confidential values masked', async () => {
		const { json } = await gateways('getAll');
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			type: 'http',
			name: 'Simulator generic gateway',
			isDefault: true,
		});
		expect(json[0].parameters).toEqual([
			{ key: 'token', value: MASKED, header: false, encode: false, confidential: true },
		]);
		expect(JSON.stringify(json)).not.toContain('sim-gateway-token');
	});

	it('gets one gateway by id', async () => {
		const id = await defaultId();
		const { json } = await gateways('get', { gatewayId: id });
		expect(json).toEqual([expect.objectContaining({ id, uid: id, type: 'http' })]);
	});

	it("shows DHIS2's not-found message for an unknown id", async () => {
		const { error } = await gateways('get', { gatewayId: 'NoSuchOne1' });
		expect(error?.message).toBe('SmsGatewayConfig with id NoSuchOne1 could not be found.');
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('offers the gateways in a dropdown, naming the type and the default', async () => {
		await createBulk();
		const options = await loadOptions(
			'dhis2SmsGateways',
			'getSmsGateways',
			{ gateway: 'dhis2', operation: 'get' },
			fx.get().credentials,
		);
		expect(options.map((o) => o.name)).toEqual([
			'Bulk SMS (bulksms)',
			'Simulator generic gateway (http, default)',
		]);
		expect(options.every((o) => typeof o.value === 'string' && String(o.value).length === 10)).toBe(
			true,
		);
	});
});

describe('DHIS2 SMS Gateways: Create', () => {
	it('creates a BulkSMS gateway and returns it as stored, password masked', async () => {
		const { json } = await createBulk();
		expect(json[0]).toMatchObject({
			message: 'Gateway configuration added',
			gateway: {
				type: 'bulksms',
				name: 'Bulk SMS',
				username: 'bulkuser',
				password: MASKED,
				isDefault: false,
			},
		});
		const id = json[0].id as string;
		expect((json[0].gateway as IDataObject).id).toBe(id);
		const raw = await storedRaw(id);
		expect(raw.password).not.toBe('bulk-secret-1');
		expect(raw.urlTemplate).toBe('https://api.bulksms.com/v1/messages');
	});

	it('creates a Clickatell gateway with its token masked', async () => {
		const { json } = await gateways('create', {
			gatewayType: 'clickatell',
			name: 'Clickatell',
			authToken: 'clk-token-9',
			urlTemplate: 'https://platform.clickatell.com/messages',
		});
		expect(json[0].gateway).toMatchObject({
			type: 'clickatell',
			authToken: MASKED,
			urlTemplate: 'https://platform.clickatell.com/messages',
		});
	});

	it('creates an SMPP gateway with its SMPP fields', async () => {
		const { json } = await gateways('create', {
			gatewayType: 'smpp',
			name: 'SMSC',
			systemId: 'smppclient1',
			host: 'smsc.example.org',
			port: 2775,
			password: 'smpp-pass',
			bindType: 'BIND_TRX',
			numberPlanIndicator: 'ISDN',
			typeOfNumber: 'INTERNATIONAL',
			compressed: true,
		});
		expect(json[0].gateway).toMatchObject({
			type: 'smpp',
			systemId: 'smppclient1',
			host: 'smsc.example.org',
			port: 2775,
			bindType: 'BIND_TRX',
			numberPlanIndicator: 'ISDN',
			typeOfNumber: 'INTERNATIONAL',
			compressed: true,
			password: MASKED,
		});
	});

	it('creates a generic HTTP gateway with parameters, content type and flags, once the old one is gone', async () => {
		await gateways('delete', { gatewayId: await defaultId() });
		const { json } = await gateways('create', {
			gatewayType: 'http',
			name: 'My provider',
			urlTemplate: 'https://sms.example.org/api/send',
			configurationTemplate: '{"to":"${recipients}","text":"${text}","key":"${apiKey}"}',
			contentType: 'APPLICATION_JSON',
			useGet: false,
			sendUrlParameters: true,
			maxSmsLength: 480,
			parameters: {
				parameter: [
					{
						key: 'apiKey',
						value: 'plain-api-key',
						header: false,
						encode: false,
						confidential: true,
					},
					{
						key: 'Authorization',
						value: 'dXNlcjpwYXNz',
						header: true,
						encode: false,
						confidential: false,
					},
					{ key: 'route', value: 'premium', header: false, encode: true, confidential: false },
				],
			},
		});
		const gateway = json[0].gateway as IDataObject;
		expect(gateway).toMatchObject({
			type: 'http',
			isDefault: true,
			contentType: 'APPLICATION_JSON',
			sendUrlParameters: true,
			maxSmsLength: '480',
			configurationTemplate: '{"to":"${recipients}","text":"${text}","key":"${apiKey}"}',
		});
		expect(gateway.parameters).toEqual([
			{ key: 'apiKey', value: MASKED, header: false, encode: false, confidential: true },
			{
				key: 'Authorization',
				value: 'dXNlcjpwYXNz',
				header: true,
				encode: false,
				confidential: false,
			},
			{ key: 'route', value: 'premium', header: false, encode: true, confidential: false },
		]);
		expect(JSON.stringify(json)).not.toContain('plain-api-key');
		const raw = await storedRaw(json[0].id as string);
		expect((raw.parameters as IDataObject[])[0].value).not.toBe('plain-api-key');
	});

	it('says so when DHIS2 answers "added" but keeps its one gateway of that type', async () => {
		const { error } = await gateways('create', {
			gatewayType: 'http',
			name: 'Second',
			urlTemplate: 'https://b.example.org/send',
		});
		expect(error?.message).toBe(
			'DHIS2 answered "Gateway configuration added" but did not store the http gateway',
		);
		expect(error?.description).toMatch(/one gateway per type.*"Simulator generic gateway"/);
		const { json } = await gateways('getAll');
		expect(json.map((g) => g.name)).toEqual(['Simulator generic gateway']);
	});

	it.each([
		[
			'a generic gateway without URL',
			{ gatewayType: 'http', name: 'G', urlTemplate: '' },
			'FIELD_REQUIRED',
		],
		[
			'a URL that is not http(s)',
			{ gatewayType: 'http', name: 'G', urlTemplate: 'sms.example.org/send' },
			'INVALID_URL',
		],
		[
			'BulkSMS without password',
			{ gatewayType: 'bulksms', name: 'B', username: 'u' },
			'FIELD_REQUIRED',
		],
		// Fields the editor marks required can still come empty from an expression.
		[
			'Clickatell without token',
			{ gatewayType: 'clickatell', name: 'C', authToken: '={{ "" }}' },
			'FIELD_REQUIRED',
		],
		[
			'SMPP without host',
			{ gatewayType: 'smpp', name: 'S', systemId: 'x', host: '={{ "" }}' },
			'FIELD_REQUIRED',
		],
		[
			'a parameter key given twice',
			{
				gatewayType: 'http',
				name: 'G',
				urlTemplate: 'https://x.example.org',
				parameters: {
					parameter: [
						{ key: 'k', value: '1' },
						{ key: 'k', value: '2' },
					],
				},
			},
			'PARAMETER_KEY_DUPLICATE',
		],
	])('refuses %s before calling DHIS2', async (_label, parameters, code) => {
		const { items } = await gateways('create', parameters, { onError: 'continueRegularOutput' });
		expect(items[0].json).toMatchObject({ details: { code } });
		expect(gatewayCalls()['POST /api/gateways'] ?? 0).toBe(0);
	});
});

describe('DHIS2 SMS Gateways: Update', () => {
	it('changes only the given fields and keeps the stored password', async () => {
		const id = (await createBulk()).json[0].id as string;
		const before = await storedRaw(id);
		const { json } = await gateways('update', {
			gatewayId: id,
			gatewayType: 'bulksms',
			updateFields: { name: 'Renamed' },
		});
		expect(json[0]).toMatchObject({
			id,
			message: `Gateway with uid: ${id} has been updated`,
			gateway: { name: 'Renamed', username: 'bulkuser', password: MASKED },
		});
		expect((await storedRaw(id)).password).toBe(before.password);
	});

	it('stores a new password when one is given', async () => {
		const id = (await createBulk()).json[0].id as string;
		const before = await storedRaw(id);
		await gateways('update', {
			gatewayId: id,
			gatewayType: 'bulksms',
			updateFields: { password: 'bulk-secret-2' },
		});
		const after = await storedRaw(id);
		expect(after.password).not.toBe(before.password);
		expect(after.password).not.toBe('bulk-secret-2');
	});

	it('keeps a confidential parameter the update does not touch', async () => {
		const id = await defaultId();
		const before = (await storedRaw(id)).parameters as IDataObject[];
		await gateways('update', {
			gatewayId: id,
			gatewayType: 'http',
			updateFields: { urlTemplate: 'https://new.example.org/send' },
		});
		const after = await storedRaw(id);
		expect(after.urlTemplate).toBe('https://new.example.org/send');
		expect(after.parameters).toEqual(before);
	});

	it('shows DHIS2\'s 409 "Default gateway already exists"', async () => {
		const id = (await createBulk()).json[0].id as string;
		const { error } = await gateways('update', {
			gatewayId: id,
			gatewayType: 'bulksms',
			updateFields: { isDefault: true },
		});
		expect(error?.message).toBe('Default gateway already exists');
		expect(error?.description).toMatch(/Set Default/);
		expect((error as { httpCode?: string }).httpCode).toBe('409');
	});

	it('shows DHIS2\'s 409 "Type of an existing configuration cannot be changed"', async () => {
		const { error } = await gateways('update', {
			gatewayId: await defaultId(),
			gatewayType: 'bulksms',
			updateFields: { name: 'X' },
		});
		expect(error?.message).toBe('Type of an existing configuration cannot be changed');
	});

	it("shows DHIS2's not-found message, without a PUT", async () => {
		const { error } = await gateways('update', {
			gatewayId: 'NoSuchOne1',
			gatewayType: 'http',
			updateFields: { name: 'X' },
		});
		expect(error?.message).toBe('SmsGatewayConfig with id NoSuchOne1 could not be found.');
		expect(gatewayCalls()['PUT /api/gateways/:uid'] ?? 0).toBe(0);
	});

	it('refuses an empty name before calling DHIS2', async () => {
		const { error } = await gateways('update', {
			gatewayId: await defaultId(),
			gatewayType: 'http',
			updateFields: { name: '' },
		});
		expect(error?.message).toBe('The gateway name cannot be empty');
		expect(gatewayCalls()['PUT /api/gateways/:uid'] ?? 0).toBe(0);
	});
});

describe('DHIS2 SMS Gateways: Set Default and Delete', () => {
	it("makes another gateway the default, with DHIS2's message", async () => {
		const id = (await createBulk()).json[0].id as string;
		const { json } = await gateways('setDefault', { gatewayId: id });
		expect(json[0]).toMatchObject({
			id,
			message: 'Bulk SMS is set to default',
			gateway: { isDefault: true },
		});
		const all = await gateways('getAll');
		expect(all.json.filter((g) => g.isDefault).map((g) => g.id)).toEqual([id]);
	});

	it('deletes a gateway; removing the default promotes the one left', async () => {
		const bulk = (await createBulk()).json[0].id as string;
		const { json } = await gateways('delete', { gatewayId: await defaultId() });
		expect(json[0]).toMatchObject({ message: 'Gateway removed successfully', deleted: true });
		const all = await gateways('getAll');
		expect(all.json.map((g) => [g.id, g.isDefault])).toEqual([[bulk, true]]);
	});

	it.each(['delete', 'setDefault'])("%s: shows DHIS2's not-found message", async (operation) => {
		const { error } = await gateways(operation, { gatewayId: 'NoSuchOne1' });
		expect(error?.message).toBe('SmsGatewayConfig with id NoSuchOne1 could not be found.');
	});
});

describe('DHIS2 SMS Gateways: access', () => {
	it('works with a personal access token', async () => {
		const { json } = await gateways(
			'getAll',
			{},
			{
				credentials: dhis2Credentials({
					authType: 'token',
					token: fx.get().sim.accounts.dhis2.personalAccessToken,
				}),
			},
		);
		expect(json).toHaveLength(1);
	});

	it.each([
		['a wrong password', { password: 'wrong' }, 'Unauthorized', /username and password/],
		[
			'a malformed token',
			{ authType: 'token', token: 'not a token!' },
			'Api token is malformed',
			/access token/,
		],
		[
			'a token with a bad checksum',
			{ authType: 'token', token: `d2p_${'a'.repeat(44)}000000` },
			'Checksum validation failed',
			/access token/,
		],
	])("shows DHIS2's words for %s", async (_label, patch, message, explanation) => {
		const { error } = await gateways('getAll', {}, { credentials: dhis2Credentials(patch) });
		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(explanation);
	});

	it("shows DHIS2's words for a well-formed token it does not know", async () => {
		const stranger = generatePersonalAccessToken(new Prng(4242));
		expect(stranger).not.toBe(fx.get().sim.accounts.dhis2.personalAccessToken);
		const { error } = await gateways(
			'getAll',
			{},
			{ credentials: dhis2Credentials({ authType: 'token', token: stranger }) },
		);
		expect(error?.message).toBe('The API token does not exists.');
		expect(error?.description).toMatch(/access token/);
	});

	it('reports a rate limit (429) as "try again later"', async () => {
		fx.get().sim.configure({ faults: { gateways: { dhis2: { next: ['rateLimit'] } } } });
		const { error } = await gateways('getAll');
		expect(error?.message).toMatch(/HTTP 429/);
		expect(error?.description).toMatch(/try again later/i);
	});

	it('explains a server without /api/gateways (wrong URL, or DHIS2 older than 2.35)', async () => {
		const { error } = await gateways(
			'getAll',
			{},
			{ credentials: dhis2Credentials({ serverUrl: `${fx.get().sim.baseUrls.dhis2}/api/26` }) },
		);
		expect(error?.description).toMatch(/2\.35/);
	});

	it('keeps each failure with its item', async () => {
		const id = await defaultId();
		const { items, run } = await gateways(
			'get',
			{ gatewayId: '={{ $json.id }}' },
			{ items: [{ id }, { id: 'NoSuchOne1' }], onError: 'continueRegularOutput' },
		);
		expect(run.status).toBe('success');
		expect(items.map((i) => [i.json.id ?? i.json.error, i.pairedItem])).toEqual([
			[id, { item: 0 }],
			['SmsGatewayConfig with id NoSuchOne1 could not be found.', { item: 1 }],
		]);
	});

	it('never outputs a password, token or confidential value it was given', async () => {
		const outputs = [
			await createBulk(),
			await gateways('create', { gatewayType: 'clickatell', name: 'C', authToken: 'clk-token-9' }),
			await gateways('getAll'),
		];
		const text = JSON.stringify(outputs.map((o) => o.json));
		for (const secret of ['bulk-secret-1', 'clk-token-9', 'sim-gateway-token', 'district'])
			expect(text).not.toContain(secret);
	});
});

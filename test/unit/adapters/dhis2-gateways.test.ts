import type { SmsGatewayInput } from '../../../nodes/shared/core/adapter';
import { dhis2 } from '../../../nodes/shared/adapters/dhis2';
import { MASKED } from '../../../nodes/shared/adapters/dhis2/gateway-config';
import { FakeHttp, reply } from '../../fixtures/fake-http';
import { refusal } from '../../fixtures/gateway-refusal';

const admin = dhis2.gatewayAdmin!;
const credentials = {
	serverUrl: 'http://127.0.0.1:8787/dhis2',
	authType: 'basic',
	username: 'admin',
	password: 'district',
};
const API = 'http://127.0.0.1:8787/dhis2/api/gateways';

const web = (status: number, message: string) => ({
	httpStatus: status === 200 ? 'OK' : 'Conflict',
	httpStatusCode: status,
	status: status < 400 ? 'OK' : 'ERROR',
	message,
});

/** A generic gateway as DHIS2 returns it: secrets only ever "encrypted". */
const STORED_HTTP = {
	type: 'http',
	uid: 'AbCdEfGhIj',
	id: 'AbCdEfGhIj',
	name: 'Local provider',
	isDefault: true,
	username: 'user1',
	password: 'c2VjcmV0LWNpcGhlcg==',
	urlTemplate: 'https://sms.example.com/send',
	configurationTemplate: '{"to":"${recipients}","text":"${text}","key":"${apiKey}"}',
	useGet: false,
	contentType: 'APPLICATION_JSON',
	sendUrlParameters: false,
	maxSmsLength: '640',
	parameters: [
		{ key: 'apiKey', value: 'ZW5jcnlwdGVk', header: false, encode: false, confidential: true },
		{ key: 'route', value: 'premium', header: false, encode: false, confidential: false },
	],
};

describe('DHIS2 gateways: reading', () => {
	it('lists /api/gateways with every secret masked', async () => {
		const http = new FakeHttp(
			reply(200, {
				gateways: [
					STORED_HTTP,
					{ type: 'clickatell', uid: 'K1', name: 'C', authToken: 'ZW5j', password: null },
				],
			}),
		);
		const gateways = await admin.list(http, credentials);
		expect(http.only()).toMatchObject({ method: 'GET', url: API });
		expect(gateways[0]).toMatchObject({
			id: 'AbCdEfGhIj',
			password: MASKED,
			parameters: [
				{ key: 'apiKey', value: MASKED, confidential: true },
				{ key: 'route', value: 'premium', confidential: false },
			],
		});
		expect(gateways[1]).toMatchObject({ id: 'K1', authToken: MASKED, password: null });
		expect(JSON.stringify(gateways)).not.toMatch(/c2VjcmV0|ZW5j/);
	});

	it('gets one gateway by its uid', async () => {
		const http = new FakeHttp(reply(200, STORED_HTTP));
		const gateway = await admin.get(http, credentials, ' AbCdEfGhIj ');
		expect(http.only().url).toBe(`${API}/AbCdEfGhIj`);
		expect(gateway).toMatchObject({ id: 'AbCdEfGhIj', name: 'Local provider', password: MASKED });
	});

	it("keeps DHIS2's own words for an unknown uid", async () => {
		const words = 'SmsGatewayConfig with id nope could not be found.';
		const error = await refusal(
			admin.get(new FakeHttp(reply(404, web(404, words))), credentials, 'nope'),
		);
		expect(error.info).toMatchObject({ code: '404', message: words });
		expect(error.httpStatus).toBe(404);
	});

	it('refuses an empty id instead of calling the list', async () => {
		const http = new FakeHttp();
		const error = await refusal(admin.get(http, credentials, '  '));
		expect(error.info.code).toBe('GATEWAY_ID_REQUIRED');
		expect(http.requests).toHaveLength(0);
	});

	it('needs the server URL', async () => {
		const error = await refusal(admin.list(new FakeHttp(), { ...credentials, serverUrl: '' }));
		expect(error.info.code).toBe('SERVER_URL_MISSING');
	});

	it.each([
		[401, 'Unauthorized', /username and password/],
		[400, 'Api token is malformed', /access token/],
		[400, 'Checksum validation failed', /access token/],
		[403, 'Access is denied, requires one Authority from [F_MOBILE_SENDSMS]', /F_MOBILE_SENDSMS/],
		[404, 'Not Found', /2\.35/],
		[500, 'Internal Server Error', /refused the gateway configuration/],
	])('explains HTTP %i "%s"', async (status, words, explanation) => {
		const error = await refusal(
			admin.list(new FakeHttp(reply(status, web(status, words))), credentials),
		);
		expect(error.info.message).toBe(words);
		expect(error.info.explanation).toMatch(explanation);
	});

	it('says an HTML page is probably a login page', async () => {
		const error = await refusal(
			admin.list(
				new FakeHttp(reply(200, '<!doctype html><title>DHIS2 login</title>')),
				credentials,
			),
		);
		expect(error.info.code).toBe('UNREADABLE_REPLY');
		expect(error.info.explanation).toMatch(/login page/);
	});

	it('reports 429 as "try again later"', async () => {
		const error = await refusal(
			admin.list(
				new FakeHttp(reply(429, web(429, 'Too Many Requests'), { 'Retry-After': '1' })),
				credentials,
			),
		);
		expect(error.info.code).toBe('429');
	});
});

describe('DHIS2 gateways: create', () => {
	const bulk: SmsGatewayInput = {
		type: 'bulksms',
		name: 'Bulk',
		username: 'bulkuser',
		password: 'abc123',
	};

	it('POSTs the configuration, reads the new uid from Location and returns it as stored', async () => {
		const http = new FakeHttp(
			reply(200, web(200, 'Gateway configuration added'), {
				Location: '/dhis2/api/gateways/NewUid0001',
			}),
			reply(200, {
				type: 'bulksms',
				uid: 'NewUid0001',
				id: 'NewUid0001',
				name: 'Bulk',
				username: 'bulkuser',
				password: 'ZW5jcnlwdGVk',
				isDefault: false,
			}),
		);
		const result = await admin.create(http, credentials, bulk);
		expect(http.requests[0]).toMatchObject({
			method: 'POST',
			url: API,
			body: { type: 'bulksms', name: 'Bulk', username: 'bulkuser', password: 'abc123' },
		});
		expect(http.requests[1]).toMatchObject({ method: 'GET', url: `${API}/NewUid0001` });
		expect(result).toMatchObject({
			id: 'NewUid0001',
			message: 'Gateway configuration added',
			gateway: { password: MASKED },
		});
	});

	it('sends the generic fields, with parameters and their flags', async () => {
		const input: SmsGatewayInput = {
			type: 'http',
			name: 'Generic',
			urlTemplate: 'https://sms.example.com/send',
			configurationTemplate: '${text}',
			contentType: 'APPLICATION_JSON',
			useGet: true,
			sendUrlParameters: true,
			maxSmsLength: '480',
			parameters: [
				{
					key: 'Authorization',
					value: 'dXNlcjpwYXNz',
					header: true,
					encode: false,
					confidential: true,
				},
			],
		};
		const http = new FakeHttp(
			reply(200, web(200, 'Gateway configuration added'), { Location: '/api/gateways/X' }),
			reply(200, { ...STORED_HTTP, uid: 'X', id: 'X' }),
		);
		await admin.create(http, credentials, input);
		expect(http.requests[0].body).toEqual({ ...input });
	});

	it('writes SMPP fields under their JSON names (systemId, host)', async () => {
		const input: SmsGatewayInput = {
			type: 'smpp',
			name: 'SMSC',
			systemId: 'sys',
			host: 'smsc.example.com',
			port: 2775,
			password: 'pw',
			bindType: 'BIND_TRX',
			numberPlanIndicator: 'ISDN',
			typeOfNumber: 'INTERNATIONAL',
			compressed: false,
			systemType: '',
		};
		const http = new FakeHttp(
			reply(200, web(200, 'Gateway configuration added'), { Location: '/api/gateways/S' }),
			reply(200, { type: 'smpp', uid: 'S' }),
		);
		await admin.create(http, credentials, input);
		expect(http.requests[0].body).toEqual(input);
	});

	it('detects the second gateway of a type that DHIS2 silently does not store', async () => {
		const http = new FakeHttp(
			reply(200, web(200, 'Gateway configuration added'), {
				Location: '/dhis2/api/gateways/Ghost00001',
			}),
			reply(404, web(404, 'SmsGatewayConfig with id Ghost00001 could not be found.')),
			reply(200, { gateways: [{ type: 'bulksms', uid: 'Old0000001', name: 'Old bulk' }] }),
		);
		const error = await refusal(admin.create(http, credentials, bulk));
		expect(error.info.code).toBe('NOT_STORED');
		expect(error.info.explanation).toMatch(/one gateway per type.*"Old bulk", ID Old0000001/);
	});

	it('finds the new gateway by type and name when there is no Location', async () => {
		const http = new FakeHttp(
			reply(200, web(200, 'Gateway configuration added')),
			reply(200, { gateways: [STORED_HTTP, { type: 'bulksms', uid: 'B', name: 'Bulk' }] }),
		);
		expect((await admin.create(http, credentials, bulk)).id).toBe('B');
	});

	it('keeps DHIS2 words for a body it cannot bind', async () => {
		const words =
			"JSON parse error: Could not resolve type id 'x' as a subtype of SmsGatewayConfig";
		const error = await refusal(
			admin.create(new FakeHttp(reply(400, web(400, words))), credentials, bulk),
		);
		expect(error.info.message).toBe(words);
	});
});

describe('DHIS2 gateways: update', () => {
	it('sends the stored fields with the changes on top, and no stored secret back', async () => {
		const http = new FakeHttp(
			reply(200, STORED_HTTP),
			reply(200, web(200, 'Gateway with uid: AbCdEfGhIj has been updated')),
			reply(200, { ...STORED_HTTP, name: 'Renamed' }),
		);
		const result = await admin.update(http, credentials, 'AbCdEfGhIj', {
			type: 'http',
			name: 'Renamed',
		});
		const put = http.requests[1];
		expect(put).toMatchObject({ method: 'PUT', url: `${API}/AbCdEfGhIj` });
		expect(put.body).toEqual({
			type: 'http',
			name: 'Renamed',
			isDefault: true,
			username: 'user1',
			urlTemplate: 'https://sms.example.com/send',
			configurationTemplate: STORED_HTTP.configurationTemplate,
			useGet: false,
			contentType: 'APPLICATION_JSON',
			sendUrlParameters: false,
			maxSmsLength: '640',
			parameters: [
				{ key: 'apiKey', value: null, header: false, encode: false, confidential: true },
				{ key: 'route', value: 'premium', header: false, encode: false, confidential: false },
			],
		});
		expect(JSON.stringify(put.body)).not.toMatch(/c2VjcmV0|ZW5jcnlwdGVk/);
		expect(result).toMatchObject({
			id: 'AbCdEfGhIj',
			message: 'Gateway with uid: AbCdEfGhIj has been updated',
			gateway: { name: 'Renamed' },
		});
	});

	it('sends a new password, but not the mask or an empty one', async () => {
		for (const [password, sent] of [
			['n3w', 'n3w'],
			[MASKED, undefined],
			['', undefined],
		] as const) {
			const http = new FakeHttp(
				reply(200, STORED_HTTP),
				reply(200, web(200, 'updated')),
				reply(200, STORED_HTTP),
			);
			await admin.update(http, credentials, 'AbCdEfGhIj', { type: 'http', password });
			expect((http.requests[1].body as Record<string, unknown>).password).toBe(sent);
		}
	});

	it('keeps a confidential parameter sent empty or masked (null = keep the stored value)', async () => {
		const http = new FakeHttp(
			reply(200, STORED_HTTP),
			reply(200, web(200, 'updated')),
			reply(200, STORED_HTTP),
		);
		await admin.update(http, credentials, 'AbCdEfGhIj', {
			type: 'http',
			parameters: [
				{ key: 'apiKey', value: MASKED, header: false, encode: false, confidential: true },
				{ key: 'token', value: 't0k', header: true, encode: true, confidential: true },
			],
		});
		expect((http.requests[1].body as { parameters: unknown }).parameters).toEqual([
			{ key: 'apiKey', value: null, header: false, encode: false, confidential: true },
			{ key: 'token', value: 't0k', header: true, encode: true, confidential: true },
		]);
	});

	it.each([
		['Default gateway already exists', /Set Default/],
		['Type of an existing configuration cannot be changed', /keeps the type/],
	])('shows DHIS2\'s 409 "%s"', async (words, explanation) => {
		const http = new FakeHttp(reply(200, STORED_HTTP), reply(409, web(409, words)));
		const error = await refusal(
			admin.update(http, credentials, 'AbCdEfGhIj', { type: 'http', isDefault: true }),
		);
		expect(error.info).toMatchObject({ code: '409', message: words });
		expect(error.info.explanation).toMatch(explanation);
	});

	it('is a not-found error when the gateway does not exist, without a PUT', async () => {
		const http = new FakeHttp(
			reply(404, web(404, 'SmsGatewayConfig with id gone could not be found.')),
		);
		const error = await refusal(
			admin.update(http, credentials, 'gone', { type: 'http', name: 'x' }),
		);
		expect(error.httpStatus).toBe(404);
		expect(http.requests).toHaveLength(1);
	});
});

describe('DHIS2 gateways: delete and set default', () => {
	it('DELETEs /api/gateways/{uid}', async () => {
		const http = new FakeHttp(reply(200, web(200, 'Gateway removed successfully')));
		expect(await admin.remove(http, credentials, 'AbCdEfGhIj')).toEqual({
			id: 'AbCdEfGhIj',
			message: 'Gateway removed successfully',
		});
		expect(http.only()).toMatchObject({ method: 'DELETE', url: `${API}/AbCdEfGhIj` });
	});

	it('PUTs /api/gateways/default/{uid} and returns the gateway now default', async () => {
		const http = new FakeHttp(
			reply(200, web(200, 'Bulk is set to default')),
			reply(200, { type: 'bulksms', uid: 'B', isDefault: true, name: 'Bulk' }),
		);
		const result = await admin.setDefault(http, credentials, 'B');
		expect(http.requests[0]).toMatchObject({ method: 'PUT', url: `${API}/default/B` });
		expect(result).toMatchObject({
			id: 'B',
			message: 'Bulk is set to default',
			gateway: { isDefault: true },
		});
	});

	it.each(['remove', 'setDefault'] as const)(
		'%s: an unknown uid is a not-found error',
		async (operation) => {
			const words = 'SmsGatewayConfig with id nope could not be found.';
			const error = await refusal(
				admin[operation](new FakeHttp(reply(404, web(404, words))), credentials, 'nope'),
			);
			expect(error.info.message).toBe(words);
			expect(error.info.explanation).toMatch(/no SMS gateway with the ID "nope"/);
		},
	);
});

describe('DHIS2 gateway checks before calling', () => {
	it.each<[SmsGatewayInput, string | undefined]>([
		[{ type: 'http', name: 'G', urlTemplate: 'https://x.example/send' }, undefined],
		[{ type: 'http', name: 'G' }, 'FIELD_REQUIRED'],
		[{ type: 'http', urlTemplate: 'https://x.example/send' }, 'FIELD_REQUIRED'],
		[{ type: 'http', name: 'G', urlTemplate: 'ftp://x' }, 'INVALID_URL'],
		[{ type: 'bulksms', name: 'B', username: 'u', password: 'p' }, undefined],
		[{ type: 'bulksms', name: 'B', username: 'u' }, 'FIELD_REQUIRED'],
		[{ type: 'bulksms', name: 'B', username: 'u', password: MASKED }, 'FIELD_REQUIRED'],
		[{ type: 'clickatell', name: 'C', authToken: 't' }, undefined],
		[{ type: 'clickatell', name: 'C' }, 'FIELD_REQUIRED'],
		[{ type: 'smpp', name: 'S', systemId: 's', host: 'h', port: 2775 }, undefined],
		[{ type: 'smpp', name: 'S', systemId: 's', host: 'h' }, 'FIELD_REQUIRED'],
		[{ type: 'smpp', name: 'S', systemId: 's', host: 'h', port: 70000 }, 'INVALID_FIELD'],
		[
			{ type: 'smpp', name: 'S', systemId: 's', host: 'h', port: 2775, bindType: 'BIND_ALL' },
			'INVALID_FIELD',
		],
		[
			{ type: 'http', name: 'G', urlTemplate: 'https://x', contentType: 'TEXT_HTML' },
			'INVALID_FIELD',
		],
		[{ type: 'http', name: 'G', urlTemplate: 'https://x', maxSmsLength: '12a' }, 'INVALID_FIELD'],
		[
			{
				type: 'http',
				name: 'G',
				urlTemplate: 'https://x',
				parameters: [{ key: ' ', value: 'v', header: false, encode: false, confidential: false }],
			},
			'PARAMETER_KEY_REQUIRED',
		],
		[
			{
				type: 'http',
				name: 'G',
				urlTemplate: 'https://x',
				parameters: [
					{ key: 'a', value: '1', header: false, encode: false, confidential: false },
					{ key: 'a', value: '2', header: false, encode: false, confidential: false },
				],
			},
			'PARAMETER_KEY_DUPLICATE',
		],
		[{ type: 'modem' as never, name: 'M' }, 'INVALID_TYPE'],
	])('create %j → %s', (input, code) => {
		expect(admin.check('create', input)?.code).toBe(code);
	});

	it.each<[SmsGatewayInput, string | undefined]>([
		[{ type: 'http' }, undefined],
		[{ type: 'bulksms', password: 'new' }, undefined],
		[{ type: 'http', name: ' ' }, 'FIELD_REQUIRED'],
		[{ type: 'http', urlTemplate: '' }, 'INVALID_URL'],
		[{ type: 'smpp', port: 0 }, 'INVALID_FIELD'],
	])('update %j → %s', (input, code) => {
		expect(admin.check('update', input)?.code).toBe(code);
	});
});

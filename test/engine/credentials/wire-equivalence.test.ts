/**
 * What reaches the gateway is the same with the credentials' `authenticate` functions as with the
 * former `={{ $credentials.x }}` expressions: Send SMS runs in the engine through a recording
 * proxy (loopback, in front of the simulator) once with the former credential types and once with
 * the current ones, for right and wrong credentials of every gateway (DHIS2 with Basic and with a
 * token), and the recorded requests (method, path, query, every header, body) and the node's
 * outputs (acceptances and refusals) must be identical.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { credentialTypes } from '../../harness/engine';
import { send } from '../../fixtures/send-sms';
import { brazilianNumbers, kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { FORMER_AUTHENTICATE } from './former-authenticate';

interface Recorded {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

interface Recorder {
	url: string;
	recorded: Recorded[];
	stop: () => Promise<void>;
}

/** Forwards every request to the simulator and records it as it arrived. */
async function startRecorder(target: string): Promise<Recorder> {
	const recorded: Recorded[] = [];
	const upstream = new URL(target);
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			recorded.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: body.toString('utf8'),
			});
			const forward = http.request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: req.method,
					path: req.url,
					headers: { ...req.headers, host: upstream.host },
				},
				(reply) => {
					res.writeHead(reply.statusCode ?? 502, reply.headers);
					reply.pipe(res);
				},
			);
			forward.on('error', () => res.destroy());
			forward.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		recorded,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

const fx = useSimulator();

type Gateway = 'africasTalking' | 'gupshup' | 'smsBox' | 'dhis2';
interface Case {
	name: string;
	gateway: Gateway;
	type: string;
	credentials: (base: string, token: string) => ICredentialDataDecryptedObject;
	refused: boolean;
}

const CASES: Case[] = [
	{
		name: "Africa's Talking",
		gateway: 'africasTalking',
		type: 'africasTalkingApi',
		refused: false,
		credentials: (b) => ({
			username: 'sandbox',
			apiKey: 'at-sim-key',
			environment: 'sandbox',
			baseUrl: `${b}/africastalking`,
		}),
	},
	{
		name: "Africa's Talking, wrong key",
		gateway: 'africasTalking',
		type: 'africasTalkingApi',
		refused: true,
		credentials: (b) => ({
			username: 'sandbox',
			apiKey: 'wrong',
			environment: 'sandbox',
			baseUrl: `${b}/africastalking`,
		}),
	},
	{
		name: 'Gupshup',
		gateway: 'gupshup',
		type: 'gupshupApi',
		refused: false,
		credentials: (b) => ({
			apiKey: 'gs-sim-key',
			appId: '4a1b2c3d-0000-4000-8000-000000000001',
			baseUrl: `${b}/gupshup`,
		}),
	},
	{
		name: 'Gupshup, wrong key',
		gateway: 'gupshup',
		type: 'gupshupApi',
		refused: true,
		credentials: (b) => ({
			apiKey: 'wrong',
			appId: '4a1b2c3d-0000-4000-8000-000000000001',
			baseUrl: `${b}/gupshup`,
		}),
	},
	{
		name: 'SMSBox',
		gateway: 'smsBox',
		type: 'smsBoxApi',
		refused: false,
		credentials: (b) => ({
			apiKey: 'sb-sim-key',
			apiSecret: 'sb-sim-secret',
			baseUrl: `${b}/smsbox`,
		}),
	},
	{
		name: 'SMSBox, wrong secret',
		gateway: 'smsBox',
		type: 'smsBoxApi',
		refused: true,
		credentials: (b) => ({ apiKey: 'sb-sim-key', apiSecret: 'wrong', baseUrl: `${b}/smsbox` }),
	},
	{
		name: 'DHIS2 Basic',
		gateway: 'dhis2',
		type: 'dhis2Api',
		refused: false,
		credentials: (b) => ({
			serverUrl: `${b}/dhis2`,
			authType: 'basic',
			username: 'admin',
			password: 'district',
			token: '',
		}),
	},
	{
		name: 'DHIS2 Basic, wrong password',
		gateway: 'dhis2',
		type: 'dhis2Api',
		refused: true,
		credentials: (b) => ({
			serverUrl: `${b}/dhis2`,
			authType: 'basic',
			username: 'admin',
			password: 'wrong',
			token: '',
		}),
	},
	{
		name: 'DHIS2 token',
		gateway: 'dhis2',
		type: 'dhis2Api',
		refused: false,
		credentials: (b, token) => ({
			serverUrl: `${b}/dhis2`,
			authType: 'token',
			username: '',
			password: '',
			token,
		}),
	},
	{
		name: 'DHIS2 token, wrong token',
		gateway: 'dhis2',
		type: 'dhis2Api',
		refused: true,
		credentials: (b) => ({
			serverUrl: `${b}/dhis2`,
			authType: 'token',
			username: '',
			password: '',
			token: 'd2p_wrong',
		}),
	},
];

describe('the gateways receive the same requests from the authenticate functions as from the former expressions', () => {
	const types = credentialTypes();

	async function run(c: Case, authenticate: ICredentialType['authenticate'], recorder: Recorder) {
		const current = types.get(c.type)!;
		types.set(c.type, { ...current, authenticate });
		recorder.recorded.length = 0;
		try {
			fx.get().sim.reset();
			const numbers = c.gateway === 'gupshup' ? brazilianNumbers(3) : kenyanNumbers(3);
			const { json } = await send(fx.get(), {
				gateway: c.gateway,
				message: 'Hello [{RECEIVERNAME}], clinic day is Friday',
				from: c.gateway === 'smsBox' ? 'SMSBOX' : '',
				recipientName: '={{ $json.name }}',
				items: numbers.map((phone, i) => ({ phone, name: `Person ${i}` })),
				credentials: {
					[c.type]: c.credentials(recorder.url, fx.get().sim.accounts.dhis2.personalAccessToken),
				},
				onError: 'continueRegularOutput',
			});
			return { json, recorded: [...recorder.recorded] };
		} finally {
			types.set(c.type, current);
		}
	}

	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const current = types.get(c.type)!.authenticate;
		expect(typeof current).toBe('function');
		// One recorder for both runs: the Host header carries its port.
		const recorder = await startRecorder(fx.get().sim.url);
		let before: Awaited<ReturnType<typeof run>>;
		let after: Awaited<ReturnType<typeof run>>;
		try {
			before = await run(c, FORMER_AUTHENTICATE[c.type], recorder);
			after = await run(c, current, recorder);
		} finally {
			await recorder.stop();
		}

		expect(after.recorded.length).toBeGreaterThan(0);
		expect(after.recorded).toEqual(before.recorded);
		// SMSBox's message IDs start with the simulator's time to the second: the two runs may straddle a second.
		expect(withoutSecondsInIds(after.json)).toEqual(withoutSecondsInIds(before.json));
		const authenticated = after.recorded.every((r) =>
			Boolean(r.headers.authorization ?? r.headers.apikey),
		);
		expect(authenticated).toBe(true);
		const accepted = after.json.filter((j) => j.status === 'accepted').length;
		expect(accepted).toBe(c.refused ? 0 : 3);
	});
});

/** The items with the timestamp of SMSBox-style message IDs (`sms-<yyyyMMddHHmmss><hex>`) blanked; nothing else changed. */
function withoutSecondsInIds<T>(items: T): T {
	return JSON.parse(JSON.stringify(items), (key, value: unknown) =>
		key === 'messageId' && typeof value === 'string'
			? value.replace(/^sms-\d{14}/, 'sms-<time>')
			: value,
	) as T;
}

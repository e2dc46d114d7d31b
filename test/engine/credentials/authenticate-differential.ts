/**
 * The differential comparison of the credentials' `authenticate` functions with the former generic
 * (`={{ $credentials.x }}`) authentication: generated credential values and requests go through
 * both, and the results must match in values and key order. The former definitions are resolved
 * the way n8n resolves them (the harness's CredentialsHelper mirrors the cli's `resolveValue`, with
 * n8n-workflow's own expression evaluation), under whichever expression engine is active.
 */
import { isDeepStrictEqual } from 'node:util';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { CredentialsHelper } from '../../harness/credentials-helper';
import { buildNode, buildWorkflow, credentialTypes } from '../../harness/engine';
import { FORMER_AUTHENTICATE } from './former-authenticate';
import { seededRandom as random } from '../../fixtures/seeded-random';

const TYPES = ['africasTalkingApi', 'gupshupApi', 'smsBoxApi', 'dhis2Api'] as const;

const SAMPLES: unknown[] = [
	'',
	' ',
	'gs-sim-key',
	'at-sim-key',
	'admin',
	'district',
	'd2p_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH12ab',
	'a:b',
	':',
	'ключ-доступа',
	'🔑 key',
	'é',
	'it\'s "quoted"',
	'{{ $json.x }}',
	'={{ 1 + 1 }}',
	'\\n\\t',
	'line\nbreak',
	'\u0000nul',
	'\ud800 lone surrogate',
	'x'.repeat(300),
	0,
	42,
	-1.5,
	false,
	true,
	null,
	undefined,
];

function pick<T>(next: () => number, list: readonly T[]): T {
	return list[Math.floor(next() * list.length)];
}

/** A random string made of pieces of the samples. */
function text(next: () => number): unknown {
	if (next() < 0.5) return pick(next, SAMPLES);
	const parts = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
		String(pick(next, SAMPLES) ?? ''),
	);
	return parts.join(pick(next, ['', ':', ' ', '=', '+']));
}

function credentialsFor(
	type: (typeof TYPES)[number],
	next: () => number,
): ICredentialDataDecryptedObject {
	const data: Record<string, unknown> = {};
	const set = (key: string, value: unknown) => {
		if (value !== undefined || next() < 0.5) data[key] = value;
	};
	if (type === 'africasTalkingApi') {
		set('username', text(next));
		set('apiKey', text(next));
		set('environment', pick(next, ['live', 'sandbox']));
	} else if (type === 'gupshupApi') {
		set('apiKey', text(next));
		set('appId', text(next));
	} else if (type === 'smsBoxApi') {
		set('apiKey', text(next));
		set('apiSecret', text(next));
	} else {
		set('authType', pick(next, ['basic', 'token', 'TOKEN', '', undefined]));
		set('username', text(next));
		set('password', text(next));
		set('token', text(next));
	}
	return data as ICredentialDataDecryptedObject;
}

/** Requests as the transport builds them, and some with the fields already present. */
function requestFor(next: () => number): IHttpRequestOptions {
	const variants: Array<() => IHttpRequestOptions> = [
		() => ({ url: 'http://127.0.0.1/x', method: 'POST' }),
		() => ({ url: 'http://127.0.0.1/x', headers: { Accept: 'application/json' } }),
		() => ({
			url: 'http://127.0.0.1/x',
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
		}),
		() => ({
			url: 'http://127.0.0.1/x',
			headers: { apikey: 'before', Authorization: 'before', Accept: '*/*' },
		}),
		() => ({
			url: 'http://127.0.0.1/x',
			headers: {},
			auth: { username: 'before', password: 'before' },
		}),
		() => ({ url: 'http://127.0.0.1/x', qs: { username: 'u' }, body: { a: 1 }, json: true }),
	];
	return pick(next, variants)();
}

/** Values and key order: two objects with the same entries in another order are different here. */
function shape(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	return Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
		key,
		shape(inner),
	]);
}

const current = credentialTypes();
const former = new Map<string, ICredentialType>(
	TYPES.map((type) => [type, { ...current.get(type)!, authenticate: FORMER_AUTHENTICATE[type] }]),
);
const formerHelper = new CredentialsHelper(former, {});
export const currentHelper = new CredentialsHelper(current, {});
export const node = buildNode({ type: 'sendSms', parameters: {} });

export async function compareMany(cases: number, seed: number): Promise<number> {
	const next = random(seed);
	const workflow = buildWorkflow([node]);
	const acquired = await workflow.expression.acquireIsolate();
	let compared = 0;
	try {
		for (let i = 0; i < cases; i++) {
			const type = TYPES[i % TYPES.length];
			const credentials = credentialsFor(type, next);
			const request = requestFor(next);
			const expected = await formerHelper.authenticate(
				{ ...credentials },
				type,
				structuredClone(request),
				workflow,
				node,
			);
			const actual = await currentHelper.authenticate(
				{ ...credentials },
				type,
				structuredClone(request),
				workflow,
				node,
			);
			if (!isDeepStrictEqual(shape(actual), shape(expected))) {
				throw new Error(
					`case ${i} (${type}, seed ${seed}): ${JSON.stringify(credentials)} gave ${JSON.stringify(actual)}, formerly ${JSON.stringify(expected)}`,
				);
			}
			compared++;
		}
	} finally {
		if (acquired) await workflow.expression.releaseIsolate();
	}
	return compared;
}

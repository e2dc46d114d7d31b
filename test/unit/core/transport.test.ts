/**
 * The transport's one shape of a network failure: when no reply arrives it throws a TransportError
 * (never an n8n error), and only n8n/errors.ts turns that into n8n's errors. The failures here are
 * real ones, from a loopback port that refuses connections.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TransportError, transportFailure } from '../../../nodes/shared/core/errors';
import { n8nHttpClient } from '../../../nodes/shared/core/transport';
import { toLoadOptionsError, toNodeError } from '../../../nodes/shared/n8n/errors';

const node = { name: 'Send SMS', type: 'sendSms' } as INode;

/** The error Node's http gives for a loopback port nobody listens on. */
async function refusedConnectionError(): Promise<Error> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return await new Promise<Error>((resolve) => {
		const request = http.get({ host: '127.0.0.1', port, path: '/' }, () =>
			resolve(new Error('answered')),
		);
		request.on('error', resolve);
	});
}

/** An execute context whose n8n request helper behaves as given. */
function contextWith(helper: () => Promise<unknown>): IExecuteFunctions {
	return {
		getNode: () => node,
		helpers: { httpRequestWithAuthentication: helper },
	} as unknown as IExecuteFunctions;
}

describe('n8nHttpClient', () => {
	it('throws a TransportError that says "not sent" for a refused connection', async () => {
		const cause = await refusedConnectionError();
		expect((cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
		const client = n8nHttpClient(
			contextWith(async () => Promise.reject(cause)),
			'fakeApi',
		);
		const error = await client
			.request({ method: 'GET', url: 'http://127.0.0.1:1/' })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TransportError);
		expect(error).not.toBeInstanceOf(NodeOperationError);
		expect(transportFailure(error)).toEqual({
			delivery: 'notSent',
			code: 'ECONNREFUSED',
			message: (error as Error).message,
		});
		expect((error as Error).message).toContain('ECONNREFUSED');
	});

	it('throws a TransportError that says "ambiguous" when the connection died after sending', async () => {
		const hangUp = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const client = n8nHttpClient(
			contextWith(async () => Promise.reject(hangUp)),
			'fakeApi',
		);
		const error = await client
			.request({ method: 'POST', url: 'http://127.0.0.1:1/', body: {} })
			.catch((e: unknown) => e);
		expect(transportFailure(error)).toEqual({
			delivery: 'ambiguous',
			code: 'ECONNRESET',
			message: 'socket hang up (ECONNRESET)',
		});
	});

	it('resolves any HTTP status with its body', async () => {
		const client = n8nHttpClient(
			contextWith(async () => ({
				statusCode: 503,
				headers: { 'retry-after': '2' },
				body: '{"a":1}',
			})),
			'fakeApi',
		);
		await expect(client.request({ method: 'GET', url: 'http://127.0.0.1:1/' })).resolves.toEqual({
			statusCode: 503,
			headers: { 'retry-after': '2' },
			body: { a: 1 },
		});
	});
});

describe('n8n/errors.ts turns a TransportError into an n8n error', () => {
	it('for an item, saying whether the gateway was reached', () => {
		const notSent = toNodeError(
			node,
			new TransportError('connect ECONNREFUSED', 'notSent', 'ECONNREFUSED'),
			2,
		);
		expect(notSent).toBeInstanceOf(NodeOperationError);
		// n8n words a refused connection its own way.
		expect(notSent.message).toMatch(/refused the connection/);
		expect(notSent.description).toMatch(/could not be reached/);
		expect(notSent.context.itemIndex).toBe(2);
		const ambiguous = toNodeError(
			node,
			new TransportError('socket hang up', 'ambiguous', 'ECONNRESET'),
			0,
		);
		expect(ambiguous.description).toMatch(/did not answer/);
	});

	it('for a dropdown', () => {
		const error = toLoadOptionsError(
			node,
			new TransportError('connect ECONNREFUSED', 'notSent', 'ECONNREFUSED'),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/refused the connection/);
	});

	it('and reads no other error as a network failure', () => {
		expect(transportFailure(new Error('ECONNREFUSED'))).toBeUndefined();
		expect(transportFailure({ context: { transport: 'notSent' } })).toBeUndefined();
	});
});

import * as http from 'node:http';
import * as net from 'node:net';
import axios from 'axios';
import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { classifyTransportError } from '../../../nodes/shared/helpers/transport-errors';

/**
 * Real errors, produced the way n8n produces them: its request helpers call axios, and
 * httpRequestWithAuthentication wraps the AxiosError in a NodeApiError.
 */
const node: INode = {
	id: 'node-1',
	name: 'Send SMS',
	type: 'n8n-nodes-sms-gateways.sendSms',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const agent = new http.Agent({ keepAlive: false });

async function failedPost(url: string, timeout = 10_000): Promise<unknown> {
	try {
		await axios.post(
			url,
			{ message: 'hello', to: ['+254711000001'] },
			{ httpAgent: agent, timeout },
		);
	} catch (error) {
		return error;
	}
	throw new Error(`POST ${url} unexpectedly succeeded`);
}

const servers: net.Server[] = [];
async function listen(server: net.Server): Promise<string> {
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/api/sms`;
}

afterAll(async () => {
	agent.destroy();
	for (const server of servers) {
		if (server instanceof http.Server) server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
});

/** A server that reads each whole request, counts it, and then ends its connection with `drop`. */
async function readThenDrop(
	drop: (socket: net.Socket) => void,
): Promise<{ url: string; requestsRead: () => number }> {
	let requestsRead = 0;
	const url = await listen(
		http.createServer((request) => {
			request.resume();
			request.on('end', () => {
				requestsRead += 1;
				drop(request.socket);
			});
		}),
	);
	return { url, requestsRead: () => requestsRead };
}

function expectBothForms(error: unknown, expected: 'notSent' | 'ambiguous') {
	expect(classifyTransportError(error)).toBe(expected);
	expect(classifyTransportError(new NodeApiError(node, error as JsonObject))).toBe(expected);
}

describe('classifyTransportError on real loopback failures', () => {
	it('a closed port (ECONNREFUSED) is notSent', async () => {
		const probe = net.createServer();
		const url = await listen(probe);
		await new Promise<void>((resolve) => probe.close(() => resolve()));
		servers.splice(servers.indexOf(probe), 1);

		const error = await failedPost(url);
		expect(error).toMatchObject({ code: 'ECONNREFUSED' });
		expectBothForms(error, 'notSent');
	});

	it('a server that reads the request and then closes the socket (socket hang up) is ambiguous', async () => {
		const server = await readThenDrop((socket) => socket.destroy());
		const error = await failedPost(server.url);
		expect(error).toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
		// The gateway did read the whole request: re-sending could deliver the SMS twice.
		expect(server.requestsRead()).toBe(1);
		expectBothForms(error, 'ambiguous');
	});

	it('a server that reads the request and then resets the connection (ECONNRESET on read) is ambiguous', async () => {
		const server = await readThenDrop((socket) => socket.resetAndDestroy());
		const error = await failedPost(server.url);
		expect(error).toMatchObject({ code: 'ECONNRESET' });
		expect(server.requestsRead()).toBe(1);
		expectBothForms(error, 'ambiguous');
	});

	it('a reset while connecting (ECONNRESET on connect) is notSent', async () => {
		let bytesReceived = 0;
		const url = await listen(
			net.createServer((socket) => {
				socket.on('data', (data) => (bytesReceived += data.length));
				socket.resetAndDestroy();
			}),
		);
		const error = await failedPost(url);
		expect(error).toMatchObject({ code: 'ECONNRESET', cause: { syscall: 'connect' } });
		expect(bytesReceived).toBe(0);
		expectBothForms(error, 'notSent');
	});

	it('a timeout waiting for the answer is ambiguous', async () => {
		const url = await listen(http.createServer((request) => request.resume()));
		const error = await failedPost(url, 200);
		expect(error).toMatchObject({ code: 'ECONNABORTED' });
		expectBothForms(error, 'ambiguous');
	});

	it('an HTTP error answer is not a transport failure: ambiguous, the adapter judges the status', async () => {
		const url = await listen(
			http.createServer((request, response) => {
				request.resume();
				response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"busy"}');
			}),
		);
		const error = await failedPost(url);
		expect(error).toMatchObject({ response: { status: 503 } });
		expectBothForms(error, 'ambiguous');
	});
});

/** Shaped like Node's system errors: `code`, `syscall`, message "<syscall> <code> ...". */
function systemError(
	code: string,
	syscall: string | undefined,
	message = `${syscall} ${code}`,
): Error {
	return Object.assign(new Error(message), { code, ...(syscall === undefined ? {} : { syscall }) });
}

describe('classifyTransportError on error shapes that cannot be produced over loopback', () => {
	it.each([
		['ENOTFOUND', 'getaddrinfo', 'notSent'],
		['EAI_AGAIN', 'getaddrinfo', 'notSent'],
		['ECONNREFUSED', 'connect', 'notSent'],
		['ENETUNREACH', 'connect', 'notSent'],
		['EHOSTUNREACH', 'connect', 'notSent'],
		['EHOSTUNREACH', 'read', 'ambiguous'],
		['ETIMEDOUT', 'connect', 'notSent'],
		['ETIMEDOUT', 'read', 'ambiguous'],
		['EPIPE', 'write', 'ambiguous'],
		['EPIPE', 'connect', 'notSent'],
		['ECONNRESET', undefined, 'ambiguous'],
		['ECONNABORTED', undefined, 'ambiguous'],
		['ERR_SOMETHING_NEW', undefined, 'ambiguous'],
	])('%s (syscall %s) is %s, found on the error or two causes down', (code, syscall, expected) => {
		const direct = systemError(code, syscall);
		expect(classifyTransportError(direct)).toBe(expected);
		const wrapped = {
			message: 'wrapper',
			httpCode: code,
			cause: { code, message: 'axios', cause: direct },
		};
		expect(classifyTransportError(wrapped)).toBe(expected);
	});

	it('a reset during the TLS handshake is notSent: no HTTP byte is written before it ends', () => {
		const error = systemError(
			'ECONNRESET',
			undefined,
			'Client network socket disconnected before secure TLS connection was established',
		);
		expect(classifyTransportError({ code: 'ECONNRESET', cause: error })).toBe('notSent');
	});

	it('reads the code of an AggregateError from happy-eyeballs connects', () => {
		const aggregate = Object.assign(
			new AggregateError([
				systemError('ECONNREFUSED', 'connect'),
				systemError('ECONNREFUSED', 'connect'),
			]),
			{ code: 'ECONNREFUSED' },
		);
		expect(classifyTransportError({ code: 'ECONNREFUSED', cause: aggregate })).toBe('notSent');
		const resets = new AggregateError([systemError('ECONNRESET', 'connect')]);
		expect(classifyTransportError({ code: 'ECONNRESET', cause: resets })).toBe('notSent');
	});

	it('is ambiguous for anything it cannot read', () => {
		for (const value of [
			undefined,
			null,
			'ECONNREFUSED',
			42,
			{},
			new Error('boom'),
			{ code: 503 },
		]) {
			expect(classifyTransportError(value)).toBe('ambiguous');
		}
	});

	it('stops walking a cyclic cause chain', () => {
		const cyclic: { code?: string; cause?: unknown } = { code: 'ECONNRESET' };
		cyclic.cause = cyclic;
		expect(classifyTransportError(cyclic)).toBe('ambiguous');
	});
});

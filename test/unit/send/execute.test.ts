import type { BatchOutcome } from '../../../nodes/shared/core/adapter';
import { errorInfo } from '../../../nodes/shared/core/errors';
import type { HttpClient } from '../../../nodes/shared/core/types';
import { executeSend } from '../../../nodes/shared/send/execute';
import { planSend } from '../../../nodes/shared/send/plan';
import {
	acceptAll,
	fakeAdapter,
	rateLimited,
	refusedConnection,
	resetAfterSending,
} from '../../fixtures/fake-adapter';

const http: HttpClient = { request: async () => ({ statusCode: 500, headers: {}, body: '' }) };
const numbers = (n: number) =>
	Array.from({ length: n }, (_, i) => `+25471100${String(i).padStart(4, '0')}`);

function recorderSleep() {
	const waits: number[] = [];
	return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

async function run(
	adapter: ReturnType<typeof fakeAdapter>['adapter'],
	to: string[],
	concurrency = 2,
) {
	const plan = planSend(adapter, [{ itemIndex: 0, to, message: 'Hello' }], {
		deduplicate: true,
		encodingPolicy: 'auto',
	});
	const { waits, sleep } = recorderSleep();
	const result = await executeSend(plan, { adapter, http, credentials: {}, concurrency, sleep });
	return { result, waits };
}

describe('executeSend', () => {
	it('packs recipients of the same text into batches of the gateway maximum', async () => {
		const { adapter, sent } = fakeAdapter(acceptAll);
		const { result } = await run(adapter, numbers(7));
		expect(sent.map((b) => b.messages.length)).toEqual([3, 3, 1]);
		expect(result.results.map((r) => r.status)).toEqual(Array(7).fill('accepted'));
		expect(result.requests).toBe(3);
	});

	it('retries a rate-limited batch after the Retry-After wait, and sends each recipient once', async () => {
		const { adapter, sent } = fakeAdapter((batch, n) =>
			n <= 2 ? rateLimited(1500) : acceptAll(batch, n),
		);
		const { result, waits } = await run(adapter, numbers(2), 1);
		expect(waits).toEqual([1500, 1500]);
		expect(sent).toHaveLength(3);
		expect(result.results.every((r) => r.status === 'accepted')).toBe(true);
	});

	it('retries when the connection was refused (provably not sent)', async () => {
		const { adapter, sent } = fakeAdapter((batch, n) =>
			n === 1 ? refusedConnection() : acceptAll(batch, n),
		);
		const { result } = await run(adapter, numbers(1));
		expect(sent).toHaveLength(2);
		expect(result.results[0].status).toBe('accepted');
	});

	it('never re-sends after a reset that may have come after the gateway took the request', async () => {
		const { adapter, sent } = fakeAdapter(() => resetAfterSending());
		const { result } = await run(adapter, numbers(2));
		expect(sent).toHaveLength(1);
		expect(result.results.map((r) => r.status)).toEqual(['unknown', 'unknown']);
		expect(result.results[0].error?.code).toBe('ECONNRESET');
		expect(result.results[0].error?.explanation).toMatch(/not sent again/);
		expect(result.anythingMayHaveBeenSent).toBe(true);
	});

	it('gives up after the policy and reports the recipients rejected, safe to resend', async () => {
		const { adapter, sent } = fakeAdapter(() => rateLimited());
		const { result } = await run(adapter, numbers(1));
		expect(sent.length).toBe(6);
		expect(result.results[0].status).toBe('rejected');
		expect(result.results[0].error?.explanation).toMatch(/safe to send again/);
		expect(result.anythingMayHaveBeenSent).toBe(false);
	});

	it('stops sending further batches once the gateway refuses the credentials', async () => {
		const { adapter, sent } = fakeAdapter(() => ({
			kind: 'refused',
			stopsRun: true,
			error: errorInfo(401, 'The supplied authentication is invalid', 'Check the key'),
		}));
		const { result } = await run(adapter, numbers(9), 1);
		expect(sent).toHaveLength(1);
		expect(result.stoppedBy?.code).toBe('401');
		expect(result.results.every((r) => r.status === 'rejected')).toBe(true);
		expect(result.anythingMayHaveBeenSent).toBe(false);
	});

	it('marks recipients the gateway did not mention as unknown', async () => {
		const { adapter } = fakeAdapter((batch) => {
			const all = acceptAll(batch, 1) as Extract<BatchOutcome, { kind: 'answered' }>;
			return { ...all, outcomes: all.outcomes.slice(0, 1) };
		});
		const { result } = await run(adapter, numbers(2));
		expect(result.results.map((r) => r.status)).toEqual(['accepted', 'unknown']);
		expect(result.results[1].error?.code).toBe('NOT_IN_REPLY');
	});

	it('keeps messages with different schedule times or link IDs in separate requests', async () => {
		const { adapter, sent } = fakeAdapter(acceptAll);
		const plan = planSend(
			adapter,
			[
				{ itemIndex: 0, to: '+254711000001', message: 'Hi', options: { linkId: 'a' } },
				{ itemIndex: 1, to: '+254711000002', message: 'Hi', options: { linkId: 'b' } },
				{ itemIndex: 2, to: '+254711000003', message: 'Hi', options: { linkId: 'a' } },
			],
			{ deduplicate: true, encodingPolicy: 'auto' },
		);
		await executeSend(plan, {
			adapter,
			http,
			credentials: {},
			concurrency: 1,
			sleep: async () => {},
		});
		expect(sent.map((b) => b.messages.map((m) => m.options.linkId))).toEqual([['a', 'a'], ['b']]);
	});
});

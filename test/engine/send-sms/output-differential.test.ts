/**
 * Send SMS's output did not change when it stopped copying: generated runs (every gateway; single
 * numbers, lists, arrays, invalid and repeated numbers; GSM-7, Unicode, too long and empty texts,
 * with and without [{RECEIVERNAME}]; deduplication on and off, encodings, batch sizes, dry runs;
 * gateway faults; wrong credentials; each "On Error" mode; items whose parameters cannot be read)
 * go through the former implementation (former/) and the current node in the engine, against the
 * simulator reset before each run, and every output item (json and pairedItem, in both outputs)
 * and every error must be identical. One request at a time, so the simulator's ids and faults fall
 * on the same requests in both runs.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type OnError } from '../../harness/engine';
import type { SimFixture } from '../../fixtures/simulator';
import { brazilianNumbers, kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import { FormerSendSms } from './former/former-send-sms.node';
import { seededRandom as random } from '../../fixtures/seeded-random';

const fx = useSimulator();
const former = new FormerSendSms();

type Gateway = 'africasTalking' | 'gupshup' | 'smsBox' | 'dhis2';
const GATEWAYS: Gateway[] = ['africasTalking', 'gupshup', 'smsBox', 'dhis2'];

const pick = <T>(next: () => number, list: readonly T[]): T =>
	list[Math.floor(next() * list.length)];

const TEXTS = [
	'Clinic day is Friday',
	'Hello [{RECEIVERNAME}], clinic day is Friday',
	'Habari [{RECEIVERNAME}] 😊, karibu',
	'Prices: 5€ {special} [offer] ~today~',
	'“Curly” quotes — and an ellipsis…',
	'Здравствуйте, [{RECEIVERNAME}]',
	'x'.repeat(170),
	'y'.repeat(1100),
	'',
	'   ',
	'Line one\nLine two',
];

interface GeneratedRun {
	gateway: Gateway;
	parameters: INodeParameters;
	items: IDataObject[];
	onError?: OnError;
	faults?: IDataObject;
	wrongCredentials: boolean;
}

function generate(next: () => number): GeneratedRun {
	const gateway = pick(next, GATEWAYS);
	const numbers = (n: number, start: number) =>
		gateway === 'gupshup' ? brazilianNumbers(n, start) : kenyanNumbers(n, start);
	const count = 1 + Math.floor(next() * 10);
	const broadcast = next() < 0.4 ? pick(next, TEXTS) : undefined;
	const items: IDataObject[] = [];
	for (let i = 0; i < count; i++) {
		const [a, b] = numbers(2, Math.floor(next() * 20));
		const phone = pick(next, [
			a,
			a,
			`${a}, ${b}`,
			[a, b],
			'12',
			'',
			`0${a.slice(4)}`,
			items.length > 0 ? (items[items.length - 1].phone as string) : a,
			null,
		]);
		items.push({
			phone,
			text: broadcast ?? pick(next, TEXTS),
			name: pick(next, ['Amina', 'Jo', '', 'Ünal', '李']),
			// Read per item when Schedule Time is an expression: some items then cannot be read.
			when: pick(next, ['', '', 'not a date', '2099-01-01T10:00:00Z']),
		});
	}
	const options: IDataObject = { maxConcurrency: 1 };
	if (next() < 0.3) options.deduplicate = false;
	if (next() < 0.3) options.encodingPolicy = pick(next, ['auto', 'gsm7Only', 'replaceLookAlikes']);
	if (next() < 0.3) options.batchSize = pick(next, [1, 2, 3]);
	if (next() < 0.3) options.defaultCountry = gateway === 'gupshup' ? 'BR' : 'KE';
	if (next() < 0.15) {
		options.dryRun = true;
		if (next() < 0.5) options.costPerSegment = 0.8;
	}
	if (next() < 0.1) options.scheduleTime = 'not a date';
	else if (next() < 0.3) options.scheduleTime = '={{ $json.when }}';
	// Exclude Numbers and Retry Duration present but off (empty list, 0): the output must not change.
	if (next() < 0.3) options.excludeNumbers = pick(next, ['', '={{ [] }}', '={{ $json.none }}']);
	if (gateway === 'africasTalking' && next() < 0.3) options.retryDurationInHours = 0;
	const parameters: INodeParameters = {
		gateway,
		to: '={{ $json.phone }}',
		// A fixed empty message is refused by n8n before the node runs ("Message" is required).
		message:
			next() < 0.8
				? '={{ $json.text }}'
				: pick(
						next,
						TEXTS.filter((t) => t.trim() !== ''),
					),
		from:
			gateway === 'smsBox'
				? pick(next, ['SMSBOX', 'SMSBOX', 'UNKNOWN'])
				: pick(next, ['', '', 'SIMSMS']),
		recipientName: next() < 0.6 ? '={{ $json.name }}' : '',
		options: options as INodeParameters,
	};
	const faults =
		next() < 0.25
			? {
					retryAfterSeconds: 0,
					next: [pick(next, ['serverError', 'resetAfter', 'rateLimit', 'resetBefore'])],
				}
			: undefined;
	return {
		gateway,
		parameters,
		items,
		onError: pick(next, [undefined, 'continueRegularOutput', 'continueErrorOutput'] as const),
		faults,
		wrongCredentials: next() < 0.1,
	};
}

function credentialsFor(run: GeneratedRun, fixture: SimFixture) {
	const c = fixture.credentials;
	if (!run.wrongCredentials) return c;
	return {
		...c,
		africasTalkingApi: { ...c.africasTalkingApi, apiKey: 'wrong' },
		gupshupApi: { ...c.gupshupApi, apiKey: 'wrong' },
		smsBoxApi: { ...c.smsBoxApi, apiSecret: 'wrong' },
		dhis2Api: { ...c.dhis2Api, password: 'wrong' },
	};
}

async function runWith(type: 'sendSms' | 'formerSendSms', run: GeneratedRun) {
	const fixture = fx.get();
	fixture.sim.reset();
	// A copy: the in-process simulator consumes `next` from the array it is given.
	if (run.faults) fixture.sim.configure({ faults: structuredClone(run.faults) });
	const result = await runNode({
		type,
		parameters: run.parameters,
		credentials: credentialsFor(run, fixture),
		items: run.items,
		onError: run.onError,
		extraNodes: [former],
	});
	return {
		// SMSBox ids start with the simulator's clock (`sms-yyyymmddhhmmss…`), which moves between runs.
		outputs: JSON.stringify(
			result.outputs.map((items) => items.map(({ json, pairedItem }) => ({ json, pairedItem }))),
		).replace(/sms-\d{14}/g, 'sms-<time>'),
		error: result.error
			? { message: result.error.message, description: result.error.description ?? null }
			: null,
		requests: fixture.sim.stats().requests.total,
	};
}

describe('Send SMS output is byte-identical to the former implementation', () => {
	it('on 80 generated runs', async () => {
		const next = random(2026);
		let items = 0;
		let failedRuns = 0;
		let unreadableItems = 0;
		for (let i = 0; i < 80; i++) {
			const run = generate(next);
			const before = await runWith('formerSendSms', run);
			const after = await runWith('sendSms', run);
			try {
				expect(after).toEqual(before);
			} catch (error) {
				throw new Error(`run ${i}: ${JSON.stringify(run)}\n${(error as Error).message}`);
			}
			const output = (JSON.parse(after.outputs) as Array<Array<{ json: IDataObject }>>).flat();
			items += output.length;
			unreadableItems += output.filter(
				(o) => typeof o.json.error === 'string' && !('gateway' in o.json),
			).length;
			if (after.error) failedRuns++;
		}
		// The corpus exercises every path: many output items, runs that failed, unreadable items.
		expect(items).toBeGreaterThan(200);
		expect(failedRuns).toBeGreaterThan(0);
		expect(unreadableItems).toBeGreaterThan(0);
	}, 300_000);
});

/**
 * At least 5,000 malformed or hostile calls per trigger, spread over the gateways it serves:
 * nothing may throw, nothing may get a 5xx, every refusal (4xx) starts no execution, every call
 * gets exactly one answer, and calls that must be refused are.
 */
import { FuzzGenerator } from './fuzz-generator';
import { atEachVersion, triggerAt, TRIGGERS } from './triggers';
import type { TriggerKind } from './triggers';

const CASES_PER_TRIGGER = 5100;

const GATEWAYS: Record<TriggerKind, string[]> = {
	inbound: ['africasTalking', 'gupshup', 'smsBox', 'dhis2'],
	deliveryReport: ['africasTalking', 'gupshup'],
	optOut: ['africasTalking', 'gupshup', 'smsBox', 'dhis2'],
};

describe.each(atEachVersion(Object.keys(TRIGGERS) as TriggerKind[]))(
	'fuzzing the %s trigger, typeVersion %i',
	(kind, typeVersion) => {
		const trigger = triggerAt(typeVersion);
		it(`answers ${CASES_PER_TRIGGER} hostile calls with 2xx or 4xx only, never throwing`, async () => {
			const gateways = GATEWAYS[kind];
			const perGateway = Math.ceil(CASES_PER_TRIGGER / gateways.length);
			const tally = { total: 0, refused: 0, filtered: 0, started: 0 };
			const categories = new Map<string, number>();
			const failures: string[] = [];

			for (const [index, gateway] of gateways.entries()) {
				// With Accept All Event Kinds on, any well-formed event starts: the strictest setting for "0 executions for refusals".
				const node = trigger(kind, {
					gateway,
					authentication: 'token',
					options: { acceptAllEventKinds: index % 2 === 0 },
				});
				const generator = new FuzzGenerator(0x5eed + index * 7919 + kind.length, gateway);
				for (let i = 0; i < perGateway; i++) {
					const fuzz = generator.next();
					categories.set(fuzz.category, (categories.get(fuzz.category) ?? 0) + 1);
					const result = await node.call(fuzz.request);
					tally.total++;
					const where = `${gateway} #${i} (${fuzz.category})`;
					if (result.threw !== undefined) failures.push(`${where}: threw ${String(result.threw)}`);
					if (!result.ended) failures.push(`${where}: no answer written`);
					const ok = result.status >= 200 && result.status < 300;
					const refused = result.status >= 400 && result.status < 500;
					if (!ok && !refused) failures.push(`${where}: status ${result.status}`);
					if (refused && result.started)
						failures.push(`${where}: refused with ${result.status} but started an execution`);
					if (fuzz.mustRefuse && !refused)
						failures.push(`${where}: should have been refused, got ${result.status}`);
					if (result.started) {
						const [item] = result.items;
						if (
							result.items.length !== 1 ||
							typeof item.eventId !== 'string' ||
							typeof item.eventType !== 'string'
						) {
							failures.push(
								`${where}: started with a malformed event ${JSON.stringify(result.items).slice(0, 200)}`,
							);
						}
						tally.started++;
					} else if (ok) tally.filtered++;
					else tally.refused++;
				}
			}

			expect(failures.slice(0, 20)).toEqual([]);
			expect(tally.total).toBeGreaterThanOrEqual(5000);
			// The generator really produced hostile calls of every kind, and most were refused.
			expect([...categories.keys()].sort()).toEqual([
				'deepJson',
				'hostileQuery',
				'mutatedForm',
				'mutatedJson',
				'oversized',
				'pollutedForm',
				'pollutedJson',
				'randomBytes',
				'randomForm',
				'truncated',
				'wrongShape',
				'wrongToken',
			]);
			expect(tally.refused).toBeGreaterThan(tally.total * 0.6);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
			expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
		});
	},
);

/**
 * `bench/README-results.md`: the section the lead merges into the README, written from the result
 * files: a table per measurement, the command that produced it, and for each goal whether it was
 * met, by how much it was missed and the measured reason.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { BulkResult } from '../bulk/measure-bulk';
import type { FaultResult } from '../faults/measure-faults';
import type { ScaleResult } from '../scale/measure-scale';
import type { WebhookResult } from '../webhooks/measure-webhooks';
import type { ResultEnvelope } from './envelope';
import { bulkSection } from './readme/bulk';
import { faultSection } from './readme/faults';
import { legacySection } from './readme/legacy';
import { scaleSection } from './readme/scale';
import { summarySection } from './readme/summary';
import { webhookSection } from './readme/webhooks';

export const README_RESULTS = path.join(__dirname, '..', 'README-results.md');

export function writeReadmeResults(envelopes: {
	bulk?: ResultEnvelope<BulkResult>;
	webhooks?: ResultEnvelope<WebhookResult>;
	faults?: ResultEnvelope<FaultResult>;
	scale?: ResultEnvelope<ScaleResult>;
	bulkLegacy?: ResultEnvelope<BulkResult>;
	webhooksLegacy?: ResultEnvelope<WebhookResult>;
}): string {
	const parts = [
		'## Benchmarks',
		'',
		'Measured with `npm run bench` (`tsx bench/run-all.ts`; not part of `npm test`): a real n8n (the pinned release, this ' +
			'package installed as a community package), the gateway simulator and the load generator each in their own process, ' +
			'every figure below from one run. Raw figures: `bench/results/*.json`; charts: `docs/bench/*.png`. ' +
			'Sub-commands: `npm run bench -- bulk|faults|webhooks|scale|report`.',
		'',
	];
	const summary = summarySection(envelopes);
	if (summary) parts.push(summary, '');
	if (envelopes.bulk) parts.push(bulkSection(envelopes.bulk), '![Bulk send](docs/bench/bulk.png)', '');
	if (envelopes.webhooks) parts.push(webhookSection(envelopes.webhooks), '![Webhook acknowledgement](docs/bench/webhooks.png)', '');
	if (envelopes.faults) parts.push(faultSection(envelopes.faults), '![Faults](docs/bench/faults.png)', '');
	if (envelopes.scale) parts.push(scaleSection(envelopes.scale), '![Scale](docs/bench/scale.png)', '');
	const legacy = legacySection(envelopes.bulk, envelopes.bulkLegacy, envelopes.webhooks, envelopes.webhooksLegacy);
	if (legacy) parts.push(legacy);
	fs.writeFileSync(README_RESULTS, `${parts.join('\n').trimEnd()}\n`);
	return README_RESULTS;
}

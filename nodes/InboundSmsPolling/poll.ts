/**
 * One poll of the Inbound SMS (Polling) Trigger, generic over the gateways whose adapter can fetch
 * incoming messages (`inboundPolling`). The cursor lives in the node's workflow static data, which
 * n8n saves after a poll that emits and carries across restarts:
 * - the first poll of an active workflow only places the cursor at the newest stored message, so
 *   history is not replayed;
 * - later polls fetch page after page from the cursor until the gateway has no more or the poll's
 *   budget (n8n's `getPollBudgetMs`, and a page bound) runs out; the rest waits for the next poll;
 * - a manual run (the editor's "Fetch Test Event") returns the newest messages and moves nothing.
 * Each message is emitted once: the cursor moves only past what this poll emits.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { InboundPollingCapability, PollBudget, PollCursor } from '../shared/core/adapter';
import { n8nHttpClient } from '../shared/core/transport';
import type { InboundSmsEvent } from '../shared/core/webhook-types';
import { toNodeError } from '../shared/n8n/errors';
import { adapterFor } from '../shared/registry/registry';

/** At most this many gateway pages per poll, whatever the time budget. */
export const MAX_PAGES_PER_POLL = 100;

/** How many messages a manual run returns. */
export const MANUAL_SAMPLE_SIZE = 1;

/** Stop fetching this long before n8n's budget ends, to hand over what was fetched. */
const BUDGET_MARGIN_MS = 5_000;

interface StoredState {
	/** Which gateway the cursor belongs to: a cursor never carries over to another gateway. */
	gateway?: string;
	cursor?: PollCursor;
}

function budgetFor(context: IPollFunctions): PollBudget & { spend(): void } {
	const started = Date.now();
	const budgetMs =
		typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : 5 * 60_000;
	let requests = 0;
	return {
		allows: () =>
			requests < MAX_PAGES_PER_POLL &&
			Date.now() - started < Math.max(0, budgetMs - BUDGET_MARGIN_MS),
		spend: () => {
			requests++;
		},
	};
}

const toItems = (events: InboundSmsEvent[]): INodeExecutionData[] =>
	events.map((event) => ({ json: event as unknown as IDataObject }));

export async function pollInboundSms(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const gateway = this.getNodeParameter('gateway') as string;
	const adapter = adapterFor(gateway);
	const polling: InboundPollingCapability | undefined = adapter.inboundPolling;
	if (!polling) {
		throw new NodeOperationError(this.getNode(), `${adapter.displayName} has no inbox to poll`, {
			description:
				'Choose a gateway from the list, or use the Inbound SMS Trigger (webhook) for it.',
		});
	}
	const http = n8nHttpClient(this, adapter.credentialType);
	try {
		const credentials = await this.getCredentials(adapter.credentialType);
		const now = Date.now();
		if (this.getMode() === 'manual') {
			const sample = await polling.latest(http, credentials, MANUAL_SAMPLE_SIZE, now);
			return sample.length > 0 ? [toItems(sample)] : null;
		}

		const state = this.getWorkflowStaticData('node') as StoredState;
		const budget = budgetFor(this);
		if (state.gateway !== gateway || state.cursor === undefined) {
			state.cursor = await polling.latestCursor(http, credentials, budget);
			state.gateway = gateway;
			return null;
		}

		let cursor = state.cursor;
		const events: InboundSmsEvent[] = [];
		while (budget.allows()) {
			budget.spend();
			const page = await polling.fetchAfter(http, credentials, cursor, now);
			events.push(...page.events);
			cursor = page.cursor;
			if (!page.more) break;
		}
		state.cursor = cursor;
		return events.length > 0 ? [toItems(events)] : null;
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}

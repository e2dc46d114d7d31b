/**
 * The Send SMS run: read every item, plan all recipients at once (so recipients of the same text
 * share requests across items), send, and output one item per recipient.
 *
 * Anything wrong before sending (a bad parameter, scheduling on a gateway that cannot) throws,
 * naming the item, because nothing has been sent yet. Once the gateway may have accepted any
 * message, the node never throws: n8n's Retry On Fail would send everything again.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { GatewayAdapter } from '../shared/core/adapter';
import { adapterFor } from '../shared/registry/registry';
import { n8nHttpClient } from '../shared/core/transport';
import type { RecipientResult, SendOptions } from '../shared/core/types';
import { gatewayErrorToNodeError, toNodeError } from '../shared/n8n/errors';
import { itemParameterReader } from '../shared/n8n/item-parameters';
import { scheduleTimeInstant } from '../shared/helpers/schedule-time';
import { readExclusionList } from '../shared/send/exclusions';
import { executeSend } from '../shared/send/execute';
import type { EncodingPolicy, PlanEntry, SendInput } from '../shared/send/plan';
import { planSend } from '../shared/send/plan';

/** For a gateway whose adapter names no default. */
const DEFAULT_CONCURRENCY = 10;

/** An item whose parameters could not be read (kept with "On Error" continuing). */
interface ReadFailure {
	itemIndex: number;
	message: string;
}

export async function sendSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const adapter = adapterFor(this.getNodeParameter('gateway', 0) as string);
	const runOptions = this.getNodeParameter('options', 0, {}) as IDataObject;
	const readFailures: ReadFailure[] = [];
	const inputs: SendInput[] = [];

	const read = itemParameterReader(this);
	for (let i = 0; i < items.length; i++) {
		try {
			inputs.push(readItem(this, read, adapter, i));
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, i);
			readFailures.push({ itemIndex: i, message: (error as Error).message });
		}
	}

	const defaultCountry = (runOptions.defaultCountry as string) || undefined;
	const plan = planSend(adapter, inputs, {
		defaultCountry,
		exclude: excludedNumbers(this, runOptions, defaultCountry),
		deduplicate: runOptions.deduplicate !== false,
		encodingPolicy: ((runOptions.encodingPolicy as string) || 'auto') as EncodingPolicy,
	});

	let results: RecipientResult[];
	if (runOptions.dryRun === true) {
		results = dryRunResults(adapter, plan.entries, Number(runOptions.costPerSegment) || 0);
	} else {
		const credentials = await this.getCredentials(adapter.credentialType);
		const run = await executeSend(plan, {
			adapter,
			// The credentials read once for the run go with every request: n8n then neither reads nor
			// decrypts the stored credential again per request (core/transport.ts).
			http: n8nHttpClient(
				this,
				adapter.credentialType,
				Number(runOptions.timeout) || undefined,
				credentials,
			),
			credentials,
			batchSize: Number(runOptions.batchSize) || undefined,
			// Max Concurrency when the option is added (n8n then stores its value with the node),
			// else the gateway's own default (its adapter says why).
			concurrency:
				Number(runOptions.maxConcurrency) || adapter.defaultSendConcurrency || DEFAULT_CONCURRENCY,
			sleep,
		});
		if (run.stoppedBy && !run.anythingMayHaveBeenSent && !this.continueOnFail()) {
			const firstSent = plan.messages[0]?.itemIndex ?? 0;
			throw gatewayErrorToNodeError(this.getNode(), run.stoppedBy, firstSent);
		}
		results = run.results;
	}

	return [toItems(this, plan.entries, results, readFailures)];
}

/**
 * Exclude Numbers, read once for the run (at item 0, with the other run options), normalised like
 * the recipients. Entries that are not phone numbers are ignored and counted in a note on the
 * node's output, never failing the run.
 */
function excludedNumbers(
	context: IExecuteFunctions,
	runOptions: IDataObject,
	defaultCountry: string | undefined,
): ReadonlySet<string> | undefined {
	const value = runOptions.excludeNumbers;
	if (value === undefined || value === null || value === '') return undefined;
	const list = readExclusionList(value, defaultCountry);
	if (list.unreadable > 0 && typeof context.addExecutionHints === 'function') {
		const examples = list.unreadableExamples.map((e) => `"${e}"`).join(', ');
		context.addExecutionHints({
			message: `Exclude Numbers: ${list.unreadable} ${list.unreadable === 1 ? 'entry is' : 'entries are'} not a phone number and ${list.unreadable === 1 ? 'was' : 'were'} ignored (${examples})`,
			location: 'outputPane',
		});
	}
	return list.numbers;
}

function readItem(
	context: IExecuteFunctions,
	read: ReturnType<typeof itemParameterReader>,
	adapter: GatewayAdapter,
	i: number,
): SendInput {
	// The per-message options are read one by one: reading the whole collection per item would
	// resolve Exclude Numbers, read once for the run, again for every item.
	const send: SendOptions = {};
	const scheduleTime = read<unknown>('options.scheduleTime', i, '');
	if (scheduleTime) {
		send.scheduleAt = scheduleInstant(context, adapter, scheduleTime, i);
	}
	const keyword = read<unknown>('options.keyword', i, '');
	if (keyword) send.keyword = String(keyword);
	const linkId = read<unknown>('options.linkId', i, '');
	if (linkId) send.linkId = String(linkId);
	if (read<unknown>('options.enqueue', i, false) === true) send.enqueue = true;
	const retryHours = Number(read<unknown>('options.retryDurationInHours', i, 0));
	if (retryHours > 0) send.retryDurationInHours = retryHours;
	return {
		itemIndex: i,
		to: read('to', i),
		message: String(read('message', i, '') ?? ''),
		from: adapter.send?.sender === 'none' ? undefined : String(read('from', i, '') ?? '').trim(),
		recipientName: String(read('recipientName', i, '') ?? ''),
		options: send,
	};
}

function scheduleInstant(
	context: IExecuteFunctions,
	adapter: GatewayAdapter,
	value: unknown,
	i: number,
): string {
	if (!adapter.send?.limits.canSchedule) {
		throw new NodeOperationError(
			context.getNode(),
			`${adapter.displayName} cannot schedule messages`,
			{
				itemIndex: i,
				description: 'Remove "Schedule Time", or use SMSBox, which can schedule. Nothing was sent.',
			},
		);
	}
	const instant = scheduleTimeInstant(value, context.getTimezone());
	if (instant === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`"${String(value)}" is not a valid schedule time`,
			{
				itemIndex: i,
				description: 'Give a date and time, for example 2026-12-24T09:00:00Z.',
			},
		);
	}
	const date = new Date(instant);
	if (date.getTime() <= Date.now()) {
		throw new NodeOperationError(
			context.getNode(),
			`The schedule time ${date.toISOString()} is in the past`,
			{
				itemIndex: i,
				description:
					'Give a time in the future, or remove "Schedule Time" to send now. Nothing was sent.',
			},
		);
	}
	return date.toISOString();
}

function dryRunResults(
	adapter: GatewayAdapter,
	entries: ReturnType<typeof planSend>['entries'],
	costPerSegment: number,
): RecipientResult[] {
	return entries.map((entry) => {
		if (entry.kind === 'decided') return entry.result;
		const m = entry.message;
		return {
			gateway: adapter.id,
			status: 'valid',
			to: m.e164,
			input: m.input,
			messageId: null,
			segments: m.segments,
			encoding: m.encoding,
			cost: costPerSegment > 0 ? Math.round(m.segments * costPerSegment * 10000) / 10000 : null,
			currency: null,
			sender: m.sender ?? null,
			scheduledAt: m.options.scheduleAt ?? null,
			error: null,
			details: { dryRun: true, text: m.text },
		};
	});
}

/**
 * One output item per recipient and per unreadable item, in input-item order (an unreadable item
 * before the recipients of the same index, as it always came first). The recipients' results are
 * the items' `json` as they are, not copies. With "On Error: Continue (using error output)", failed
 * rows take the shape n8n routes to the error output without rewriting (`error`, `message`,
 * `details` only): an `item.error` would make n8n replace the whole result with the error message.
 *
 * The plan lists its entries in input-item order (it reads the items in order), and unreadable
 * items are collected in order, so the two lists are merged in one pass, without sorting.
 */
function toItems(
	context: IExecuteFunctions,
	entries: PlanEntry[],
	results: RecipientResult[],
	readFailures: ReadFailure[],
): INodeExecutionData[] {
	const routeErrors = context.getNode().onError === 'continueErrorOutput';
	const item = (itemIndex: number, json: IDataObject, failed: boolean): INodeExecutionData => {
		if (!failed || !routeErrors) return { json, pairedItem: { item: itemIndex } };
		const error = json.error as IDataObject | string | undefined;
		const message = typeof error === 'string' ? error : String(error?.message ?? 'Not sent');
		return {
			json: { error: error ?? message, message, details: json },
			pairedItem: { item: itemIndex },
		};
	};
	const output: INodeExecutionData[] = [];
	let failure = 0;
	for (let index = 0; index < entries.length; index++) {
		const entry = entries[index];
		const itemIndex = entry.kind === 'send' ? entry.message.itemIndex : entry.itemIndex;
		// Bounded: each pass consumes one read failure.
		while (failure < readFailures.length && readFailures[failure].itemIndex <= itemIndex) {
			const { itemIndex: failedIndex, message } = readFailures[failure++];
			output.push(item(failedIndex, { error: message }, true));
		}
		const result = results[index];
		// Suppressed is what the user asked for, not a failure: it stays in the regular output's shape.
		const failed =
			result.status !== 'accepted' && result.status !== 'valid' && result.status !== 'suppressed';
		output.push(item(itemIndex, result as unknown as IDataObject, failed));
	}
	while (failure < readFailures.length) {
		const { itemIndex: failedIndex, message } = readFailures[failure++];
		output.push(item(failedIndex, { error: message }, true));
	}
	return output;
}

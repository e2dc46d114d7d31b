// Former implementation (commit 9a2b6d9, before Send SMS built its output without intermediate
// copies), kept unchanged except for import paths, only for output-differential.test.ts.
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

import type { GatewayAdapter } from '../../../../nodes/shared/core/adapter';
import { adapterFor } from '../../../../nodes/shared/registry/registry';
import { n8nHttpClient } from '../../../../nodes/shared/core/transport';
import type { RecipientResult, SendOptions } from '../../../../nodes/shared/core/types';
import { gatewayErrorToNodeError, toNodeError } from '../../../../nodes/shared/n8n/errors';
import { itemParameterReader } from '../../../../nodes/shared/n8n/item-parameters';
import { executeSend } from './send-execute';
import type { EncodingPolicy, SendInput } from './plan';
import { planSend } from './plan';

/** For a gateway whose adapter names no default. */
const DEFAULT_CONCURRENCY = 10;

interface Row {
	itemIndex: number;
	json: IDataObject;
	failed: boolean;
}

export async function sendSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const adapter = adapterFor(this.getNodeParameter('gateway', 0) as string);
	const runOptions = this.getNodeParameter('options', 0, {}) as IDataObject;
	const rows: Row[] = [];
	const inputs: SendInput[] = [];

	const read = itemParameterReader(this);
	for (let i = 0; i < items.length; i++) {
		try {
			inputs.push(readItem(this, read, adapter, i));
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, i);
			rows.push({ itemIndex: i, json: { error: (error as Error).message }, failed: true });
		}
	}

	const plan = planSend(adapter, inputs, {
		defaultCountry: (runOptions.defaultCountry as string) || undefined,
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

	plan.entries.forEach((entry, index) => {
		const result = results[index];
		const itemIndex = entry.kind === 'send' ? entry.message.itemIndex : entry.itemIndex;
		rows.push({
			itemIndex,
			json: result as unknown as IDataObject,
			failed: result.status !== 'accepted' && result.status !== 'valid',
		});
	});
	return [toItems.call(this, rows)];
}

function readItem(
	context: IExecuteFunctions,
	read: ReturnType<typeof itemParameterReader>,
	adapter: GatewayAdapter,
	i: number,
): SendInput {
	const options = read<IDataObject>('options', i, {});
	const send: SendOptions = {};
	if (options.scheduleTime) {
		send.scheduleAt = scheduleInstant(context, adapter, options.scheduleTime, i);
	}
	if (options.keyword) send.keyword = String(options.keyword);
	if (options.linkId) send.linkId = String(options.linkId);
	if (options.enqueue === true) send.enqueue = true;
	return {
		itemIndex: i,
		to: read('to', i),
		message: String(read('message', i, '') ?? ''),
		from: adapter.id === 'dhis2' ? undefined : String(read('from', i, '') ?? '').trim(),
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
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(
			context.getNode(),
			`"${String(value)}" is not a valid schedule time`,
			{
				itemIndex: i,
				description: 'Give a date and time, for example 2026-12-24T09:00:00Z.',
			},
		);
	}
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
 * Rows in input-item order. With "On Error: Continue (using error output)", failed rows take the
 * shape n8n routes to the error output without rewriting (`error`, `message`, `details` only): an
 * `item.error` would make n8n replace the whole result with the error message.
 */
function toItems(this: IExecuteFunctions, rows: Row[]): INodeExecutionData[] {
	const routeErrors = this.getNode().onError === 'continueErrorOutput';
	return rows
		.map((row, position) => ({ row, position }))
		.sort((a, b) => a.row.itemIndex - b.row.itemIndex || a.position - b.position)
		.map(({ row }) => {
			if (!row.failed || !routeErrors)
				return { json: row.json, pairedItem: { item: row.itemIndex } };
			const error = row.json.error as IDataObject | string | undefined;
			const message = typeof error === 'string' ? error : String(error?.message ?? 'Not sent');
			return {
				json: { error: error ?? message, message, details: row.json },
				pairedItem: { item: row.itemIndex },
			};
		});
}

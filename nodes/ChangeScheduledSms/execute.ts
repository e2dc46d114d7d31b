/**
 * One change per input item. Output: `gateway`, `messageId`, `operation`, SMSBox's `message` and
 * the changed fields (`scheduleTime` in SMSBox's GMT+0 form and `scheduledAt` as ISO, `text`,
 * `sender`). A message that no longer exists or has gone out is a not-found error (SMSBox: HTTP 200
 * with code 403).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ScheduledChange } from '../shared/core/adapter';
import { errorInfo } from '../shared/core/errors';
import { adapterFor } from '../shared/registry/registry';
import { n8nHttpClient } from '../shared/core/transport';
import type { ItemParameterReader } from '../shared/n8n/item-parameters';
import { itemParameterReader } from '../shared/n8n/item-parameters';
import { inputError, runPerItem } from '../shared/n8n/per-item';
import { scheduleTimeInstant } from '../shared/helpers/schedule-time';

function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	return text === '' ? undefined : text;
}

function readChange(
	context: IExecuteFunctions,
	read: ItemParameterReader,
	operation: string,
	itemIndex: number,
): ScheduledChange {
	switch (operation) {
		case 'suspend':
		case 'resume':
			return { kind: operation };
		case 'reschedule': {
			const value = read<unknown>('newTime', itemIndex, '');
			const scheduleAt = scheduleTimeInstant(value, context.getTimezone());
			if (!scheduleAt) {
				throw inputError(
					context.getNode(),
					errorInfo(
						'INVALID_SCHEDULE_TIME',
						`"${String(value)}" is not a date and time`,
						'Give "New Time" as a date, for example 2026-05-01T12:25:00Z, or in SMSBox\'s form 2026-05-01 12:25 (GMT+0).',
					),
					itemIndex,
				);
			}
			return { kind: 'reschedule', scheduleAt };
		}
		case 'edit':
			return {
				kind: 'edit',
				text: optionalText(read('newText', itemIndex, '')),
				sender: optionalText(read('newSender', itemIndex, '')),
			};
		default:
			throw new NodeOperationError(context.getNode(), `Unknown operation "${operation}"`, {
				itemIndex,
			});
	}
}

export async function changeScheduledSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const adapter = adapterFor(this.getNodeParameter('gateway', 0) as string);
	const capability = adapter.scheduledChanges;
	if (!capability) {
		throw new NodeOperationError(
			this.getNode(),
			`${adapter.displayName} cannot change scheduled messages`,
			{
				description: 'Choose SMSBox.',
			},
		);
	}
	const operation = this.getNodeParameter('operation', 0) as string;
	const http = n8nHttpClient(this, adapter.credentialType);
	const read = itemParameterReader(this);

	return await runPerItem(this, async (itemIndex) => {
		const messageId = capability.messageId(String(read('messageId', itemIndex, '') ?? ''));
		const change = readChange(this, read, operation, itemIndex);
		const problem = capability.check(messageId, change);
		if (problem) throw inputError(this.getNode(), problem, itemIndex);
		const credentials = await this.getCredentials(adapter.credentialType);
		const result = await capability.change(http, credentials, messageId, change);
		const json: IDataObject = {
			gateway: adapter.id,
			messageId: result.messageId,
			operation,
			message: result.message,
		};
		if (change.kind === 'reschedule') {
			json.scheduleTime = result.scheduleTime;
			json.scheduledAt = result.scheduledAt;
		}
		if (change.kind === 'edit') {
			if (change.text !== undefined) json.text = change.text;
			if (change.sender !== undefined) json.sender = change.sender;
		}
		json.raw = result.raw as IDataObject;
		return json;
	});
}

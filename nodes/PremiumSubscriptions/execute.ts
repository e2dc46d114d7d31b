/**
 * One call per input item. Create and Delete output `gateway`, `operation`, `shortCode`, `keyword`,
 * `phoneNumber`, the gateway's `status` and `description`; Get Many outputs one item per subscriber
 * (`gateway`, `id`, `phoneNumber`, `date`, `shortCode`, `keyword`), following the gateway's pages
 * from After ID until the limit or the last page.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type {
	PremiumProduct,
	PremiumSubscription,
	PremiumSubscriptionsCapability,
} from '../shared/core/adapter';
import { errorInfo } from '../shared/core/errors';
import type { Credentials, HttpClient } from '../shared/core/types';
import { n8nHttpClient } from '../shared/core/transport';
import { normalizePhoneNumber } from '../shared/helpers/phone';
import type { ItemParameterReader } from '../shared/n8n/item-parameters';
import { itemParameterReader } from '../shared/n8n/item-parameters';
import { inputError, runPerItem } from '../shared/n8n/per-item';
import { adapterFor } from '../shared/registry/registry';

/** Pages followed at most for one item: a gateway that kept answering would otherwise never end. */
const MAX_PAGES = 10_000;

export async function premiumSubscriptions(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const adapter = adapterFor(this.getNodeParameter('gateway', 0) as string);
	const capability = adapter.premiumSubscriptions;
	if (!capability) {
		throw new NodeOperationError(
			this.getNode(),
			`${adapter.displayName} has no premium subscriptions`,
			{
				description: "Choose Africa's Talking.",
			},
		);
	}
	const operation = this.getNodeParameter('operation', 0) as string;
	const http = n8nHttpClient(this, adapter.credentialType);
	const read = itemParameterReader(this);

	return await runPerItem(this, async (itemIndex) => {
		const product: PremiumProduct = {
			shortCode: String(read('shortCode', itemIndex, '') ?? '').trim(),
			keyword: String(read('keyword', itemIndex, '') ?? '').trim(),
		};
		const credentials = await this.getCredentials(adapter.credentialType);
		if (operation === 'getAll') {
			const problem = capability.check(product);
			if (problem) throw inputError(this.getNode(), problem, itemIndex);
			const subscriptions = await listSubscriptions(
				capability,
				http,
				credentials,
				product,
				read,
				itemIndex,
			);
			return subscriptions.map((s) => ({
				gateway: adapter.id,
				id: s.id,
				phoneNumber: s.phoneNumber,
				date: s.date,
				shortCode: product.shortCode,
				keyword: product.keyword,
			}));
		}
		if (operation !== 'create' && operation !== 'delete') {
			throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, {
				itemIndex,
			});
		}
		const given = String(read('phoneNumber', itemIndex, '') ?? '');
		const phone = normalizePhoneNumber(given);
		if (!phone.ok) {
			throw inputError(
				this.getNode(),
				errorInfo(
					'INVALID_NUMBER',
					phone.reason,
					`Item ${itemIndex + 1}: give the number with + and its country code.`,
				),
				itemIndex,
			);
		}
		const problem = capability.check(product, phone.e164);
		if (problem) throw inputError(this.getNode(), problem, itemIndex);
		const result =
			operation === 'create'
				? await capability.create(http, credentials, product, phone.e164)
				: await capability.delete(http, credentials, product, phone.e164);
		const json: IDataObject = {
			gateway: adapter.id,
			operation,
			shortCode: product.shortCode,
			keyword: product.keyword,
			phoneNumber: phone.e164,
			status: result.status,
			description: result.description,
		};
		return json;
	});
}

async function listSubscriptions(
	capability: PremiumSubscriptionsCapability,
	http: HttpClient,
	credentials: Credentials,
	product: PremiumProduct,
	read: ItemParameterReader,
	itemIndex: number,
): Promise<PremiumSubscription[]> {
	const returnAll = read<boolean>('returnAll', itemIndex, false);
	const limit = returnAll ? Infinity : Math.max(1, Number(read('limit', itemIndex, 50)) || 50);
	const options = read<IDataObject>('options', itemIndex, {});
	let afterId = String(options.afterId ?? '').trim() || '0';
	const kept: PremiumSubscription[] = [];
	const seen = new Set<string>();
	for (let page = 0; page < MAX_PAGES && kept.length < limit; page++) {
		const { subscriptions } = await capability.list(http, credentials, product, afterId);
		const fresh = subscriptions.filter((s) => !seen.has(s.id));
		if (fresh.length === 0) break;
		for (const s of fresh) {
			seen.add(s.id);
			if (kept.length < limit) kept.push(s);
		}
		afterId = fresh[fresh.length - 1].id;
	}
	return kept;
}

/**
 * DHIS2 metadata-style lists: {"pager":{page,pageCount,total,pageSize},"<collection>":[...]}
 * with `fields`, `page`, `pageSize` (default 50) and `paging=false` (providers.md §4.2).
 */
import type { SimReply, SimRequest } from '../../core/http-io';
import { jsonReply } from '../../core/http-io';
import { webMessage } from './web-message';

/** `*` / `:all` = every field; otherwise a comma list of top-level names. */
export function pickFields(
	item: Record<string, unknown>,
	fields: string[],
): Record<string, unknown> {
	if (fields.includes('*') || fields.includes(':all')) return item;
	const out: Record<string, unknown> = {};
	for (const name of fields)
		if (item[name] !== undefined && item[name] !== null) out[name] = item[name];
	return out;
}

export function fieldsParam(req: SimRequest, fallback: string): string[] {
	return (req.query.get('fields') ?? fallback)
		.split(',')
		.map((f) => f.trim())
		.filter((f) => f !== '');
}

/**
 * Master's default for these lists is `id,displayName`; OutboundSms/IncomingSms have no name,
 * so DHIS2 (which omits nulls) returns just the id unless `fields` asks for more.
 */
export function listReply(
	req: SimRequest,
	collection: string,
	items: Array<Record<string, unknown>>,
): SimReply {
	const fields = fieldsParam(req, 'id,displayName');
	if (req.query.get('paging') === 'false') {
		return jsonReply(200, { [collection]: items.map((i) => pickFields(i, fields)) });
	}
	const page = Number(req.query.get('page') ?? '1');
	const pageSize = Number(req.query.get('pageSize') ?? '50');
	if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1) {
		return webMessage(400, 'page and pageSize must be positive integers');
	}
	const slice = items.slice((page - 1) * pageSize, page * pageSize);
	const pager = {
		page,
		pageCount: Math.max(1, Math.ceil(items.length / pageSize)),
		total: items.length,
		pageSize,
	};
	return jsonReply(200, { pager, [collection]: slice.map((i) => pickFields(i, fields)) });
}

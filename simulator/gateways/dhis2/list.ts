/**
 * DHIS2 metadata-style lists: {"pager":{page,pageCount,total,pageSize},"<collection>":[...]}
 * with `fields`, `page`, `pageSize` (default 50) and `paging=false` (docs/gateways/dhis2.md#sending), and the
 * metadata query's `filter=property:operator:value` (repeatable, all must hold) and
 * `order=property:asc|desc` (INF: these lists are DHIS2's generic CRUD lists, which take both).
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
const OPERATORS = ['eq', '!eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'ilike', 'in'];

/** Dates compare as instants (DHIS2 parses the value as a date), anything else as text. */
function compare(left: unknown, right: string): number {
	const text = left === undefined || left === null ? '' : String(left);
	const isoish = /^\d{4}-\d{2}-\d{2}/;
	if (isoish.test(text) && isoish.test(right)) {
		const a = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
		const b = Date.parse(right.endsWith('Z') ? right : `${right}Z`);
		if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
	}
	return text < right ? -1 : text > right ? 1 : 0;
}

function matches(
	item: Record<string, unknown>,
	property: string,
	operator: string,
	value: string,
): boolean {
	const actual = item[property];
	switch (operator) {
		case 'eq':
			return compare(actual, value) === 0;
		case '!eq':
		case 'ne':
			return compare(actual, value) !== 0;
		case 'gt':
			return compare(actual, value) > 0;
		case 'ge':
			return compare(actual, value) >= 0;
		case 'lt':
			return compare(actual, value) < 0;
		case 'le':
			return compare(actual, value) <= 0;
		case 'like':
			return String(actual ?? '').includes(value);
		case 'ilike':
			return String(actual ?? '')
				.toLowerCase()
				.includes(value.toLowerCase());
		case 'in':
			return value
				.replace(/^\[|\]$/g, '')
				.split(',')
				.includes(String(actual ?? ''));
		default:
			return false;
	}
}

/** Applies `filter` and `order`; an unreadable one is DHIS2's 400 "Query failed". */
function filterAndOrder(
	req: SimRequest,
	items: Array<Record<string, unknown>>,
): Array<Record<string, unknown>> | SimReply {
	let out = items;
	for (const filter of req.query.getAll('filter')) {
		const [property, operator, ...rest] = filter.split(':');
		if (!property || !operator || !OPERATORS.includes(operator) || rest.length === 0)
			return webMessage(400, `Query failed because of a syntax error: ${filter}`);
		const value = rest.join(':');
		out = out.filter((item) => matches(item, property, operator, value));
	}
	const order = req.query.get('order');
	if (order) {
		const keys = order.split(',').map((part) => {
			const [property, direction = 'asc'] = part.split(':');
			return { property, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
		});
		out = [...out].sort((a, b) => {
			for (const { property, sign } of keys) {
				const c = compare(
					a[property],
					b[property] === undefined || b[property] === null ? '' : String(b[property]),
				);
				if (c !== 0) return sign * c;
			}
			return 0;
		});
	}
	return out;
}

export function listReply(
	req: SimRequest,
	collection: string,
	all: Array<Record<string, unknown>>,
): SimReply {
	const selected = filterAndOrder(req, all);
	if (!Array.isArray(selected)) return selected;
	const items = selected;
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

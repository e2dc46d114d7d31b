/**
 * Just enough XML for the gateways: parsing SMSBox's XML send body (docs/gateways/smsbox.md#authentication-and-formats) and
 * writing Africa's Talking's default XML replies (docs/gateways/africastalking.md#hosts-and-authentication). Malformed input throws.
 */

export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** Concatenated text content directly inside this element (entities decoded). */
	text: string;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, entity: string) => {
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
		const known = ENTITIES[entity];
		if (known === undefined) throw new XmlError(`unknown entity ${whole}`);
		return known;
	});
}

export function escapeXml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(ch) => `&${Object.keys(ENTITIES).find((k) => ENTITIES[k] === ch)};`,
	);
}

export function parseXml(source: string): XmlElement {
	let pos = 0;
	const stack: XmlElement[] = [];
	let root: XmlElement | null = null;
	const maxSteps = source.length + 1;
	for (let step = 0; pos < source.length && step <= maxSteps; step++) {
		const lt = source.indexOf('<', pos);
		const textEnd = lt === -1 ? source.length : lt;
		const text = source.slice(pos, textEnd);
		if (stack.length > 0) stack[stack.length - 1].text += decodeEntities(text);
		else if (text.trim() !== '') throw new XmlError('text outside the root element');
		if (lt === -1) break;
		if (source.startsWith('<?', lt)) {
			pos = requireIndex(source, '?>', lt) + 2;
		} else if (source.startsWith('<!--', lt)) {
			pos = requireIndex(source, '-->', lt) + 3;
		} else if (source.startsWith('<![CDATA[', lt)) {
			const end = requireIndex(source, ']]>', lt);
			if (stack.length === 0) throw new XmlError('CDATA outside the root element');
			stack[stack.length - 1].text += source.slice(lt + 9, end);
			pos = end + 3;
		} else if (source.startsWith('<!', lt)) {
			pos = requireIndex(source, '>', lt) + 1;
		} else if (source.startsWith('</', lt)) {
			const end = requireIndex(source, '>', lt);
			const name = source.slice(lt + 2, end).trim();
			const open = stack.pop();
			if (!open || open.name !== name) throw new XmlError(`unexpected closing tag </${name}>`);
			pos = end + 1;
		} else {
			const end = requireIndex(source, '>', lt);
			const inner = source.slice(lt + 1, end);
			const selfClosing = inner.endsWith('/');
			const element = parseTag(selfClosing ? inner.slice(0, -1) : inner);
			if (stack.length > 0) stack[stack.length - 1].children.push(element);
			else if (root) throw new XmlError('more than one root element');
			else root = element;
			if (!selfClosing) stack.push(element);
			pos = end + 1;
		}
	}
	if (stack.length > 0) throw new XmlError(`unclosed element <${stack[stack.length - 1].name}>`);
	if (!root) throw new XmlError('no root element');
	return root;
}

function requireIndex(source: string, token: string, from: number): number {
	const index = source.indexOf(token, from);
	if (index === -1) throw new XmlError(`unterminated markup, expected ${token}`);
	return index;
}

function parseTag(inner: string): XmlElement {
	const match = /^\s*([A-Za-z_][\w.:-]*)([\s\S]*)$/.exec(inner);
	if (!match) throw new XmlError(`bad tag <${inner}>`);
	const attributes: Record<string, string> = {};
	const attrPattern = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
	const rest = match[2];
	let consumed = rest.replace(attrPattern, (_whole, name: string, _q, dq?: string, sq?: string) => {
		attributes[name] = decodeEntities(dq ?? sq ?? '');
		return '';
	});
	consumed = consumed.trim();
	if (consumed !== '') throw new XmlError(`bad attributes in <${match[1]}>`);
	return { name: match[1], attributes, children: [], text: '' };
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
	return element.children.find((c) => c.name === name);
}

/** Serialises a plain value tree: objects become elements; an array under key K repeats `itemNames[K]`. */
export type XmlValue = string | number | boolean | null | XmlValue[] | { [key: string]: XmlValue };

export function toXml(
	name: string,
	value: XmlValue,
	itemNames: Record<string, string> = {},
): string {
	if (value === null) return `<${name}/>`;
	if (Array.isArray(value)) {
		const item = itemNames[name] ?? 'item';
		return `<${name}>${value.map((v) => toXml(item, v, itemNames)).join('')}</${name}>`;
	}
	if (typeof value === 'object') {
		const inner = Object.entries(value)
			.map(([k, v]) => toXml(k, v, itemNames))
			.join('');
		return `<${name}>${inner}</${name}>`;
	}
	return `<${name}>${escapeXml(String(value))}</${name}>`;
}

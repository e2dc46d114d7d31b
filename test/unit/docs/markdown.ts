/**
 * Just enough Markdown for the documentation tests: the anchors GitHub gives a file's headings, and
 * the links a file makes. Code (fenced blocks and inline spans) is left out of both, as GitHub does,
 * so an example that shows a heading or a link is not taken for one.
 */

/** Fenced code blocks blanked out line for line (line numbers stay right). */
function withoutFences(markdown: string): string[] {
	let fence: string | undefined;
	return markdown.split('\n').map((line) => {
		const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			return '';
		}
		if (marker) {
			fence = marker;
			return '';
		}
		return line;
	});
}

const withoutInlineCode = (line: string) => line.replace(/(`+)(?:(?!\1).)+?\1/g, '');

/**
 * GitHub's anchor for a heading: the heading's text (links reduced to their text, code spans to their
 * content, emphasis markers dropped), lower-cased, every character that is not a letter, digit,
 * space, `-` or `_` removed, and each space turned into `-`. A repeated anchor gets `-1`, `-2`, ….
 */
export function githubSlug(heading: string): string {
	const text = heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/[*~]/g, '')
		.replace(/<[^>]+>/g, '')
		.trim()
		.toLowerCase();
	return text.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

/** Every heading anchor of a Markdown file, in order, with GitHub's numbering of repeats. */
export function headingAnchors(markdown: string): string[] {
	const seen = new Map<string, number>();
	const anchors: string[] = [];
	for (const line of withoutFences(markdown)) {
		const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
		if (heading === undefined) continue;
		const slug = githubSlug(heading);
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.push(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

export interface MarkdownLink {
	/** 1-based line of the link. */
	line: number;
	target: string;
}

/** Every inline link and image target of a Markdown file (`[text](target)`, `![alt](target)`). */
export function markdownLinks(markdown: string): MarkdownLink[] {
	const links: MarkdownLink[] = [];
	withoutFences(markdown).forEach((raw, index) => {
		const line = withoutInlineCode(raw);
		for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
			links.push({ line: index + 1, target: match[1] });
		}
	});
	return links;
}

/** A link to a place in this repository: no scheme (`https:`, `mailto:`) and not protocol-relative. */
export const isRelativeLink = (target: string) =>
	!/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//');

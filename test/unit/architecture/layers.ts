/**
 * The import rule of the shipped code (CONTRIBUTING.md, "Layers"), as data and a checker, so the
 * import-direction test can both check the tree and prove on made-up files that it catches a
 * wrong import.
 *
 *   vendor, helpers ← core ← webhook-parsing ← adapters ← registry ← (send, webhooks, n8n) ← nodes
 *
 * A file may import its own layer's files and any lower layer. Peers do not import each other:
 * send/, webhooks/ and n8n/ are three separate layers of the same rank, each gateway folder under
 * adapters/ sees only itself and adapters/common.ts, and each node folder sees only itself. And
 * send/, webhooks/ and n8n/ reach the adapters only through the registry: they know no gateway.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Layer {
	/** Higher ranks may import lower ones. */
	rank: number;
	/** Files in the same group may import each other; different groups of one rank may not. */
	group: string;
}

/** The layer of a file, by its path relative to the repository root (forward slashes). */
export function layerOf(file: string): Layer | undefined {
	const parts = file.split('/');
	if (parts[0] === 'credentials') return { rank: 8, group: `credentials/${parts[1]}` };
	if (parts[0] !== 'nodes') return undefined;
	if (parts[1] !== 'shared')
		return parts.length > 2 ? { rank: 8, group: `nodes/${parts[1]}` } : undefined;
	switch (parts[2]) {
		case 'vendor':
			return { rank: 0, group: 'vendor' };
		case 'helpers':
			return { rank: 1, group: 'helpers' };
		case 'core':
			return { rank: 2, group: 'core' };
		case 'webhook-parsing':
			return { rank: 3, group: 'webhook-parsing' };
		case 'adapters':
			// adapters/common.ts is below every gateway folder; each gateway folder is its own group.
			return parts.length === 4
				? { rank: 4, group: 'adapters/common' }
				: { rank: 5, group: `adapters/${parts[3]}` };
		case 'registry':
			return { rank: 6, group: 'registry' };
		case 'send':
		case 'webhooks':
		case 'n8n':
			return { rank: 7, group: parts[2] };
		default:
			return undefined;
	}
}

/** Shared code that must not know any gateway: it sees adapters only through the registry. */
const GATEWAY_BLIND = new Set(['send', 'webhooks', 'n8n']);

export interface SourceFile {
	/** Relative to the repository root, forward slashes. */
	file: string;
	text: string;
}

export interface Violation {
	file: string;
	specifier: string;
	target: string;
	reason: string;
}

/** Relative specifiers of every import, export-from and require in a TypeScript file. */
export function relativeImports(text: string): string[] {
	const found: string[] = [];
	const pattern =
		/(?:\bfrom\s+|\bimport\s+|\brequire\(\s*|\bimport\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;
	for (const match of text.matchAll(pattern)) found.push(match[1]);
	return found;
}

/** The file a relative specifier names, among the known files (`x` → `x.ts` or `x/index.ts`). */
function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
	return [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => known.has(candidate));
}

/**
 * Every import that runs against the direction, that leaves the layers (an unknown folder), or that
 * names a file that does not exist. `transitional` files may break the rule only with re-exports.
 */
export function violations(
	files: readonly SourceFile[],
	transitional: ReadonlySet<string> = new Set(),
): Violation[] {
	const known = new Set(files.map((f) => f.file));
	const found: Violation[] = [];
	for (const { file, text } of files) {
		const own = layerOf(file);
		for (const specifier of relativeImports(text)) {
			const target = resolve(file, specifier, known);
			const report = (reason: string) =>
				found.push({ file, specifier, target: target ?? '?', reason });
			if (!own) {
				report(`${file} is in no layer: add its folder to the layers (CONTRIBUTING.md)`);
				continue;
			}
			if (!target) {
				// JSON and other non-TypeScript files (a node's codex, package.json) are data, not layers.
				if (!/\.[a-z]+$/.test(specifier) || specifier.endsWith('.ts'))
					report('the import names no file');
				continue;
			}
			const theirs = layerOf(target);
			if (!theirs) {
				report(`${target} is in no layer`);
				continue;
			}
			if (theirs.group === own.group) continue;
			if (GATEWAY_BLIND.has(own.group) && theirs.group.startsWith('adapters/')) {
				report(`${own.group} reaches the adapters only through registry/`);
				continue;
			}
			if (theirs.rank < own.rank) continue;
			if (transitional.has(file) && onlyReExports(text)) continue;
			report(
				theirs.rank === own.rank
					? `${own.group} and ${theirs.group} are peers and must not import each other`
					: `${own.group} (rank ${own.rank}) must not import ${theirs.group} (rank ${theirs.rank})`,
			);
		}
	}
	return found;
}

function onlyReExports(text: string): boolean {
	const code = text
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/\/\/.*$/gm, '')
		.trim();
	return code
		.split(';')
		.every((statement) => statement.trim() === '' || /^export\s/.test(statement.trim()));
}

/** Every `.ts` file under the given folders, relative to `root`. */
export function readSources(root: string, folders: readonly string[]): SourceFile[] {
	const files: SourceFile[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
			const rel = `${dir}/${entry.name}`;
			if (entry.isDirectory()) walk(rel);
			else if (entry.name.endsWith('.ts'))
				files.push({ file: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
		}
	};
	for (const folder of folders) walk(folder);
	return files;
}

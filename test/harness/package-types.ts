/**
 * The package's node and credential classes, found the way n8n finds them: through the `n8n`
 * section of package.json. Each `dist/…js` entry is mapped back to its TypeScript source so the
 * engine tier runs the code under test, not a stale build.
 */
import * as path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import * as pkg from '../../package.json';

export const PACKAGE_NAME = pkg.name;
const ROOT = path.join(__dirname, '..', '..');

function loadClass<T>(distPath: string): { name: string; instance: T } {
	const source = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	// The class is named after the file, as n8n's loader expects (`X.node.js` exports `X`).
	const className = path.basename(distPath).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(source) as Record<string, new () => T>;
	const Class = mod[className];
	if (!Class) throw new Error(`${source} does not export a class named ${className}`);
	return { name: className, instance: new Class() };
}

export function packageNodeTypes(): INodeType[] {
	return (pkg.n8n.nodes as string[]).map((p) => loadClass<INodeType>(p).instance);
}

export function packageCredentialTypes(): ICredentialType[] {
	return (pkg.n8n.credentials as string[]).map((p) => loadClass<ICredentialType>(p).instance);
}

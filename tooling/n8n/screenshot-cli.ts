/**
 * `tsx scripts/n8n/screenshot-cli.ts [workflow name part…]`: with `npm run dev` running, saves
 * docs/editor-<workflow>.png for each example workflow named (default: the bulk campaign and the
 * auto-reply), as headless Chromium shows them in the n8n editor.
 */
import * as path from 'node:path';

import { DEFAULT_DEV_N8N_PORT, DEV_OWNER } from './dev-settings';
import { screenshotWorkflow } from './editor-screenshot';
import { REPO_ROOT } from './paths';
import { N8nRestClient } from './rest-client';

const DEFAULT_WORKFLOWS = ['bulk campaign', 'auto-reply'];

async function main(): Promise<void> {
	const port = Number(process.env.DEV_N8N_PORT || DEFAULT_DEV_N8N_PORT);
	const n8nUrl = `http://127.0.0.1:${port}`;
	const client = new N8nRestClient(n8nUrl);
	await client.login(DEV_OWNER.email, DEV_OWNER.password);
	const workflows = await client.listWorkflows();
	const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_WORKFLOWS;
	for (const part of wanted) {
		const workflow = workflows.find((w) => w.name.toLowerCase().includes(part.toLowerCase()));
		if (!workflow) throw new Error(`No workflow whose name contains "${part}" (is npm run dev running?)`);
		const file = path.join(REPO_ROOT, 'docs', `editor-${part.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);
		const nodes = await screenshotWorkflow({ n8nUrl, authCookie: client.authCookie ?? '', workflowId: workflow.id, file });
		console.log(`${path.relative(REPO_ROOT, file)}: "${workflow.name}", ${nodes.length} nodes`);
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});

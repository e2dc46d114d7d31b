/**
 * `npm run docs:screenshots [workflow name part…]` (`tsx tooling/n8n/screenshot-cli.ts`): with
 * `npm run dev` running, saves docs/editor-<workflow>.png for each example workflow named
 * (default: the bulk campaign and the auto-reply), as headless Chromium shows them in the n8n
 * editor, and, without arguments, the README's docs/screenshot-bulk-campaign.png (1400×760).
 * The only command that writes screenshots into docs/: the e2e tests write theirs to temp folders.
 */
import * as path from 'node:path';

import { DEFAULT_DEV_N8N_PORT, DEV_OWNER } from './dev-settings';
import { screenshotWorkflow } from './editor-screenshot';
import { REPO_ROOT } from './paths';
import { N8nRestClient, type WorkflowSummary } from './rest-client';

const DEFAULT_WORKFLOWS = ['bulk campaign', 'auto-reply'];

/** The README's picture: the bulk campaign at the size the README lays out. */
const README_SCREENSHOT = {
	workflow: 'bulk campaign',
	file: 'screenshot-bulk-campaign.png',
	width: 1400,
	height: 760,
};

async function main(): Promise<void> {
	const port = Number(process.env.DEV_N8N_PORT || DEFAULT_DEV_N8N_PORT);
	const n8nUrl = `http://127.0.0.1:${port}`;
	const client = new N8nRestClient(n8nUrl);
	await client.login(DEV_OWNER.email, DEV_OWNER.password);
	const workflows = await client.listWorkflows();
	const named = process.argv.slice(2);
	const wanted = named.length > 0 ? named : DEFAULT_WORKFLOWS;
	const shots: Array<{ workflow: WorkflowSummary; file: string; width?: number; height?: number }> =
		wanted.map((part) => ({
			workflow: findWorkflow(workflows, part),
			file: `editor-${part.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`,
		}));
	if (named.length === 0) {
		shots.push({
			...README_SCREENSHOT,
			workflow: findWorkflow(workflows, README_SCREENSHOT.workflow),
		});
	}
	for (const shot of shots) {
		const file = path.join(REPO_ROOT, 'docs', shot.file);
		const nodes = await screenshotWorkflow({
			n8nUrl,
			authCookie: client.authCookie ?? '',
			workflowId: shot.workflow.id,
			file,
			width: shot.width,
			height: shot.height,
		});
		console.log(
			`${path.relative(REPO_ROOT, file)}: "${shot.workflow.name}", ${nodes.length} nodes`,
		);
	}
}

function findWorkflow(workflows: WorkflowSummary[], part: string): WorkflowSummary {
	const workflow = workflows.find((w) => w.name.toLowerCase().includes(part.toLowerCase()));
	if (!workflow)
		throw new Error(`No workflow whose name contains "${part}" (is npm run dev running?)`);
	return workflow;
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});

/**
 * `npm run docs:screenshots:panels [n8n version…]` (`tsx tooling/n8n/panel-screenshots-cli.ts`):
 * for each tested n8n (tooling/n8n/pinned.ts; default: all of them), starts that n8n with this
 * package installed and the simulator credentials stored, opens a workflow holding the nodes that
 * serve one gateway, and saves, into docs/screenshots/, the canvas (their subtitles) and each
 * node's parameter panel (what that version shows of the hidden Gateway parameter and of the
 * credential). Prints the text of each panel. Everything it starts it stops; it needs no
 * `npm run dev`. docs/n8n-behaviour.md ("One-gateway nodes in the editor") records what they show.
 * To compare another build of the package, PANELS_TARBALL names its packed tarball (default: this
 * checkout, built and packed) and PANELS_OUT_DIR where the pictures go (default docs/screenshots).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSimulator, type Simulator } from '../../simulator/index';
import { screenshotNodePanels, screenshotWorkflow } from './editor-screenshot';
import { ensureN8nInstalled } from './install-n8n';
import { installPackageIntoUserFolder } from './install-package';
import { startN8n, type N8nInstance } from './n8n-process';
import { ensurePackedPackage } from './pack-package';
import { REPO_ROOT } from './paths';
import { TESTED_N8N, testedN8n, type TestedN8n } from './pinned';
import {
	provisionSimulatorCredentials,
	type ProvisionedCredentials,
} from './provision-credentials';
import { N8nRestClient, type WorkflowNode } from './rest-client';
import { PACKAGE_NAME } from './workflows';

const OWNER = {
	email: 'panels@example.com',
	firstName: 'Panel',
	lastName: 'Shots',
	password: 'SmsGateways-panels1',
};
const OUT_DIR = process.env.PANELS_OUT_DIR || path.join(REPO_ROOT, 'docs', 'screenshots');

/** The nodes shown: name on the canvas, node type, credential key, the parameters a user starts with. */
const NODES = [
	{ name: 'Manage Sender Names', type: 'manageSenderNames', credential: 'smsBox', parameters: {} },
	{
		name: 'Change Scheduled SMS',
		type: 'changeScheduledSms',
		credential: 'smsBox',
		parameters: {},
	},
	{ name: 'DHIS2 SMS', type: 'dhis2SmsGateways', credential: 'dhis2', parameters: {} },
	{
		name: 'Premium SMS Subscriptions',
		type: 'premiumSubscriptions',
		credential: 'africasTalking',
		parameters: {},
	},
] as const;

const fileStem = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function workflowNodes(credentials: ProvisionedCredentials): WorkflowNode[] {
	return NODES.map((node, index) => {
		const stored = credentials[node.credential];
		return {
			id: randomUUID(),
			name: node.name,
			type: `${PACKAGE_NAME}.${node.type}`,
			typeVersion: 1,
			position: [index * 300, 0],
			parameters: { ...node.parameters },
			credentials: { [stored.type]: { id: stored.id, name: stored.name } },
		};
	});
}

async function shootVersion(tested: TestedN8n, tarball: string): Promise<void> {
	await ensureN8nInstalled(console.log, tested);
	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-gateways-panels-'));
	let simulator: Simulator | undefined;
	let n8n: N8nInstance | undefined;
	try {
		const userFolder = path.join(tempDir, 'n8n-user');
		installPackageIntoUserFolder(userFolder, tarball);
		simulator = await startSimulator({ port: 0, quiet: true });
		n8n = await startN8n({
			port: 0,
			userFolder,
			logFile: path.join(tempDir, 'n8n.log'),
			n8n: tested,
		});
		const client = new N8nRestClient(n8n.url);
		await client.ensureOwnerAndLogin(OWNER);
		const { credentials } = await provisionSimulatorCredentials(
			client,
			simulator.url,
			simulator.accounts,
		);
		const workflow = await client.createWorkflow({
			name: 'One-gateway nodes',
			nodes: workflowNodes(credentials),
			connections: {},
		});
		const editor = {
			n8nUrl: n8n.url,
			authCookie: client.authCookie ?? '',
			workflowId: workflow.id,
		};
		const suffix = `n8n-${tested.version}.png`;
		const canvasFile = path.join(OUT_DIR, `one-gateway-canvas-${suffix}`);
		await screenshotWorkflow({ ...editor, file: canvasFile, width: 1440, height: 420 });
		console.log(`n8n ${tested.version}: ${path.relative(REPO_ROOT, canvasFile)}`);
		const panels = await screenshotNodePanels(
			{ ...editor, width: 1280, height: 800 },
			NODES.map((node) => ({
				nodeName: node.name,
				file: path.join(OUT_DIR, `${fileStem(node.name)}-${suffix}`),
			})),
		);
		for (const panel of panels) {
			console.log(
				`n8n ${tested.version}: ${path.relative(REPO_ROOT, panel.file)}\n  ${panel.text.slice(0, 600)}`,
			);
		}
	} finally {
		await n8n?.stop();
		await simulator?.stop();
		fs.rmSync(tempDir, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	const versions = process.argv.slice(2);
	const tested = versions.length > 0 ? versions.map(testedN8n) : [...TESTED_N8N];
	const tarball = process.env.PANELS_TARBALL || ensurePackedPackage().tarball;
	for (const one of tested) await shootVersion(one, tarball);
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});

/**
 * The crash-safe campaign and its resume (examples/crash-safe-campaign.json,
 * examples/resume-campaign.json) as the e2e test and the crash bench run them: the example files
 * with their Campaign values, contact list and gateway replaced, edited the way a user would edit
 * them in the editor. One place, so the test and the bench run the same workflows as the files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './paths';
import type { WorkflowDefinition, WorkflowNode } from './rest-client';

export const CAMPAIGN_FILE = 'crash-safe-campaign.json';
export const RESUME_FILE = 'resume-campaign.json';

/** The data tables the two examples write and read. */
export const RECORD_TABLE = 'SMS campaign record';
export const REPORTS_TABLE = 'SMS delivery reports';

/** Gateways the crash harness runs: delivery reports (Africa's Talking, Gupshup) or DHIS2's outbound list. */
export type CrashGateway = 'africasTalking' | 'gupshup' | 'dhis2';

export interface CampaignVariant {
	campaign: string;
	message: string;
	chunkSize: number;
	contacts: Array<{ name: string; phone: string }>;
	gateway: CrashGateway;
	/** Credential per type, as n8n stored it. */
	credentials: Record<string, { id: string; name: string }>;
	/** The Delivery report trigger's secret (the placeholder otherwise). */
	secret?: string;
	/** Name of the stored workflow (the example's otherwise). */
	name?: string;
}

export type ExampleWorkflow = WorkflowDefinition & { active?: boolean; pinData?: unknown };

const CREDENTIAL_TYPE: Record<CrashGateway, string> = {
	africasTalking: 'africasTalkingApi',
	gupshup: 'gupshupApi',
	dhis2: 'dhis2Api',
};

export function readExampleWorkflow(file: string): ExampleWorkflow {
	return JSON.parse(
		fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'),
	) as ExampleWorkflow;
}

/** The Code node source of a contact list, in the examples' own form. */
export function contactListCode(contacts: CampaignVariant['contacts']): string {
	const lines = contacts.map(
		(c) => `\t{ json: { name: ${JSON.stringify(c.name)}, phone: ${JSON.stringify(c.phone)} } },`,
	);
	return `return [\n${lines.join('\n')}\n];`;
}

/** One example with the variant's values, ready for `createWorkflow`. */
export function campaignVariant(file: string, variant: CampaignVariant): ExampleWorkflow {
	const example = readExampleWorkflow(file);
	const nodes = example.nodes.map((node) => editNode(node, variant));
	const workflow: ExampleWorkflow = {
		...example,
		name: variant.name ?? example.name,
		nodes,
		active: false,
	};
	return variant.gateway === 'dhis2' ? withDhis2OutboundList(workflow, variant) : workflow;
}

function editNode(node: WorkflowNode, variant: CampaignVariant): WorkflowNode {
	const parameters = { ...node.parameters };
	if (node.name === 'Campaign') {
		const assignments = (
			parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }
		).assignments.map((a) => {
			const values: Record<string, unknown> = {
				campaign: variant.campaign,
				message: variant.message,
				chunkSize: variant.chunkSize,
				gatewayListsEverySend: variant.gateway === 'dhis2',
			};
			return a.name in values ? { ...a, value: values[a.name] } : a;
		});
		parameters.assignments = { assignments };
	}
	if (node.name === 'Contact list') parameters.jsCode = contactListCode(variant.contacts);
	if (node.name === 'Delivery report' && variant.secret !== undefined)
		parameters.secretToken = variant.secret;
	if (node.name === 'Delivery report' && variant.gateway !== 'dhis2')
		parameters.gateway = variant.gateway;
	if (node.type.endsWith('.sendSms')) {
		parameters.gateway = variant.gateway;
		const type = CREDENTIAL_TYPE[variant.gateway];
		return { ...node, parameters, credentials: { [type]: variant.credentials[type] } };
	}
	return { ...node, parameters };
}

/**
 * DHIS2 posts no delivery reports: its record of what it sent is its outbound SMS list. The resume's
 * Gateway records becomes the DHIS2 SMS node (Outbound SMS, Get Many, every page, the campaign's
 * text), exactly as the resume's sticky note tells DHIS2 users to do.
 */
function withDhis2OutboundList(
	workflow: ExampleWorkflow,
	variant: CampaignVariant,
): ExampleWorkflow {
	const nodes = workflow.nodes.map((node) =>
		node.name !== 'Gateway records'
			? node
			: {
					...node,
					type: 'n8n-nodes-sms-gateways.dhis2SmsGateways',
					typeVersion: 1,
					parameters: {
						gateway: 'dhis2',
						resource: 'outboundSms',
						operation: 'getAll',
						returnAll: true,
						filters: { messageContains: variant.message },
					},
					credentials: { dhis2Api: variant.credentials.dhis2Api },
				},
	);
	return { ...workflow, nodes };
}

/** The node named `name` of a workflow. */
export function nodeOf(workflow: { nodes: WorkflowNode[] }, name: string): WorkflowNode {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`no node "${name}"`);
	return node;
}

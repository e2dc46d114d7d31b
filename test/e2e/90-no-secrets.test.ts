/**
 * No credential secret reaches n8n's logs (its output captured at debug level, its event log) or any stored execution
 * (`GET /rest/executions/<id>`, with its data), neither for successful sends nor for sends
 * refused because of a wrong secret (where an error could carry the request and its headers).
 * Runs last (see sequencer.js) so it also covers the executions of the files before it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type {
	CredentialSummary,
	ExecutionDetails,
	N8nRestClient,
} from '../../tooling/n8n/rest-client';
import {
	simulatorSecrets,
	type SimulatorAccountsForCredentials,
} from '../../tooling/n8n/simulator-credentials';
import { loadE2eContext, ownerClient, type E2eContext } from './support/context';
import { finishedExecutions } from '../../tooling/n8n/executions';
import { GATEWAY_SENDS, sendThroughWorkflow } from './support/send-sms';
import { SimControl } from '../../tooling/n8n/sim-control';
import { PACKAGE_NAME, uniqueTag } from '../../tooling/n8n/workflows';
import { WRONG_SECRET, wrongCredential } from './support/wrong-credentials';

/** Each secret as it is typed, and as HTTP Basic sends it (base64 of user:secret). */
function secretForms(accounts: SimulatorAccountsForCredentials): string[] {
	const basic = (user: string, password: string) =>
		Buffer.from(`${user}:${password}`).toString('base64');
	return [
		...simulatorSecrets(accounts),
		...Object.values(WRONG_SECRET).map((w) => w.value),
		basic(accounts.smsBox.apiKey, accounts.smsBox.apiSecret),
		basic(accounts.dhis2.username, accounts.dhis2.password),
	];
}

function leaksIn(text: string, secrets: string[]): string[] {
	return secrets.filter((secret) => text.includes(secret));
}

describe('secrets stay secret in the real n8n', () => {
	let context: E2eContext;
	let client: N8nRestClient;
	let secrets: string[];
	const workflowIds: string[] = [];
	const createdCredentials: CredentialSummary[] = [];

	beforeAll(async () => {
		context = loadE2eContext();
		client = ownerClient(context);
		const accounts = await new SimControl(context.simulatorUrl).accounts();
		secrets = secretForms(accounts);
		expect(secrets).toEqual(
			expect.arrayContaining(['at-sim-key', 'gs-sim-key', 'sb-sim-secret', 'district']),
		);
		expect(accounts.dhis2.personalAccessToken.length).toBeGreaterThan(10);

		// One accepted and one refused send per gateway, so there are executions with each secret in play.
		for (const spec of GATEWAY_SENDS) {
			const accepted = await sendThroughWorkflow(
				client,
				spec,
				context.credentials[spec.credentialKey],
			);
			const wrong = await client.createCredential(
				wrongCredential(
					context.simulatorUrl,
					accounts,
					spec.credentialKey,
					`Leak check ${uniqueTag()}`,
				),
			);
			createdCredentials.push(wrong);
			const refused = await sendThroughWorkflow(client, spec, wrong);
			workflowIds.push(accepted.workflowId, refused.workflowId);
			expect({ gateway: spec.gateway, status: accepted.reply.status }).toEqual({
				gateway: spec.gateway,
				status: 200,
			});
			expect({ gateway: spec.gateway, status: refused.reply.status }).toEqual({
				gateway: spec.gateway,
				status: 500,
			});
		}
		for (const id of workflowIds) await finishedExecutions(client, id, 1);
	});

	afterAll(async () => {
		for (const id of workflowIds) await client.deactivateWorkflow(id);
		for (const credential of createdCredentials) await client.deleteCredential(credential.id);
	});

	it('keeps every secret out of every stored execution, including failed ones', async () => {
		const executions = await client.listAllExecutions();
		const statuses = new Set<string>();
		let withPackageNode = 0;
		for (const summary of executions) {
			const execution = (await client.getExecution(summary.id)) as ExecutionDetails | undefined;
			const stored = JSON.stringify(execution ?? null);
			// n8n must still have every execution it lists (a listed id without data fails here, by name).
			expect({
				execution: summary.id,
				status: summary.status,
				found: execution !== undefined,
				leaks: leaksIn(stored, secrets),
			}).toEqual({
				execution: summary.id,
				status: summary.status,
				found: true,
				leaks: [],
			});
			if (!execution) continue;
			if (stored.includes(`${PACKAGE_NAME}.`)) withPackageNode += 1;
			statuses.add(execution.status);
		}
		// Not vacuous: the sends above are in there, accepted and refused.
		expect(withPackageNode).toBeGreaterThanOrEqual(GATEWAY_SENDS.length * 2);
		expect([...statuses]).toEqual(expect.arrayContaining(['success', 'error']));
	});

	it("keeps every secret out of n8n's logs (stdout and stderr of every n8n process, at debug level)", () => {
		for (const process of context.processes) {
			const log = fs.readFileSync(process.logFile, 'utf8');
			// Not vacuous: debug lines were written, including the executions above.
			expect({ process: process.name, debug: log.includes('debug') }).toEqual({
				process: process.name,
				debug: true,
			});
			expect(leaksIn(log, secrets)).toEqual([]);
		}
		expect(fs.readFileSync(context.n8nLogFile, 'utf8').length).toBeGreaterThan(10000);
	});

	it("keeps every secret out of n8n's event logs in every process's user folder", () => {
		let eventLogCount = 0;
		for (const process of context.processes) {
			const folder = path.join(process.userFolder, '.n8n');
			const eventLogs = fs.readdirSync(folder).filter((file) => /^n8nEventLog.*\.log$/.test(file));
			eventLogCount += eventLogs.length;
			for (const file of eventLogs) {
				const text = fs.readFileSync(path.join(folder, file), 'utf8');
				expect({ process: process.name, file, leaks: leaksIn(text, secrets) }).toEqual({
					process: process.name,
					file,
					leaks: [],
				});
			}
		}
		expect(eventLogCount).toBeGreaterThan(0);
	});
});

/**
 * examples/inbound-to-dhis2.json in a real n8n: the simulator's Africa's Talking posts incoming SMS
 * to the activated trigger, and the DHIS2 SMS node pushes each into the simulator's DHIS2, which
 * stores it once with its sender, text, gateway ID and received time. A sender DHIS2 does not know
 * is refused in DHIS2's own words, and the execution fails without storing anything.
 */
import axios from 'axios';

import { finishedExecutions } from '../../../tooling/n8n/executions';
import { uniqueNumber, uniqueTag } from '../../../tooling/n8n/workflows';
import { ActiveExample } from './support/active-example';

const SHORT_CODE = '12345';

interface StoredInbound {
	id: string;
	originator: string;
	text: string;
	gatewayId: string;
	receivedDate: string | null;
}

describe("example: incoming SMS into DHIS2 (Africa's Talking → DHIS2)", () => {
	let example: ActiveExample;
	const registered = uniqueNumber('+254722', 6);
	const stranger = uniqueNumber('+254733', 6);
	const texts = [`VISIT ${uniqueTag()} 12`, `VISIT ${uniqueTag()} 13`];

	async function storedBy(originator: string): Promise<StoredInbound[]> {
		const accounts = await example.sim.accounts();
		const response = await axios.get(`${example.context.simulatorUrl}/dhis2/api/sms/inbound`, {
			params: { fields: '*', paging: 'false', filter: `originator:eq:${originator}` },
			auth: { username: accounts.dhis2.username, password: accounts.dhis2.password },
			timeout: 10000,
		});
		return (response.data as { inboundsmss: StoredInbound[] }).inboundsmss;
	}

	beforeAll(async () => {
		example = await ActiveExample.activate('inbound-to-dhis2.json', 'Incoming SMS', {
			gateway: 'africasTalking',
			kind: 'inbound',
		});
		const { context, client, sim, workflow } = example;
		// DHIS2 takes SMS only from its users' numbers: one sender is a user, the other is not.
		const config = (await axios.get(`${context.simulatorUrl}/sim/config`, { timeout: 10000 }))
			.data as { dhis2RegisteredNumbers: string[] };
		await axios.post(
			`${context.simulatorUrl}/sim/config`,
			{ dhis2RegisteredNumbers: [...config.dhis2RegisteredNumbers, registered] },
			{ timeout: 10000 },
		);
		for (const text of texts)
			await sim.inbound({ gateway: 'africasTalking', from: registered, to: SHORT_CODE, text });
		await sim.inbound({
			gateway: 'africasTalking',
			from: stranger,
			to: SHORT_CODE,
			text: 'VISIT 1 1',
		});
		await finishedExecutions(client, workflow.id, 3);
	});

	afterAll(async () => {
		await example?.deactivate();
	});

	it("stores each SMS of a DHIS2 user once, with sender, text, the short code's gateway ID and the received time", async () => {
		const stored = await storedBy(registered);
		// The two callbacks start two executions that n8n runs concurrently: the order DHIS2 stores
		// them in is not part of the contract, each being stored once is.
		const byText = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text);
		expect(stored.map((s) => ({ text: s.text, gatewayId: s.gatewayId })).sort(byText)).toEqual(
			texts.map((text) => ({ text, gatewayId: `africastalking-${SHORT_CODE}` })).sort(byText),
		);
		for (const s of stored)
			expect(Date.parse(`${String(s.receivedDate).replace(/Z?$/, 'Z')}`)).not.toBeNaN();
	});

	it("stores nothing from a number DHIS2 does not know, and the execution fails with DHIS2's message", async () => {
		expect(await storedBy(stranger)).toEqual([]);
		const executions = await example.client.listExecutions({ workflowId: example.workflow.id });
		expect(executions.map((e) => e.status).sort()).toEqual(['error', 'success', 'success']);
	});
});

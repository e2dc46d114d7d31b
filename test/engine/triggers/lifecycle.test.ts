import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { setupNotice } from '../../../nodes/shared/webhooks/notices';
import { AT } from '../../fixtures/seed-payloads';
import {
	atEachVersion,
	describeEachVersion,
	formCall,
	triggerAt,
	TRIGGERS,
	VERSIONS,
} from './triggers';
import type { TriggerKind } from './triggers';

const ROOT = path.join(__dirname, '..', '..', '..');

const EXPECTED: Record<
	TriggerKind,
	{ name: string; folder: string; gateways: string[]; path: string }
> = {
	inbound: {
		name: 'inboundSmsTrigger',
		folder: 'InboundSms',
		gateways: ['africasTalking', 'dhis2', 'gupshup', 'httpGateway', 'smsBox'],
		path: 'inbound',
	},
	deliveryReport: {
		name: 'smsDeliveryReportTrigger',
		folder: 'SmsDeliveryReport',
		gateways: ['africasTalking', 'gupshup', 'httpGateway'],
		path: 'delivery-report',
	},
	optOut: {
		name: 'smsOptOutTrigger',
		folder: 'SmsOptOut',
		gateways: ['africasTalking', 'dhis2', 'gupshup', 'httpGateway', 'smsBox'],
		path: 'opt-out',
	},
};

const kinds = Object.keys(TRIGGERS) as TriggerKind[];

const SAMPLE: Record<TriggerKind, string> = {
	inbound: AT.twoWay,
	deliveryReport: AT.deliveryReport,
	optOut: AT.optOut,
};

function property(node: INodeType, name: string): INodeProperties[] {
	return node.description.properties.filter((p) => p.name === name);
}

describe.each(kinds)('%s trigger', (kind) => {
	const node = TRIGGERS[kind]();

	it('is at versions 1 and 2, new nodes at 2, with the same parameters at both', () => {
		expect(node.description.version).toEqual([1, 2]);
		expect(node.description.defaultVersion).toBe(2);
		expect(VERSIONS).toEqual([1, 2]);
		// Light versioning: one description serves both versions, and nothing in it is shown or
		// hidden by version, so a workflow moved from 1 to 2 keeps every setting.
		expect(JSON.stringify(node.description.properties)).not.toContain('@version');
	});
});

describe.each(atEachVersion(kinds))('%s trigger, typeVersion %i', (kind, typeVersion) => {
	const node = TRIGGERS[kind]();
	const expected = EXPECTED[kind];
	const trigger = triggerAt(typeVersion);

	it('follows n8n trigger conventions', () => {
		const { description } = node;
		expect(description.name).toBe(expected.name);
		expect(description.displayName).toContain('Trigger');
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description.group).toEqual(['trigger']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.icon).toEqual({
			light: 'file:../../icons/sms-trigger.svg',
			dark: 'file:../../icons/sms-trigger.dark.svg',
		});
		expect(description.webhooks).toHaveLength(1);
		// Its string-keyed fields; the path's native resolver is checked in webhook-path.test.ts.
		expect(Object.fromEntries(Object.entries(description.webhooks![0]))).toEqual({
			name: 'default',
			httpMethod: 'POST',
			responseMode: 'onReceived',
			path: expect.any(String),
		});
		expect(node.constructor.name).toBe(
			`${expected.name[0].toUpperCase()}${expected.name.slice(1)}`,
		);
	});

	it('ships its codex file and an output schema listing exactly the fields it emits', async () => {
		const dir = path.join(ROOT, 'nodes', expected.folder);
		const codex = JSON.parse(
			fs.readFileSync(path.join(dir, `${node.constructor.name}.node.json`), 'utf8'),
		);
		expect(codex).toMatchObject({
			node: `n8n-nodes-sms-gateways.${expected.name}`,
			categories: ['Communication'],
		});
		expect(codex.alias).toContain('SMS');
		// n8n's editor asks for the schema of the node's version: __schema__/v<version>.0.0.json.
		const schema = JSON.parse(
			fs.readFileSync(path.join(dir, '__schema__', `v${typeVersion}.0.0.json`), 'utf8'),
		);
		expect(schema.type).toBe('object');
		const emitted = await trigger(kind, { gateway: 'africasTalking' }).call(formCall(SAMPLE[kind]));
		// The schema lists every gateway's fields; those another gateway alone emits say so.
		const keys = Object.keys(emitted.items[0]);
		const schemaKeys = Object.keys(schema.properties);
		expect(schemaKeys.filter((k) => keys.includes(k))).toEqual(keys);
		for (const extra of schemaKeys.filter((k) => !keys.includes(k))) {
			expect(schema.properties[extra].description).toMatch(/^(Gupshup|SMSBox|DHIS2) only: /);
		}
		expect(schema.properties.eventType.enum).toEqual([kind]);
	});

	it('offers the gateways that produce its events, each with a setup notice', () => {
		const [gateway] = property(node, 'gateway');
		expect(gateway.options?.map((o) => (o as { value: string }).value).sort()).toEqual(
			expected.gateways,
		);
		for (const id of expected.gateways) {
			const [notice] = property(node, `setupNotice_${id}`);
			expect(notice).toMatchObject({ type: 'notice', displayOptions: { show: { gateway: [id] } } });
			expect(notice.displayName).toBe(
				setupNotice(kind === 'deliveryReport' ? 'deliveryReport' : kind, id as never),
			);
			expect(notice.displayName).toMatch(/Production URL/);
		}
	});

	it('has authentication on by default and warns when it is turned off', () => {
		for (const auth of property(node, 'authentication')) {
			expect(['token', 'basicAuth']).toContain(auth.default);
			expect(auth.options?.map((o) => (o as { value: string }).value)).toContain('none');
		}
		const [warning] = property(node, 'noAuthenticationWarning');
		expect(warning).toMatchObject({
			type: 'notice',
			displayOptions: { show: { authentication: ['none'] } },
		});
		const [secret] = property(node, 'secretToken');
		expect(secret.typeOptions?.password).toBe(true);
	});

	it.each(['checkExists', 'create', 'delete'] as const)(
		'%s returns true through n8n-core HookContext',
		async (method) => {
			const under = trigger(kind, { gateway: 'africasTalking' });
			await expect(under.lifecycle(method, 'activate')).resolves.toBe(true);
			await expect(under.lifecycle(method, 'manual')).resolves.toBe(true);
		},
	);

	it('shows a Production URL ending in its path', () => {
		const under = trigger(kind, { gateway: 'africasTalking' });
		expect(under.productionUrl()).toBe(
			`http://127.0.0.1:5678/webhook/hook-under-test/${expected.path}`,
		);
	});
});

describeEachVersion('DHIS2-format inbound URL', (trigger) => {
	it.each(['inbound', 'optOut'] as const)(
		'%s ends in /api/sms/inbound so apps can append it to a server URL',
		(kind) => {
			expect(trigger(kind, { gateway: 'dhis2' }).productionUrl()).toBe(
				'http://127.0.0.1:5678/webhook/hook-under-test/api/sms/inbound',
			);
		},
	);
});

const CUSTOM_GATEWAY_CREDENTIAL = {
	name: 'httpSmsGatewayApi',
	required: true,
	displayOptions: { show: { gateway: ['httpGateway'] } },
};

describe('trigger credentials', () => {
	it('asks for the SMSBox API key only when SMSBox API Key authentication is chosen, and for the Custom HTTP Gateway profile only for that gateway', () => {
		for (const kind of ['inbound', 'optOut'] as const) {
			expect(TRIGGERS[kind]().description.credentials).toEqual([
				{
					name: 'smsBoxApi',
					required: true,
					displayOptions: { show: { gateway: ['smsBox'], authentication: ['accountKey'] } },
				},
				CUSTOM_GATEWAY_CREDENTIAL,
			]);
		}
		expect(TRIGGERS.deliveryReport().description.credentials).toEqual([CUSTOM_GATEWAY_CREDENTIAL]);
	});
});

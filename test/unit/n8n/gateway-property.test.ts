/**
 * The Gateway parameter and credential list every action node takes from the registry: a hidden,
 * fixed parameter and an always-shown credential while one gateway has the node's capability, a
 * dropdown with one credential per gateway when several do, and the dropdown again, without
 * editing the node, as soon as the registry gains a second gateway for that capability.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import type { GatewayAdapter } from '../../../nodes/shared/core/adapter';
import { gatewayCredentials, gatewayProperty } from '../../../nodes/shared/n8n/gateway-property';
import { ADAPTERS, gatewaysWith } from '../../../nodes/shared/registry/registry';

const gatewayOf = (description: INodeTypeDescription) =>
	description.properties.find((p) => p.name === 'gateway');

describe('the Gateway parameter of a node whose capability one gateway has', () => {
	it.each([
		['senderNames', 'smsBox', 'smsBoxApi'],
		['scheduledChanges', 'smsBox', 'smsBoxApi'],
		['gatewayAdmin', 'dhis2', 'dhis2Api'],
		['premiumSubscriptions', 'africasTalking', 'africasTalkingApi'],
	] as const)(
		'%s: hidden and fixed to %s; its credential always shown',
		(capability, id, credential) => {
			expect(gatewayProperty(capability, id)).toEqual({
				displayName: 'Gateway',
				name: 'gateway',
				type: 'hidden',
				default: id,
			});
			expect(gatewayCredentials(capability)).toEqual([{ name: credential, required: true }]);
		},
	);
});

describe('the Gateway parameter of a node whose capability several gateways have', () => {
	it('is a dropdown of those gateways, each credential shown for its own gateway', () => {
		const ids = gatewaysWith('balance').map((a) => a.id);
		expect(ids.length).toBeGreaterThan(1);
		const property = gatewayProperty('balance', 'africasTalking');
		expect(property).toMatchObject({
			type: 'options',
			default: 'africasTalking',
			noDataExpression: true,
		});
		expect((property.options ?? []).map((o) => (o as { value: string }).value).sort()).toEqual(
			[...ids].sort(),
		);
		expect(gatewayCredentials('balance')).toEqual(
			gatewaysWith('balance').map((a) => ({
				name: a.credentialType,
				required: true,
				displayOptions: { show: { gateway: [a.id] } },
			})),
		);
	});
});

describe('a node whose capability gains a second gateway', () => {
	it('shows the Gateway dropdown and one credential per gateway again, by itself', () => {
		const smsBox = ADAPTERS.find((a) => a.id === 'smsBox')!;
		const second = {
			...smsBox,
			id: 'secondGateway',
			displayName: 'Second Gateway',
			credentialType: 'secondGatewayApi',
		};
		let description: INodeTypeDescription | undefined;
		jest.isolateModules(() => {
			jest.doMock('../../../nodes/shared/registry/registry', () => {
				const actual = jest.requireActual('../../../nodes/shared/registry/registry');
				const adapters = [...actual.ADAPTERS, second] as GatewayAdapter[];
				return {
					...actual,
					ADAPTERS: adapters,
					gatewaysWith: (capability: string) =>
						adapters.filter((a) => actual.capabilitiesOf(a).includes(capability)),
				};
			});
			const {
				ManageSenderNames,
			} = require('../../../nodes/ManageSenderNames/ManageSenderNames.node');
			description = new ManageSenderNames().description as INodeTypeDescription;
		});
		expect(gatewayOf(description!)).toMatchObject({
			type: 'options',
			default: 'smsBox',
			options: [
				{ name: 'Second Gateway', value: 'secondGateway' },
				{ name: 'SMSBox', value: 'smsBox' },
			],
		});
		expect(description!.credentials).toEqual([
			{ name: 'smsBoxApi', required: true, displayOptions: { show: { gateway: ['smsBox'] } } },
			{
				name: 'secondGatewayApi',
				required: true,
				displayOptions: { show: { gateway: ['secondGateway'] } },
			},
		]);
	});
});

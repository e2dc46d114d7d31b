/**
 * The triggers' webhook descriptions cost n8n no expression per callback: every field is a plain
 * value except the path of the Inbound and Opt-Out triggers, which depends on the gateway and
 * carries a native resolver. n8n's own resolver lookup (n8n-workflow
 * `resolveWebhookDescriptionField`, what live-webhooks.ts runs per callback) must use it, and it
 * must give exactly what n8n's expression engine gives for the template, for every parameter set.
 */
import type { INodeParameters, IWebhookDescription } from 'n8n-workflow';
import { resolveWebhookDescriptionField } from 'n8n-workflow';

import { atEachVersion, triggerAt, TRIGGERS } from './triggers';
import type { TriggerKind } from './triggers';

const kinds = Object.keys(TRIGGERS) as TriggerKind[];

/** Gateway values a stored workflow may hold, valid or not. */
const GATEWAY_VALUES: unknown[] = [
	'africasTalking',
	'gupshup',
	'smsBox',
	'dhis2',
	'DHIS2',
	'dhis',
	'',
	undefined,
];

describe.each(atEachVersion(kinds))('%s trigger webhook, typeVersion %i', (kind, typeVersion) => {
	const trigger = triggerAt(typeVersion);
	const description = TRIGGERS[kind]().description.webhooks![0] as IWebhookDescription;

	it('holds no expression in any field but a natively resolved path', () => {
		for (const [field, value] of Object.entries(description)) {
			if (field === 'path' && kind !== 'deliveryReport') continue;
			expect({ field, value: typeof value === 'string' && value.startsWith('=') }).toEqual({
				field,
				value: false,
			});
		}
	});

	it.each(GATEWAY_VALUES.map((gateway) => [String(gateway), gateway]))(
		'gateway %s: the native path equals what the expression engine makes of the template',
		(_label, gateway) => {
			const parameters: INodeParameters =
				gateway === undefined ? {} : { gateway: gateway as string };
			const under = trigger(kind, parameters);
			// The engine's value, computed by the harness through workflow.expression.
			const engine = under.path;
			const node = under.workflow.nodes[under.node.name];
			const native = resolveWebhookDescriptionField(node, description, 'path');
			if (kind === 'deliveryReport') {
				expect(native).toEqual({ resolved: false });
				expect(engine).toBe('delivery-report');
				return;
			}
			expect(native).toEqual({ resolved: true, value: engine });
		},
	);

	it('leaves the path to the engine when a parameter holds an expression', () => {
		const under = trigger(kind, { gateway: 'dhis2', secretToken: '={{ "s3cret" }}' });
		const node = under.workflow.nodes[under.node.name];
		expect(resolveWebhookDescriptionField(node, description, 'path')).toEqual({ resolved: false });
		expect(under.path).toBe(kind === 'deliveryReport' ? 'delivery-report' : 'api/sms/inbound');
	});
});

/**
 * Every node's subtitle names the chosen gateway from the registry: the node's Gateway options and
 * the names its subtitle can show are the same list, so a gateway added to the registry is named
 * on the canvas without editing the node.
 */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { ChangeScheduledSms } from '../../../nodes/ChangeScheduledSms/ChangeScheduledSms.node';
import { CheckSmsBalance } from '../../../nodes/CheckSmsBalance/CheckSmsBalance.node';
import { InboundSmsTrigger } from '../../../nodes/InboundSms/InboundSmsTrigger.node';
import { ManageSenderNames } from '../../../nodes/ManageSenderNames/ManageSenderNames.node';
import { SendSms } from '../../../nodes/SendSms/SendSms.node';
import { SmsDeliveryReportTrigger } from '../../../nodes/SmsDeliveryReport/SmsDeliveryReportTrigger.node';
import { SmsOptOutTrigger } from '../../../nodes/SmsOptOut/SmsOptOutTrigger.node';
import { ADAPTERS, gatewaysWith } from '../../../nodes/shared/registry/registry';

function gatewayOptions(description: INodeTypeDescription): INodePropertyOptions[] {
	const property = description.properties.find((p: INodeProperties) => p.name === 'gateway');
	return (property?.options ?? []) as INodePropertyOptions[];
}

/** The `{"id":"Name",…}` map inside a `"<prefix> " + {…}[$parameter["gateway"]]` subtitle. */
function subtitleNames(subtitle: string): Record<string, string> {
	const match = /\+ (\{.*\})\[\$parameter\["gateway"\]\]/.exec(subtitle);
	if (!match) throw new Error(`no gateway map in ${subtitle}`);
	return JSON.parse(match[1]) as Record<string, string>;
}

describe('node subtitles name the gateway from the registry', () => {
	it.each([
		['Send SMS', new SendSms().description, 'via'],
		['Check SMS Balance', new CheckSmsBalance().description, 'Balance via'],
	])('%s: one name per Gateway option', (_name, description, prefix) => {
		const subtitle = description.subtitle as string;
		expect(subtitle.startsWith(`={{"${prefix} " + `)).toBe(true);
		const names = subtitleNames(subtitle);
		const options = gatewayOptions(description);
		expect(options.length).toBeGreaterThan(1);
		expect(Object.fromEntries(options.map((o) => [o.value, o.name]))).toEqual(names);
		expect(Object.keys(names)).toEqual(ADAPTERS.map((a) => a.id).filter((id) => id in names));
	});

	it.each([
		['Inbound SMS Trigger', new InboundSmsTrigger().description],
		['SMS Delivery Report Trigger', new SmsDeliveryReportTrigger().description],
		['SMS Opt-Out Trigger', new SmsOptOutTrigger().description],
	])('%s: names every gateway it offers', (_name, description) => {
		const names = subtitleNames(description.subtitle as string);
		for (const option of gatewayOptions(description))
			expect(names[option.value as string]).toBe(option.name);
	});

	it.each([
		['Manage Sender Names', new ManageSenderNames().description, 'senderNames'],
		['Change Scheduled SMS', new ChangeScheduledSms().description, 'scheduledChanges'],
	] as const)(
		'%s: names its one gateway, whose Gateway parameter is hidden',
		(_name, description, capability) => {
			const [only, ...others] = gatewaysWith(capability);
			expect(others).toEqual([]);
			expect(description.properties.find((p) => p.name === 'gateway')).toMatchObject({
				type: 'hidden',
				default: only.id,
			});
			expect(description.subtitle).toContain(`(${only.displayName})`);
		},
	);
});

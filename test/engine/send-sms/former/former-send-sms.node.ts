/**
 * The Send SMS node running the former implementation (former/*.ts), under its own type name, so
 * the output differential test can run it beside the current node in the same engine.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { SendSms } from '../../../../nodes/SendSms/SendSms.node';
import { sendSms } from './send-sms-execute';

export class FormerSendSms implements INodeType {
	description: INodeTypeDescription = {
		...new SendSms().description,
		name: 'formerSendSms',
		displayName: 'Former Send SMS',
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendSms.call(this);
	}
}

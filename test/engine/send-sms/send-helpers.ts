import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { OnError } from '../../harness/engine';
import { runNode } from '../../harness/engine';
import type { SimFixture } from '../simulator-fixture';

export interface SendCall {
	gateway: 'africasTalking' | 'gupshup' | 'smsBox' | 'dhis2';
	to?: string;
	message?: string;
	from?: string;
	recipientName?: string;
	options?: IDataObject;
	items?: IDataObject[];
	onError?: OnError;
	credentials?: SimFixture['credentials'];
}

/** Runs the Send SMS node inside the engine against the fixture's simulator. */
export async function send(fixture: SimFixture, call: SendCall) {
	const parameters: INodeParameters = {
		gateway: call.gateway,
		to: call.to ?? '={{ $json.phone }}',
		message: call.message ?? '={{ $json.text }}',
		from: call.from ?? '',
		recipientName: call.recipientName ?? '',
		options: (call.options ?? {}) as INodeParameters,
	};
	return await runNode({
		type: 'sendSms',
		parameters,
		credentials: call.credentials ?? fixture.credentials,
		items: call.items ?? [{}],
		onError: call.onError,
	});
}

export const statuses = (json: IDataObject[]) => json.map((j) => j.status);

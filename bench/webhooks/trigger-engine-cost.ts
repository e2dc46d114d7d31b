/**
 * The trigger's own `webhook()` cost, outside n8n's webhook plumbing: the SMS Delivery Report
 * Trigger run through n8n-core's real WebhookContext (the engine tier's harness), in this process,
 * on the same callbacks the load generator sends. Compared with n8n's CPU per callback, it shows
 * how much of that is the trigger itself.
 */
import { triggerUnderTest } from '../../test/harness/webhook';
import { packageNodeTypes } from '../../test/harness/package-types';
import { callbackPayload, type PayloadKind } from './payloads';

export interface TriggerEngineCost {
	payload: PayloadKind;
	calls: number;
	cpuMsPerCall: number;
	answeredOk: number;
	started: number;
}

const SECRET = 'bench-engine-secret';

export async function measureTriggerEngineCost(payload: PayloadKind, calls: number): Promise<TriggerEngineCost> {
	const nodeClass = packageNodeTypes().find((n) => n.description.name === 'smsDeliveryReportTrigger');
	if (!nodeClass) throw new Error('the package has no smsDeliveryReportTrigger');
	const trigger = triggerUnderTest({
		nodeClass,
		parameters: { gateway: payload, authentication: 'token', secretToken: SECRET, statusFilter: 'all', options: {} },
	});
	const call = (index: number) => {
		const { body, contentType } = callbackPayload(payload, index, 'engine');
		return trigger.call({ contentType, body, query: { token: SECRET } });
	};
	for (let i = 0; i < 200; i++) await call(i);
	let answeredOk = 0;
	let started = 0;
	const before = process.cpuUsage();
	for (let i = 0; i < calls; i++) {
		const result = await call(i);
		if (result.status >= 200 && result.status < 300) answeredOk++;
		if (result.started) started++;
	}
	const cpu = process.cpuUsage(before);
	return { payload, calls, cpuMsPerCall: Number(((cpu.user + cpu.system) / 1000 / calls).toFixed(3)), answeredOk, started };
}

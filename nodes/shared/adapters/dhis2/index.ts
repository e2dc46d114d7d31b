import type { GatewayAdapter } from '../../core/adapter';
import { dhis2GatewayAdmin } from './gateways';
import { dhis2InboundPolling } from './polling';
import { dhis2Send } from './send';
import { dhis2Webhooks } from './webhooks';

/** DHIS2 has no balance: its SMS gateway's account holds the credit. */
export const dhis2: GatewayAdapter = {
	id: 'dhis2',
	displayName: 'DHIS2',
	credentialType: 'dhis2Api',
	// A self-hosted server, not a bulk SMS service: each request holds one of its threads while it
	// forwards the recipients, 200 at a time and one slice after another, to its own SMS gateway
	// (SmsMessageSender). It is often the same server people enter health data on, so the default
	// stays at 10.
	defaultSendConcurrency: 10,
	send: dhis2Send,
	gatewayAdmin: dhis2GatewayAdmin,
	webhooks: dhis2Webhooks,
	inboundPolling: dhis2InboundPolling,
};

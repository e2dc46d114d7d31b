/** DHIS2's own tables: gateways, OutboundSms and IncomingSms rows. */
import type { Prng } from '../../core/prng';
import { GatewayStore } from './gateway-store';

export interface OutboundSmsRow {
	id: string;
	message: string | null;
	recipients: string[];
	status: 'SENT' | 'FAILED';
	date: string;
	created: string;
	lastUpdated: string;
}

export interface IncomingSmsRow {
	id: string;
	text: string;
	originator: string;
	gatewayId: string;
	receivedDate: string | null;
	sentDate: string | null;
	smsEncoding: string;
	smsStatus: string;
	created: string;
}

/** The configured gateway the simulator's DHIS2 starts with, so sending works out of the box. */
export const DEFAULT_GATEWAY = {
	type: 'http' as const,
	name: 'Simulator generic gateway',
	urlTemplate: 'http://127.0.0.1/sms/send',
	configurationTemplate: 'to=${recipients}&text=${text}',
	contentType: 'FORM_URL_ENCODED',
	useGet: false,
	sendUrlParameters: false,
	parameters: [
		{ key: 'token', value: 'sim-gateway-token', header: false, encode: false, confidential: true },
	],
};

export class Dhis2State {
	readonly gateways: GatewayStore;
	outbound: OutboundSmsRow[] = [];
	inbound: IncomingSmsRow[] = [];

	constructor(rng: () => Prng) {
		this.gateways = new GatewayStore(rng);
		this.reset();
	}

	reset(): void {
		this.gateways.clear();
		this.gateways.add({ ...DEFAULT_GATEWAY });
		this.outbound = [];
		this.inbound = [];
	}
}

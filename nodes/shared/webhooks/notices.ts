/**
 * Setup instructions shown at the top of each trigger. None of the gateways has an API to register
 * a callback URL (providers.md §1.5, §2.1, §3.4), so the user pastes this node's URL in the
 * gateway's dashboard: these texts say exactly where, and how to receive every event kind when a
 * gateway allows only one URL.
 */
import type { GatewayId } from '../core/types';
import type { EventKind } from '../core/webhook-types';

const TOKEN =
	'Add ?token=<your Secret Token> to the end of the URL you paste (or have the sender send it in an X-Webhook-Token header).';

const AT_FIELDS: Record<EventKind, string> = {
	inbound: 'Incoming Messages',
	deliveryReport: 'Delivery Reports',
	optOut:
		'Bulk SMS Opt Out and Subscription Notifications (and Incoming Messages, to catch STOP replies)',
};

const KIND_NAMES: Record<EventKind, string> = {
	inbound: 'incoming messages',
	deliveryReport: 'delivery reports',
	optOut: 'opt-outs',
};

export function setupNotice(kind: EventKind, gateway: GatewayId): string {
	switch (gateway) {
		case 'africasTalking':
			return `In the Africa's Talking dashboard, open SMS → SMS Callback URLs → ${AT_FIELDS[kind]} and paste this node's Production URL. ${TOKEN} Each callback kind has its own URL field there, so each SMS trigger can have its own; or paste one URL in several fields and turn on Accept All Event Kinds.`;
		case 'gupshup':
			return `In the Gupshup dashboard, open your app's settings, paste this node's Production URL as the Callback URL (webhook) and switch it on. ${TOKEN} Gupshup sends every event of an app (delivery reports and incoming messages) to that one URL: to receive more than ${KIND_NAMES[kind]}, turn on Accept All Event Kinds and route on eventType with a Switch node.`;
		case 'smsBox':
			return `In the SMSBox portal, open SMS → Two Way SMS → Manage Numbers, edit your number and paste this node's Production URL as its callback URL. ${TOKEN} Or choose SMSBox API Key authentication. SMSBox calls this URL with incoming messages only.`;
		case 'dhis2':
			return "In the SMS gateway app set up for DHIS2, use this node's Production URL as the inbound SMS URL; an app that asks for the DHIS2 server address gets the URL without /api/sms/inbound. Enter the username and password set below as the app's DHIS2 credentials. Both the JSON and the query-parameter forms of DHIS2's /api/sms/inbound are accepted.";
	}
}

export const NO_AUTH_WARNING =
	'Anyone who finds this URL can start the workflow with made-up messages. Use authentication unless the URL is only reachable from the gateway.';

export const KEYWORD_NOTICE =
	'Besides the opt-outs a gateway reports itself, an incoming message that is only an opt-out keyword ("STOP", "Stop.", "stop!") becomes an opt-out event. Point the gateway\'s incoming-message URL at this trigger to catch them.';

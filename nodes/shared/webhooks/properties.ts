/**
 * The parameters the three SMS triggers share: setup notice, gateway, authentication, and the
 * "Accept All Event Kinds" option. Each trigger adds its own filters in its description.ts.
 * Also their versions and the webhook path, which n8n resolves on every callback.
 */
import type {
	INodeCredentialDescription,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	IWebhookDescription,
	NativeParameterResolvers,
} from 'n8n-workflow';

import type { GatewayId } from '../core/types';
import { subtitleExpression } from '../registry/n8n-options';
import { triggerGateways, WEBHOOK_GATEWAYS } from '../registry/webhook-gateways';
import type { WebhookGateway } from '../registry/webhook-gateways';
import { NO_AUTH_WARNING, setupNotice } from './notices';
import type { AuthMethod, EventKind } from '../core/webhook-types';

/** `={{ {"africasTalking":"Africa's Talking",…}[$parameter["gateway"]] }}` for the subtitle. */
export function gatewaySubtitle(prefix: string): string {
	return subtitleExpression(prefix, WEBHOOK_GATEWAYS);
}

const AUTH_OPTIONS: Record<AuthMethod, INodePropertyOptions> = {
	token: {
		name: 'Secret Token',
		value: 'token',
		description: 'A secret in the URL (?token=…) or an X-Webhook-Token header',
	},
	basicAuth: {
		name: 'Basic Auth',
		value: 'basicAuth',
		description: 'A username and password, as sent to DHIS2',
	},
	// Named by the gateway that owns the key (authOption); this is only a fallback.
	accountKey: {
		name: 'API Key of the Credential',
		value: 'accountKey',
		description: "The API key of the gateway's credential",
	},
	none: { name: 'None', value: 'none', description: 'Anyone who knows the URL can post events' },
};

function gatewayProperty(gateways: WebhookGateway[], defaultGateway: GatewayId): INodeProperties {
	return {
		displayName: 'Gateway',
		name: 'gateway',
		type: 'options',
		noDataExpression: true,
		options: gateways
			.map((g) => ({ name: g.displayName, value: g.id }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultGateway,
		description: 'The SMS gateway that calls this trigger',
	};
}

/** An Authentication option; an account key is named by the gateway whose credential holds it. */
function authOption(method: AuthMethod, gateway: WebhookGateway): INodePropertyOptions {
	const accountKey = gateway.webhooks.accountKey;
	if (method === 'accountKey' && accountKey) {
		const { name, description } = accountKey.option;
		return { name, value: 'accountKey', description };
	}
	return AUTH_OPTIONS[method];
}

/** One Authentication parameter per group of gateways offering the same methods. */
function authenticationProperties(gateways: WebhookGateway[]): INodeProperties[] {
	const groups = new Map<
		string,
		{ methods: readonly AuthMethod[]; first: WebhookGateway; gateways: GatewayId[] }
	>();
	for (const gateway of gateways) {
		const key = `${gateway.webhooks.authMethods.join(',')}|${gateway.webhooks.accountKey?.credentialType ?? ''}`;
		const group = groups.get(key) ?? {
			methods: gateway.webhooks.authMethods,
			first: gateway,
			gateways: [],
		};
		group.gateways.push(gateway.id);
		groups.set(key, group);
	}
	return [...groups.values()].map(({ methods, first, gateways: ids }) => {
		const defaultMethod: string = methods[0];
		return {
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { gateway: ids } },
			options: methods
				.map((method) => authOption(method, first))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultMethod,
			description:
				'How the trigger checks that a call comes from the gateway; calls that fail get 401 and start nothing',
		};
	});
}

const AUTH_DETAILS: INodeProperties[] = [
	{
		displayName: NO_AUTH_WARNING,
		name: 'noAuthenticationWarning',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName: 'Secret Token',
		name: 'secretToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { authentication: ['token'] } },
		description:
			'A long random string. Add it to the URL you paste into the gateway as ?token=… (or send it in an X-Webhook-Token header).',
	},
	{
		displayName: 'Username',
		name: 'basicAuthUser',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { authentication: ['basicAuth'] } },
		description: 'The username the SMS gateway app sends (its "DHIS2 username")',
	},
	{
		displayName: 'Password',
		name: 'basicAuthPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { authentication: ['basicAuth'] } },
		description: 'The password the SMS gateway app sends (its "DHIS2 password")',
	},
];

/** The properties every SMS trigger starts with, in order. */
function commonTriggerProperties(kind: EventKind, defaultGateway: GatewayId): INodeProperties[] {
	const gateways = triggerGateways(kind);
	const notices: INodeProperties[] = gateways.map((gateway) => ({
		displayName: setupNotice(kind, gateway.id),
		name: `setupNotice_${gateway.id}`,
		type: 'notice',
		default: '',
		displayOptions: { show: { gateway: [gateway.id] } },
	}));
	return [
		...notices,
		gatewayProperty(gateways, defaultGateway),
		...authenticationProperties(gateways),
		...AUTH_DETAILS,
	];
}

/** The option that lets one URL receive everything a gateway sends (Gupshup has one URL per app). */
const ACCEPT_ALL_EVENT_KINDS_OPTION: INodeProperties = {
	displayName: 'Accept All Event Kinds',
	name: 'acceptAllEventKinds',
	type: 'boolean',
	default: false,
	description:
		"Whether to also start the workflow for the gateway's other events sent to this URL (incoming messages, delivery reports, opt-outs), each with its eventType, instead of only acknowledging them",
};

/**
 * A trigger's whole parameter list: the common ones (Africa's Talking preselected), then the
 * trigger's own `filters`, then the Options collection, which always starts with "Accept All Event
 * Kinds" and goes on with the trigger's `options`.
 */
export function smsTriggerProperties(
	kind: EventKind,
	filters: INodeProperties[] = [],
	options: INodeProperties[] = [],
): INodeProperties[] {
	return [
		...commonTriggerProperties(kind, 'africasTalking'),
		...filters,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [ACCEPT_ALL_EVENT_KINDS_OPTION, ...options],
		},
	];
}

/**
 * The triggers' credentials: a gateway's account key when its callbacks can be checked against it
 * (shown with that authentication only), and the credential of a gateway whose callback format it
 * holds (the Custom HTTP Gateway's profile; shown for that gateway only).
 */
export function triggerCredentials(kind: EventKind): INodeCredentialDescription[] {
	return triggerGateways(kind).flatMap((gateway): INodeCredentialDescription[] => {
		const { accountKey, profileCredential } = gateway.webhooks;
		const credentials: INodeCredentialDescription[] = [];
		if (profileCredential)
			credentials.push({
				name: profileCredential.credentialType,
				required: true,
				displayOptions: { show: { gateway: [gateway.id] } },
			});
		if (accountKey)
			credentials.push({
				name: accountKey.credentialType,
				required: true,
				displayOptions: { show: { gateway: [gateway.id], authentication: ['accountKey'] } },
			});
		return credentials;
	});
}

/**
 * The triggers' versions. Both have the same parameters and give the same answers and events;
 * they differ only in what n8n does around `webhook()` on every callback (docs/callbacks.md):
 * at version 1 n8n evaluates `$parameter["options"]["binaryData"]` (an expression, so an isolate
 * of its expression engine) and reads every body; from version 2 on it evaluates nothing there
 * and reads only bodies it parses itself (JSON, form, text, XML), which handle-webhook.ts
 * completes. Existing workflows keep version 1; new nodes get 2.
 */
export const TRIGGER_VERSIONS = [1, 2];
export const TRIGGER_DEFAULT_VERSION = 2;

/**
 * The key under which n8n (2.41 and later, n8n-workflow `resolveWebhookDescriptionField`) looks
 * for native resolvers of webhook-description fields: when the field still holds the resolver's
 * template and the node's parameters hold no expression, n8n calls the resolver instead of
 * evaluating the template. A registry symbol, so it is n8n's own without importing anything;
 * older n8n ignores it and evaluates the template, which gives the same value.
 */
const NATIVE_RESOLVERS_KEY = Symbol.for('n8n.webhookDescriptionResolvers');

/**
 * The webhook path, to spread into the webhook description: a gateway's own `webhookPath` when it
 * has one (DHIS2-format inbound ends in api/sms/inbound so apps can append it to a server URL),
 * else `defaultPath`. n8n works the path out on every callback: the template (what the editor
 * shows and older n8n evaluates) comes with a native resolver giving the same value, so the
 * callback needs no expression engine.
 */
export function gatewayWebhookPath(defaultPath: string): Pick<IWebhookDescription, 'path'> {
	const own = WEBHOOK_GATEWAYS.filter((g) => g.webhooks.webhookPath !== undefined);
	const expression = own.reduceRight(
		(otherwise, g) =>
			`$parameter["gateway"] === "${g.id}" ? "${g.webhooks.webhookPath}" : ${otherwise}`,
		`"${defaultPath}"`,
	);
	const template = `={{${expression}}}`;
	const resolvers: NativeParameterResolvers = {
		path: {
			template,
			resolve: (parameters: INodeParameters) =>
				own.find((g) => g.id === parameters.gateway)?.webhooks.webhookPath ?? defaultPath,
		},
	};
	return { path: template, [NATIVE_RESOLVERS_KEY]: resolvers } as Pick<IWebhookDescription, 'path'>;
}

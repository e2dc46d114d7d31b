/**
 * The trigger's parameters, read once per call with safe fallbacks: a parameter that cannot be
 * read never makes the trigger throw (n8n would answer 500), and an authentication setting that
 * does not fit the chosen gateway refuses every call rather than letting them all in.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { WebhookGateway } from '../registry/webhook-gateways';
import { triggerGateways } from '../registry/webhook-gateways';
import type { Selection, StatusFilter } from './select';
import { DEFAULT_STOP_KEYWORDS, parseKeywordList } from './stop-keywords';
import type { AuthMethod, EventKind } from '../core/webhook-types';

export type AuthSettings =
	| { method: 'token'; secret: string }
	| { method: 'basicAuth'; username: string; password: string }
	| { method: 'accountKey' }
	| { method: 'none' }
	/** The saved value is not one this gateway offers: every call is refused. */
	| { method: 'invalid' };

export interface TriggerSettings {
	gateway: WebhookGateway;
	auth: AuthSettings;
	selection: Selection;
}

export function readTriggerSettings(
	context: IWebhookFunctions,
	kind: EventKind,
): TriggerSettings | undefined {
	const id = parameter<unknown>(context, 'gateway', '');
	// Only a gateway this trigger offers (a workflow saved through the API could name another).
	const gateway = triggerGateways(kind).find((g) => g.id === id);
	if (!gateway) return undefined;
	const options = asObject(parameter<unknown>(context, 'options', {}));
	return {
		gateway,
		auth: readAuth(context, gateway),
		selection: {
			kind,
			acceptAllEventKinds: options.acceptAllEventKinds === true,
			statusFilter: statusFilter(parameter(context, 'statusFilter', 'all')),
			stopKeywords: parseKeywordList(
				parameter(context, 'stopKeywords', DEFAULT_STOP_KEYWORDS.join(', ')),
			),
			optInKeywords: parseKeywordList(options.optInKeywords ?? ''),
			includeOptIns: options.includeOptIns !== false,
		},
	};
}

function readAuth(context: IWebhookFunctions, gateway: WebhookGateway): AuthSettings {
	const offered = gateway.webhooks.authMethods;
	const method = parameter<unknown>(context, 'authentication', offered[0]);
	if (typeof method !== 'string' || !offered.includes(method as AuthMethod))
		return { method: 'invalid' };
	switch (method as AuthMethod) {
		case 'token':
			return { method: 'token', secret: text(parameter(context, 'secretToken', '')) };
		case 'basicAuth':
			return {
				method: 'basicAuth',
				username: text(parameter(context, 'basicAuthUser', '')),
				password: text(parameter(context, 'basicAuthPassword', '')),
			};
		case 'accountKey':
			return { method: 'accountKey' };
		case 'none':
			return { method: 'none' };
	}
}

function statusFilter(value: unknown): StatusFilter {
	return value === 'final' || value === 'failures' ? value : 'all';
}

function asObject(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function parameter<T>(context: IWebhookFunctions, name: string, fallback: T): T {
	try {
		return context.getNodeParameter(name, fallback) as T;
	} catch {
		return fallback;
	}
}

/**
 * The trigger's parameters, read once per call with safe fallbacks: a parameter that cannot be
 * read never makes the trigger throw (n8n would answer 500), and an authentication setting that
 * does not fit the chosen gateway refuses every call rather than letting them all in.
 *
 * A parameter holding no expression is read as stored (n8n's `rawExpressions` read): the usual
 * `getNodeParameter` would return the same value after a walk through the value, a display-options
 * check and a schema check, on every callback. Only a parameter holding an expression is read the
 * usual way, which evaluates it.
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
	const parameter = parameterReader(context);
	const id = parameter<unknown>('gateway', '');
	// Only a gateway this trigger offers (a workflow saved through the API could name another).
	const gateway = triggerGateways(kind).find((g) => g.id === id);
	if (!gateway) return undefined;
	const options = asObject(parameter<unknown>('options', {}));
	return {
		gateway,
		auth: readAuth(parameter, gateway),
		selection: {
			kind,
			acceptAllEventKinds: options.acceptAllEventKinds === true,
			statusFilter: statusFilter(parameter('statusFilter', 'all')),
			stopKeywords: parseKeywordList(parameter('stopKeywords', DEFAULT_STOP_KEYWORDS.join(', '))),
			optInKeywords: parseKeywordList(options.optInKeywords ?? ''),
			includeOptIns: options.includeOptIns !== false,
		},
	};
}

function readAuth(parameter: ParameterReader, gateway: WebhookGateway): AuthSettings {
	const offered = gateway.webhooks.authMethods;
	const method = parameter<unknown>('authentication', offered[0]);
	if (typeof method !== 'string' || !offered.includes(method as AuthMethod))
		return { method: 'invalid' };
	switch (method as AuthMethod) {
		case 'token':
			return { method: 'token', secret: text(parameter('secretToken', '')) };
		case 'basicAuth':
			return {
				method: 'basicAuth',
				username: text(parameter('basicAuthUser', '')),
				password: text(parameter('basicAuthPassword', '')),
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

type ParameterReader = <T>(name: string, fallback: T) => T;

/**
 * Reads top-level parameters as `getNodeParameter(name, fallback)` returns them. n8n's own raw
 * read (`rawExpressions`: the stored value, with the defaults n8n's Workflow fills in, or the
 * fallback) comes first; only a value with an expression anywhere in it is read again the usual
 * way, which evaluates it.
 */
export function parameterReader(context: IWebhookFunctions): ParameterReader {
	return <T>(name: string, fallback: T): T => {
		try {
			const stored = context.getNodeParameter(name, fallback, { rawExpressions: true }) as T;
			if (!holdsExpression(stored)) return stored;
			return context.getNodeParameter(name, fallback) as T;
		} catch {
			return fallback;
		}
	};
}

/**
 * Whether n8n would have to resolve something in the value: a string starting with `=` (an
 * expression) or a resource locator, at any depth (as n8n-workflow's `nodeParametersAreStatic`).
 */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null) {
		if ((value as IDataObject).__rl === true) return true;
		return Object.values(value).some(holdsExpression);
	}
	return false;
}

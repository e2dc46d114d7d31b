/**
 * The Custom HTTP Gateway's profile: everything the `httpSmsGatewayApi` credential says about one
 * provider's HTTP API, read and checked when a node runs. A problem is reported with the label of
 * the credential field at fault, never with a secret's value.
 */
import { errorInfo } from '../../core/errors';
import type { Credentials, GatewayErrorInfo } from '../../core/types';
import { pathSegments } from './json-path';

export type BodyFormat = 'form' | 'json' | 'query';
export type RecipientsMode = 'one' | 'joined' | 'array';
export type NumberFormat = 'plusE164' | 'digitsE164';

export interface StatusSet {
	has(status: number): boolean;
}

export interface SendProfile {
	method: 'GET' | 'POST' | 'PUT';
	path: string;
	bodyFormat: BodyFormat;
	recipientParameter: string;
	messageParameter: string;
	/** Empty when the gateway takes no sender. */
	senderParameter: string;
	/** A parsed JSON body template with `{{to}}`, `{{message}}`, `{{from}}` placeholders, when given. */
	jsonTemplate?: unknown;
	/** The shape of one recipient inside a JSON array (`{"dest_addr":"{{to}}"}`), when given. */
	recipientTemplate?: unknown;
	extraParameters: Record<string, string | number | boolean>;
	recipientsMode: RecipientsMode;
	separator: string;
	maxRecipients: number;
	numberFormat: NumberFormat;
}

export interface ReplyProfile {
	successStatuses: StatusSet;
	successPath: string;
	successValue: string;
	successTextPrefixes: string[];
	messageIdPath: string;
	errorMessagePath: string;
	resultsPath: string;
	resultNumberPath: string;
	resultStatusPath: string;
	resultAcceptedValues: Set<string>;
	resultMessageIdPath: string;
	resultErrorPath: string;
	retryStatuses: StatusSet;
}

export interface BalanceProfile {
	path: string;
	valuePath: string;
	currencyPath: string;
	currency: string;
}

export interface Profile {
	baseUrl: string;
	/** The name users see in messages: the credential's Gateway Name, else "Custom HTTP Gateway". */
	name: string;
	send: SendProfile;
	reply: ReplyProfile;
	balance?: BalanceProfile;
}

/** A profile field at fault, named by the label the credential shows. */
export class ProfileError extends Error {
	constructor(
		readonly field: string,
		problem: string,
	) {
		super(`Custom HTTP Gateway credential, field "${field}": ${problem}`);
		this.name = 'ProfileError';
	}

	get info(): GatewayErrorInfo {
		return errorInfo(
			'INVALID_PROFILE',
			this.message,
			`The gateway profile in the Custom HTTP Gateway credential is not usable, so nothing was sent. Fix the field "${this.field}" in the credential and run again.`,
		);
	}
}

export const DEFAULT_NAME = 'Custom HTTP Gateway';
const PARAMETER_NAME = /^[^\s]{1,100}$/;
const MAX_RECIPIENTS_CAP = 1000;

function text(credentials: Credentials, key: string, fallback = ''): string {
	const value = credentials[key];
	if (value === undefined || value === null) return fallback;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return fallback;
}

function oneOf<T extends string>(
	credentials: Credentials,
	key: string,
	label: string,
	allowed: readonly T[],
	fallback: T,
): T {
	const value = text(credentials, key, fallback) || fallback;
	if (!(allowed as readonly string[]).includes(value)) {
		throw new ProfileError(label, `"${value}" is not one of ${allowed.join(', ')}`);
	}
	return value as T;
}

function path(credentials: Credentials, key: string, label: string): string {
	const value = text(credentials, key);
	if (pathSegments(value) === undefined) {
		throw new ProfileError(label, `"${value}" is not a path such as data.messages[0].id`);
	}
	return value;
}

function parameterName(
	credentials: Credentials,
	key: string,
	label: string,
	fallback: string,
	optional = false,
): string {
	const raw = credentials[key];
	const value = raw === undefined ? fallback : text(credentials, key);
	if (value === '' && optional) return '';
	if (!PARAMETER_NAME.test(value))
		throw new ProfileError(label, 'must be a parameter name without spaces');
	return value;
}

/** A JSON field of the credential: n8n gives a `json` field as text or already parsed. */
function jsonValue(credentials: Credentials, key: string, label: string): unknown {
	const raw = credentials[key];
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw !== 'string') return raw;
	if (raw.trim() === '') return undefined;
	const parsed = parseJson(raw);
	if (!parsed.ok) throw new ProfileError(label, `is not valid JSON (${parsed.problem})`);
	return parsed.value;
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; problem: string } {
	try {
		return { ok: true, value: JSON.parse(raw) as unknown };
	} catch (error) {
		return { ok: false, problem: error instanceof Error ? error.message : 'unreadable' };
	}
}

/** The profile, or the first field at fault. */
export function checkedProfile(
	credentials: Credentials,
): { profile: Profile } | { problem: ProfileError } {
	try {
		return { profile: readProfile(credentials) };
	} catch (error) {
		if (error instanceof ProfileError) return { problem: error };
		return { problem: new ProfileError('Base URL', 'the profile could not be read') };
	}
}

function jsonObject(credentials: Credentials, key: string, label: string): Record<string, unknown> {
	const value = jsonValue(credentials, key, label);
	if (value === undefined) return {};
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ProfileError(label, 'must be a JSON object such as {"name": "value"}');
	}
	return value as Record<string, unknown>;
}

/** Flat name → scalar pairs (fixed extra parameters, confidential parameters). */
export function flatParameters(
	credentials: Credentials,
	key: string,
	label: string,
): Record<string, string | number | boolean> {
	const object = jsonObject(credentials, key, label);
	const out: Record<string, string | number | boolean> = {};
	for (const [name, value] of Object.entries(object)) {
		if (!PARAMETER_NAME.test(name))
			throw new ProfileError(label, `"${name}" is not a parameter name`);
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
			throw new ProfileError(label, `the value of "${name}" must be text, a number or true/false`);
		}
		out[name] = value;
	}
	return out;
}

/** `200-299`, `200,201,202`, `429, 503`: HTTP statuses as ranges and single codes. */
export function statusSet(
	credentials: Credentials,
	key: string,
	label: string,
	fallback: string,
): StatusSet {
	const value = text(credentials, key, fallback) || fallback;
	const ranges: Array<[number, number]> = [];
	for (const part of value
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '')) {
		const match = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part);
		if (!match)
			throw new ProfileError(label, `"${part}" is not an HTTP status or a range such as 200-299`);
		const low = Number(match[1]);
		const high = match[2] ? Number(match[2]) : low;
		if (low < 100 || high > 599 || high < low) {
			throw new ProfileError(label, `"${part}" is not a range of HTTP statuses (100-599)`);
		}
		ranges.push([low, high]);
	}
	return { has: (status) => ranges.some(([low, high]) => status >= low && status <= high) };
}

function list(credentials: Credentials, key: string): string[] {
	return text(credentials, key)
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '');
}

function baseUrl(credentials: Credentials): string {
	const value = text(credentials, 'baseUrl');
	if (value === '')
		throw new ProfileError('Base URL', 'is required (for example https://sms.example.com)');
	if (!/^https?:\/\/[^\s/?#]+/i.test(value)) {
		throw new ProfileError('Base URL', 'must start with http:// or https:// and name a host');
	}
	return value;
}

function requestPath(
	credentials: Credentials,
	key: string,
	label: string,
	fallback: string,
): string {
	const value = text(credentials, key, fallback) || fallback;
	if (/\s/.test(value) || /^[a-z]+:/i.test(value)) {
		throw new ProfileError(label, 'must be a path on the Base URL, such as /send, without spaces');
	}
	return value;
}

function readSend(credentials: Credentials): SendProfile {
	const method = oneOf(
		credentials,
		'sendMethod',
		'Send Method',
		['POST', 'GET', 'PUT'] as const,
		'POST',
	);
	const declared = oneOf(
		credentials,
		'bodyFormat',
		'Send Parameters In',
		['form', 'json', 'query'] as const,
		'form',
	);
	// A GET has no body: its parameters go in the query string whatever the field says.
	const bodyFormat: BodyFormat = method === 'GET' ? 'query' : declared;
	const recipientsMode = oneOf(
		credentials,
		'recipientsPerRequest',
		'Recipients per Request',
		['one', 'joined', 'array'] as const,
		'one',
	);
	if (recipientsMode === 'array' && bodyFormat !== 'json') {
		throw new ProfileError(
			'Recipients per Request',
			'a JSON array of recipients needs "Send Parameters In" set to JSON Body (and a POST or PUT)',
		);
	}
	const maxRaw = credentials.maxRecipients;
	const maxRecipients = recipientsMode === 'one' ? 1 : Number(maxRaw ?? 100);
	if (!Number.isInteger(maxRecipients) || maxRecipients < 1 || maxRecipients > MAX_RECIPIENTS_CAP) {
		throw new ProfileError(
			'Max Recipients per Request',
			`must be a whole number from 1 to ${MAX_RECIPIENTS_CAP}`,
		);
	}
	const separator =
		typeof credentials.recipientSeparator === 'string' && credentials.recipientSeparator !== ''
			? credentials.recipientSeparator
			: ',';
	if (/[0-9+]/.test(separator))
		throw new ProfileError('Recipient Separator', 'must not contain digits or "+"');
	const jsonTemplate =
		bodyFormat === 'json'
			? jsonValue(credentials, 'jsonTemplate', 'JSON Body Template')
			: undefined;
	if (
		jsonTemplate !== undefined &&
		(jsonTemplate === null || typeof jsonTemplate !== 'object' || Array.isArray(jsonTemplate))
	) {
		throw new ProfileError('JSON Body Template', 'must be a JSON object');
	}
	if (jsonTemplate !== undefined && !JSON.stringify(jsonTemplate).includes('{{to}}')) {
		throw new ProfileError(
			'JSON Body Template',
			'must place the recipient with the placeholder "{{to}}"',
		);
	}
	const recipientTemplate =
		recipientsMode === 'array'
			? jsonValue(credentials, 'recipientTemplate', 'Recipient Item Template')
			: undefined;
	if (recipientTemplate !== undefined && !JSON.stringify(recipientTemplate).includes('{{to}}')) {
		throw new ProfileError(
			'Recipient Item Template',
			'must place the number with the placeholder "{{to}}"',
		);
	}
	return {
		method,
		path: requestPath(credentials, 'sendPath', 'Send Path', '/'),
		bodyFormat,
		recipientParameter: parameterName(
			credentials,
			'recipientParameter',
			'Recipient Parameter',
			'to',
		),
		messageParameter: parameterName(
			credentials,
			'messageParameter',
			'Message Parameter',
			'message',
		),
		senderParameter: parameterName(
			credentials,
			'senderParameter',
			'Sender Parameter',
			'from',
			true,
		),
		jsonTemplate,
		recipientTemplate,
		extraParameters: flatParameters(credentials, 'extraParameters', 'Fixed Extra Parameters'),
		recipientsMode,
		separator,
		maxRecipients,
		numberFormat: oneOf(
			credentials,
			'numberFormat',
			'Number Format',
			['plusE164', 'digitsE164'] as const,
			'plusE164',
		),
	};
}

function readReply(credentials: Credentials): ReplyProfile {
	const successPath = path(credentials, 'successPath', 'Success Field Path');
	const resultsPath = path(credentials, 'resultsPath', 'Per-Recipient Results Path');
	const resultStatusPath = path(credentials, 'resultStatusPath', 'Result Status Path');
	const resultAcceptedValues = new Set(list(credentials, 'resultAcceptedValues'));
	if (resultsPath !== '' && (resultStatusPath === '' || resultAcceptedValues.size === 0)) {
		throw new ProfileError(
			'Result Status Path',
			'a per-recipient results path needs a status path and the values that mean accepted',
		);
	}
	return {
		successStatuses: statusSet(credentials, 'successStatuses', 'Success HTTP Statuses', '200-299'),
		successPath,
		successValue: text(credentials, 'successValue'),
		successTextPrefixes: list(credentials, 'successTextPrefixes'),
		messageIdPath: path(credentials, 'messageIdPath', 'Message ID Path'),
		errorMessagePath: path(credentials, 'errorMessagePath', 'Error Message Path'),
		resultsPath,
		resultNumberPath: path(credentials, 'resultNumberPath', 'Result Number Path'),
		resultStatusPath,
		resultAcceptedValues,
		resultMessageIdPath: path(credentials, 'resultMessageIdPath', 'Result Message ID Path'),
		resultErrorPath: path(credentials, 'resultErrorPath', 'Result Error Path'),
		retryStatuses: statusSet(
			credentials,
			'retryStatuses',
			'Statuses Safe to Send Again',
			'429,503',
		),
	};
}

function readBalance(credentials: Credentials): BalanceProfile | undefined {
	const balancePath = text(credentials, 'balancePath');
	if (balancePath === '') return undefined;
	return {
		path: requestPath(credentials, 'balancePath', 'Balance Request Path', ''),
		valuePath: path(credentials, 'balanceValuePath', 'Balance Value Path'),
		currencyPath: path(credentials, 'balanceCurrencyPath', 'Balance Currency Path'),
		currency: text(credentials, 'balanceCurrency'),
	};
}

/** Reads and checks the whole profile; throws a ProfileError naming the first field at fault. */
export function readProfile(credentials: Credentials): Profile {
	// Parsed here only to report a broken field before anything is sent; the credential's own
	// authenticate places the values, so they never pass through the adapter's requests.
	flatParameters(credentials, 'secretParameters', 'Confidential Parameters');
	const name = text(credentials, 'gatewayName') || DEFAULT_NAME;
	return {
		baseUrl: baseUrl(credentials),
		name,
		send: readSend(credentials),
		reply: readReply(credentials),
		balance: readBalance(credentials),
	};
}

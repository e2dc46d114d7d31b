/**
 * DHIS2's SMS gateway configurations as JSON (docs/gateways/dhis2.md#gateway-administration, dhis2-core SmsGatewayConfig and
 * its subclasses, DHIS2 2.35 and later): which fields each type has, the request body, what a
 * partial update must carry, the checks made before calling, and the masking of secrets.
 */
import type { SmsGatewayConfig, SmsGatewayInput, SmsGatewayType } from '../../core/adapter';
import { errorInfo } from '../../core/errors';
import type { GatewayErrorInfo } from '../../core/types';

export const SMS_GATEWAY_TYPES: readonly SmsGatewayType[] = [
	'http',
	'bulksms',
	'clickatell',
	'smpp',
];

/** GenericHttpGatewayConfig.ContentType; FORM_URL_ENCODED is DHIS2's default. */
export const CONTENT_TYPES = [
	'APPLICATION_JSON',
	'APPLICATION_XML',
	'FORM_URL_ENCODED',
	'TEXT_PLAIN',
] as const;
/** jsmpp's BindType, NumberingPlanIndicator and TypeOfNumber, which SMPPGatewayConfig uses as is. */
export const BIND_TYPES = ['BIND_RX', 'BIND_TRX', 'BIND_TX'] as const;
export const NUMBER_PLAN_INDICATORS = [
	'DATA',
	'ERMES',
	'INTERNET',
	'ISDN',
	'LAND_MOBILE',
	'NATIONAL',
	'PRIVATE',
	'TELEX',
	'UNKNOWN',
	'WAP',
] as const;
export const TYPES_OF_NUMBER = [
	'ABBREVIATED',
	'ALPHANUMERIC',
	'INTERNATIONAL',
	'NATIONAL',
	'NETWORK_SPECIFIC',
	'SUBSCRIBER_NUMBER',
	'UNKNOWN',
] as const;

/**
 * The JSON fields of each type, secrets excluded. SMPP renames two inherited fields: `username` is
 * written `systemId` and `urlTemplate` is written `host` (SMPPGatewayConfig's @JsonProperty).
 */
const COMMON_FIELDS = ['name', 'isDefault', 'maxSmsLength', 'sendUrlParameters'];
const TYPE_FIELDS: Record<SmsGatewayType, string[]> = {
	http: ['username', 'urlTemplate', 'configurationTemplate', 'useGet', 'contentType', 'parameters'],
	// BulkSMS's urlTemplate is read-only (https://api.bulksms.com/v1/messages).
	bulksms: ['username'],
	clickatell: ['username', 'urlTemplate'],
	smpp: [
		'systemId',
		'host',
		'port',
		'systemType',
		'numberPlanIndicator',
		'typeOfNumber',
		'bindType',
		'compressed',
	],
};
/** Stored encrypted by DHIS2; an update that leaves them out keeps the stored value (docs/gateways/dhis2.md#gateway-administration). */
const SECRET_FIELDS = ['password', 'authToken'];

/** What outputs show instead of a secret. An input equal to it means "keep the stored value". */
export const MASKED = '********';

function isType(value: unknown): value is SmsGatewayType {
	return typeof value === 'string' && (SMS_GATEWAY_TYPES as readonly string[]).includes(value);
}

function given(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '' && value !== MASKED;
}

/** The request body for a new configuration, or for the given fields of an update. */
export function requestBody(input: SmsGatewayInput): Record<string, unknown> {
	const record = input as unknown as Record<string, unknown>;
	const body: Record<string, unknown> = { type: input.type };
	for (const field of [...COMMON_FIELDS, ...(TYPE_FIELDS[input.type] ?? [])]) {
		if (record[field] !== undefined) body[field] = record[field];
	}
	for (const field of SECRET_FIELDS) {
		if (given(record[field])) body[field] = record[field];
	}
	if (input.type === 'http' && input.parameters) {
		body.parameters = input.parameters.map((p) => ({
			key: p.key,
			// An empty (or masked) confidential value keeps the stored one on update (docs/gateways/dhis2.md#gateway-administration).
			value: p.confidential && !given(p.value) ? null : p.value,
			header: p.header,
			encode: p.encode,
			confidential: p.confidential,
		}));
	}
	return body;
}

/**
 * A PUT replaces the whole configuration, so an update sends the stored fields with the changes on
 * top. Stored secrets are left out (DHIS2 then keeps them) and stored confidential parameter values
 * are sent as null (kept too), so no secret ever travels back.
 */
export function updateBody(
	stored: Record<string, unknown>,
	input: SmsGatewayInput,
): Record<string, unknown> {
	const storedType = isType(stored.type) ? stored.type : input.type;
	const carried: Record<string, unknown> = {};
	for (const field of [...COMMON_FIELDS, ...TYPE_FIELDS[storedType]]) {
		if (stored[field] !== undefined && stored[field] !== null) carried[field] = stored[field];
	}
	if (Array.isArray(carried.parameters)) {
		carried.parameters = (carried.parameters as Array<Record<string, unknown>>).map((p) =>
			p.confidential === true ? { ...p, value: null } : p,
		);
	}
	return { ...carried, ...requestBody(input) };
}

/** A configuration as DHIS2 returned it, with passwords, tokens and confidential values masked. */
export function maskGateway(raw: Record<string, unknown>): SmsGatewayConfig {
	const masked: Record<string, unknown> = { ...raw };
	for (const field of SECRET_FIELDS) {
		if (given(masked[field])) masked[field] = MASKED;
	}
	if (Array.isArray(masked.parameters)) {
		masked.parameters = (masked.parameters as Array<Record<string, unknown>>).map((p) =>
			p && p.confidential === true && given(p.value) ? { ...p, value: MASKED } : p,
		);
	}
	const id = String(masked.id ?? masked.uid ?? '');
	return { ...masked, id, type: String(masked.type ?? '') };
}

function invalid(code: string, message: string, explanation: string): GatewayErrorInfo {
	return errorInfo(code, message, explanation);
}

function oneOf(
	value: string | undefined,
	allowed: readonly string[],
	field: string,
): GatewayErrorInfo | undefined {
	if (value === undefined || allowed.includes(value)) return undefined;
	return invalid(
		'INVALID_FIELD',
		`"${value}" is not a valid ${field}`,
		`Use one of: ${allowed.join(', ')}.`,
	);
}

function checkUrl(value: string | undefined, field: string): GatewayErrorInfo | undefined {
	if (value === undefined || /^https?:\/\/\S+$/i.test(value)) return undefined;
	return invalid(
		'INVALID_URL',
		`The ${field} "${value}" is not an http(s) URL`,
		'DHIS2 calls this address to send each SMS: give the full URL, starting with http:// or https://.',
	);
}

function required(
	input: SmsGatewayInput,
	fields: Array<[keyof SmsGatewayInput, string]>,
): GatewayErrorInfo | undefined {
	const missing = fields.filter(([field]) => !given(input[field])).map(([, label]) => label);
	if (missing.length === 0) return undefined;
	return invalid(
		'FIELD_REQUIRED',
		`A ${input.type} gateway needs ${missing.join(', ')}`,
		`Fill in ${missing.join(', ')}; DHIS2 cannot send through this gateway without ${missing.length > 1 ? 'them' : 'it'}.`,
	);
}

/**
 * What DHIS2 would refuse, or store in a state that cannot send, found before calling it. A create
 * needs every field the type sends with; an update checks only the fields it changes.
 */
export function checkGatewayInput(
	operation: 'create' | 'update',
	input: SmsGatewayInput,
): GatewayErrorInfo | undefined {
	if (!isType(input.type)) {
		return invalid(
			'INVALID_TYPE',
			`"${String(input.type)}" is not a DHIS2 gateway type`,
			`Use one of: ${SMS_GATEWAY_TYPES.join(', ')}.`,
		);
	}
	if (operation === 'create') {
		const needed: Record<SmsGatewayType, Array<[keyof SmsGatewayInput, string]>> = {
			http: [
				['name', 'a name'],
				['urlTemplate', 'a URL'],
			],
			bulksms: [
				['name', 'a name'],
				['username', 'a username'],
				['password', 'a password'],
			],
			clickatell: [
				['name', 'a name'],
				['authToken', 'an auth token'],
			],
			smpp: [
				['name', 'a name'],
				['systemId', 'a system ID'],
				['host', 'a host'],
				['port', 'a port'],
			],
		};
		const missing = required(input, needed[input.type]);
		if (missing) return missing;
	} else if (input.name !== undefined && input.name.trim() === '') {
		return invalid(
			'FIELD_REQUIRED',
			'The gateway name cannot be empty',
			'Give a name, or leave it out to keep the current one.',
		);
	}
	if (
		input.port !== undefined &&
		(!Number.isInteger(input.port) || input.port < 1 || input.port > 65535)
	) {
		return invalid(
			'INVALID_FIELD',
			`${String(input.port)} is not a port number`,
			'Give the SMPP port, a whole number from 1 to 65535 (often 2775).',
		);
	}
	if (
		input.maxSmsLength !== undefined &&
		input.maxSmsLength !== '' &&
		!/^[1-9]\d*$/.test(input.maxSmsLength)
	) {
		return invalid(
			'INVALID_FIELD',
			`"${input.maxSmsLength}" is not a length`,
			'Max SMS Length is a whole number of characters (DHIS2 refuses longer texts with "Sms text message is too long").',
		);
	}
	const urlProblem = input.type === 'smpp' ? undefined : checkUrl(input.urlTemplate, 'URL');
	if (urlProblem) return urlProblem;
	const enumProblem =
		oneOf(input.contentType, CONTENT_TYPES, 'content type') ??
		oneOf(input.bindType, BIND_TYPES, 'bind type') ??
		oneOf(input.numberPlanIndicator, NUMBER_PLAN_INDICATORS, 'numbering plan indicator') ??
		oneOf(input.typeOfNumber, TYPES_OF_NUMBER, 'type of number');
	if (enumProblem) return enumProblem;
	return checkParameters(input);
}

function checkParameters(input: SmsGatewayInput): GatewayErrorInfo | undefined {
	const seen = new Set<string>();
	for (const parameter of input.parameters ?? []) {
		const key = parameter.key.trim();
		if (key === '') {
			return invalid(
				'PARAMETER_KEY_REQUIRED',
				'A parameter has no key',
				'Give every parameter a key, for example "username" or "Authorization".',
			);
		}
		if (seen.has(key)) {
			return invalid(
				'PARAMETER_KEY_DUPLICATE',
				`The parameter "${key}" is given twice`,
				'Each key is used once, as ${' +
					key +
					'} in the configuration template or as a header: remove the duplicate.',
			);
		}
		seen.add(key);
	}
	return undefined;
}

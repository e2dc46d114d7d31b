/**
 * The simulator's configuration: its exact shape, the defaults and the partial merge
 * behind `POST /sim/config`. The README documents every field.
 */
import type { DeliveryOutcome, FaultKind, GatewayName, QueuedFault } from './types';
import {
	canonicalGateway,
	FAULT_KINDS,
	GATEWAYS,
	isGatewayName,
	withCanonicalGatewayKeys,
} from './types';

export type FaultWeights = Record<FaultKind, number>;

export interface GatewayFaults {
	/** Probability in [0, 1] that a request to this gateway gets a fault. */
	rate?: number;
	weights?: Partial<FaultWeights>;
	/** Deterministic queue for this gateway only, consumed before the global one. */
	next?: QueuedFault[];
}

export interface FaultConfig {
	rate: number;
	weights: FaultWeights;
	retryAfterSeconds: number;
	/** Seed of the fault PRNG; null = the simulator's seed. Setting it restarts the fault stream. */
	seed: number | null;
	/** Deterministic queue consumed by the next gateway requests (any gateway), one entry each. */
	next: QueuedFault[];
	gateways: Partial<Record<GatewayName, GatewayFaults>>;
}

export interface OutcomeRule {
	exact?: string;
	suffix?: string;
	prefix?: string;
	outcome: DeliveryOutcome;
	/** AT failureReason (docs/gateways/africastalking.md#delivery-reports); default DeliveryFailure for failed, RejectedByGateway wording for rejected. */
	failureReason?: string;
	networkCode?: string;
	/** The gateway's own delivery status or code to report (see MessageRecord.gatewayStatus). */
	gatewayStatus?: string;
	/** AT: the retryCount of the delivery report. */
	retryCount?: number;
}

/**
 * A refusal at send time, by destination number: Gupshup answers the error of its code (8001-8014),
 * SMSBox the code (105-108, 116, 123, …) for the whole request when any recipient matches.
 */
export interface SendRefusalRule {
	gateway: 'gupshup' | 'smsBox';
	exact?: string;
	suffix?: string;
	prefix?: string;
	code: number;
}

export interface CallbackUrls {
	africasTalking: {
		delivery?: string | null;
		inbound?: string | null;
		optout?: string | null;
		subscription?: string | null;
	};
	/** Gupshup has one webhook per app for every event (docs/gateways/gupshup.md#webhook-callback-url). */
	gupshup: { events?: string | null };
	smsBox: { inbound?: string | null };
	dhis2: { inbound?: string | null };
	/** Kannel posts nothing here; Twilio's status callbacks go to each request's StatusCallback. */
	kannel: Record<string, never>;
	twilio: Record<string, never>;
}

/**
 * Holds one gateway's requests from its `fromRequest`-th on (the count of `/sim/stats`
 * requests.byGateway, since start or reset): each waits `ms` instead of the latency before it is
 * processed. Lets a test or bench interrupt a client while a chosen request is held.
 */
export interface HoldConfig {
	gateway: GatewayName;
	fromRequest: number;
	ms: number;
}

export interface SimConfig {
	latency: { fixedMs: number; jitterMs: number };
	/** null = no request is held. */
	hold: HoldConfig | null;
	faults: FaultConfig;
	/** Requests per second per gateway; null/absent = unlimited. */
	rateLimit: Partial<Record<GatewayName, number | null>>;
	/** Price per segment in each gateway's currency (KES, USD, SMSBox money units). */
	costs: { africasTalking: number; gupshup: number; smsBox: number };
	callbacks: CallbackUrls;
	callbackRetry: { attempts: number; backoffMs: number; timeoutMs: number };
	outcomes: { default: DeliveryOutcome; rules: OutcomeRule[] };
	/** Numbers refused by AT with 406 UserInBlacklist and by Gupshup with 8006 USER_NOT_OPTED_IN. */
	blacklist: string[];
	/** Delay before delivery reports go out by themselves; null = only on POST /sim/deliver. */
	autoDeliverMs: number | null;
	/** Gupshup permitted destination calling codes (docs/gateways/gupshup.md#sending: Brazil, Mexico, Colombia, Peru, India). */
	gupshupCountries: string[];
	/** Gupshup DLR events in shuffled order ("may not reflect the actual timing", docs/gateways/gupshup.md#delivery-events). */
	gupshupShuffleEvents: boolean;
	/** DHIS2 phone numbers that belong to a user (inbound from others: 409, docs/gateways/dhis2.md#inbound-messages). */
	dhis2RegisteredNumbers: string[];
	/**
	 * The most messages one Africa's Talking inbox fetch returns (GET /version1/messaging); null =
	 * all of them. Its page size is not documented (INF): set it to test a client's paging.
	 */
	atInboxPageSize: number | null;
	/** Send-time refusals by number (documented codes the normal checks never produce). */
	sendRefusals: SendRefusalRule[];
	/** SMSBox callbacks carry the account's API key in an `api-key` header (SMSBox's documentation: "validate the API Key"; docs/gateways/smsbox.md#two-way-callback). */
	smsboxCallbackApiKey: boolean;
}

export function defaultConfig(): SimConfig {
	return {
		latency: { fixedMs: 0, jitterMs: 0 },
		hold: null,
		faults: {
			rate: 0,
			weights: { rateLimit: 1, serverError: 1, resetBefore: 1, resetAfter: 1 },
			retryAfterSeconds: 1,
			seed: null,
			next: [],
			gateways: {},
		},
		rateLimit: {},
		costs: { africasTalking: 0.8, gupshup: 0.005, smsBox: 20 },
		callbacks: { africasTalking: {}, gupshup: {}, smsBox: {}, dhis2: {}, kannel: {}, twilio: {} },
		callbackRetry: { attempts: 3, backoffMs: 200, timeoutMs: 5000 },
		outcomes: {
			default: 'delivered',
			rules: [{ suffix: '0000', outcome: 'failed', failureReason: 'DeliveryFailure' }],
		},
		blacklist: [],
		autoDeliverMs: null,
		gupshupCountries: ['55', '52', '57', '51', '91'],
		gupshupShuffleEvents: false,
		dhis2RegisteredNumbers: ['+4740000000'],
		atInboxPageSize: null,
		sendRefusals: [],
		smsboxCallbackApiKey: true,
	};
}

export class ConfigError extends Error {}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; arrays and scalars replace. `null` clears a nullable leaf. */
function deepMerge(target: Json, patch: Json): Json {
	const out: Json = { ...target };
	for (const [key, value] of Object.entries(patch)) {
		if (isObject(value) && isObject(out[key])) out[key] = deepMerge(out[key] as Json, value);
		else out[key] = value;
	}
	return out;
}

/** Keys of the patch that are state rather than configuration; the control API applies them itself. */
export const STATE_KEYS = ['balances', 'senderNames'] as const;

export function mergeConfig(current: SimConfig, patch: unknown): SimConfig {
	if (!isObject(patch)) throw new ConfigError('config must be a JSON object');
	const known = new Set<string>([...Object.keys(defaultConfig()), ...STATE_KEYS]);
	for (const key of Object.keys(patch)) {
		if (!known.has(key)) throw new ConfigError(`unknown config key "${key}"`);
	}
	const configPatch: Json = withCanonicalGateways(patch);
	for (const key of STATE_KEYS) delete configPatch[key];
	const merged = deepMerge(current as unknown as Json, configPatch) as unknown as SimConfig;
	validate(merged);
	return merged;
}

/**
 * The patch with former gateway spellings (`africastalking`, `smsbox`) turned into ids wherever it
 * names a gateway: the keys of `callbacks`, `costs`, `rateLimit` and `faults.gateways`, and the
 * `gateway` of each `sendRefusals` rule and of `hold`.
 */
function withCanonicalGateways(patch: Json): Json {
	const out: Json = { ...patch };
	for (const key of ['callbacks', 'costs', 'rateLimit'] as const) {
		if (key in out) out[key] = withCanonicalGatewayKeys(out[key]);
	}
	if (isObject(out.faults) && 'gateways' in out.faults) {
		out.faults = { ...out.faults, gateways: withCanonicalGatewayKeys(out.faults.gateways) };
	}
	if (Array.isArray(out.sendRefusals)) {
		out.sendRefusals = out.sendRefusals.map((rule: unknown) =>
			isObject(rule) ? { ...rule, gateway: canonicalGateway(rule.gateway) } : rule,
		);
	}
	if (isObject(out.hold)) out.hold = { ...out.hold, gateway: canonicalGateway(out.hold.gateway) };
	return out;
}

function assertNumber(value: unknown, name: string, min: number, max = Infinity): void {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
		throw new ConfigError(`${name} must be a number between ${min} and ${max}`);
	}
}

function assertQueue(queue: unknown, name: string): void {
	if (!Array.isArray(queue)) throw new ConfigError(`${name} must be an array`);
	for (const entry of queue) {
		if (entry !== 'none' && !(FAULT_KINDS as readonly string[]).includes(entry as string)) {
			throw new ConfigError(
				`${name} holds "${String(entry)}"; allowed: none, ${FAULT_KINDS.join(', ')}`,
			);
		}
	}
}

function validate(config: SimConfig): void {
	assertNumber(config.latency.fixedMs, 'latency.fixedMs', 0, 600000);
	assertNumber(config.latency.jitterMs, 'latency.jitterMs', 0, 600000);
	if (config.hold !== null) {
		if (!isObject(config.hold) || !isGatewayName(String(config.hold.gateway)))
			throw new ConfigError(
				'hold must be null or { gateway, fromRequest, ms } with a known gateway',
			);
		assertNumber(config.hold.fromRequest, 'hold.fromRequest', 1);
		assertNumber(config.hold.ms, 'hold.ms', 0, 600000);
	}
	assertNumber(config.faults.rate, 'faults.rate', 0, 1);
	assertNumber(config.faults.retryAfterSeconds, 'faults.retryAfterSeconds', 0);
	for (const kind of FAULT_KINDS)
		assertNumber(config.faults.weights[kind], `faults.weights.${kind}`, 0);
	if (config.faults.seed !== null) assertNumber(config.faults.seed, 'faults.seed', 0);
	assertQueue(config.faults.next, 'faults.next');
	for (const [gateway, faults] of Object.entries(config.faults.gateways)) {
		if (!isGatewayName(gateway))
			throw new ConfigError(`faults.gateways.${gateway}: unknown gateway`);
		if (!faults) continue;
		if (faults.rate !== undefined)
			assertNumber(faults.rate, `faults.gateways.${gateway}.rate`, 0, 1);
		if (faults.next !== undefined) assertQueue(faults.next, `faults.gateways.${gateway}.next`);
	}
	for (const [gateway, limit] of Object.entries(config.rateLimit)) {
		if (!isGatewayName(gateway)) throw new ConfigError(`rateLimit.${gateway}: unknown gateway`);
		if (limit !== null && limit !== undefined) assertNumber(limit, `rateLimit.${gateway}`, 1);
	}
	for (const gateway of ['africasTalking', 'gupshup', 'smsBox'] as const) {
		assertNumber(config.costs[gateway], `costs.${gateway}`, 0);
	}
	for (const gateway of Object.keys(config.callbacks)) {
		if (!isGatewayName(gateway)) throw new ConfigError(`callbacks.${gateway}: unknown gateway`);
		const urls = config.callbacks[gateway] as Record<string, unknown>;
		for (const [kind, url] of Object.entries(urls)) {
			if (url === null || url === undefined) continue;
			if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
				throw new ConfigError(`callbacks.${gateway}.${kind} must be an http(s) URL or null`);
			}
		}
	}
	assertNumber(config.callbackRetry.attempts, 'callbackRetry.attempts', 1, 20);
	assertNumber(config.callbackRetry.backoffMs, 'callbackRetry.backoffMs', 0, 600000);
	assertNumber(config.callbackRetry.timeoutMs, 'callbackRetry.timeoutMs', 1, 600000);
	const outcomes = ['delivered', 'failed', 'rejected'];
	if (!outcomes.includes(config.outcomes.default))
		throw new ConfigError('outcomes.default must be delivered, failed or rejected');
	if (!Array.isArray(config.outcomes.rules))
		throw new ConfigError('outcomes.rules must be an array');
	for (const rule of config.outcomes.rules) {
		if (!isObject(rule) || !outcomes.includes(rule.outcome as string)) {
			throw new ConfigError('each outcomes rule needs outcome: delivered | failed | rejected');
		}
		if (rule.exact === undefined && rule.suffix === undefined && rule.prefix === undefined) {
			throw new ConfigError('each outcomes rule needs exact, suffix or prefix');
		}
	}
	if (!Array.isArray(config.blacklist))
		throw new ConfigError('blacklist must be an array of numbers');
	if (config.autoDeliverMs !== null)
		assertNumber(config.autoDeliverMs, 'autoDeliverMs', 0, 3600000);
	if (!Array.isArray(config.gupshupCountries))
		throw new ConfigError('gupshupCountries must be an array');
	if (!Array.isArray(config.dhis2RegisteredNumbers))
		throw new ConfigError('dhis2RegisteredNumbers must be an array');
	if (!Array.isArray(config.sendRefusals)) throw new ConfigError('sendRefusals must be an array');
	for (const rule of config.sendRefusals) {
		if (!isObject(rule) || (rule.gateway !== 'gupshup' && rule.gateway !== 'smsBox'))
			throw new ConfigError('each sendRefusals rule needs gateway: gupshup | smsBox');
		if (rule.exact === undefined && rule.suffix === undefined && rule.prefix === undefined)
			throw new ConfigError('each sendRefusals rule needs exact, suffix or prefix');
		assertNumber(rule.code, 'sendRefusals[].code', 100, 9999);
	}
	if (typeof config.smsboxCallbackApiKey !== 'boolean')
		throw new ConfigError('smsboxCallbackApiKey must be true or false');
	if (config.atInboxPageSize !== null)
		assertNumber(config.atInboxPageSize, 'atInboxPageSize', 1, 100000);
	for (const gateway of GATEWAYS) {
		if (!isObject(config.callbacks[gateway]))
			throw new ConfigError(`callbacks.${gateway} must be an object`);
	}
}

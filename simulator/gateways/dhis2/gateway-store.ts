/**
 * DHIS2's SMS gateway configurations (docs/gateways/dhis2.md#gateway-administration, dhis2-core
 * DefaultGatewayAdministrationService): one gateway per type, the first one added becomes
 * default, updates move the gateway to the end of the list, removing the default promotes the
 * first remaining one. Passwords, auth tokens and confidential parameters are stored
 * "encrypted" and only ever returned encrypted.
 */
import type { Prng } from '../../core/prng';
import { dhisCode } from './web-message';

export const GATEWAY_TYPES = ['http', 'bulksms', 'clickatell', 'smpp'] as const;
export type GatewayType = (typeof GATEWAY_TYPES)[number];

export type GatewayConfig = Record<string, unknown> & {
	type: GatewayType;
	uid: string;
	isDefault: boolean;
};

/** Fields Jackson binds per type; anything else in a request body is dropped (unknown properties ignored). */
const COMMON_FIELDS = [
	'name',
	'username',
	'password',
	'isDefault',
	'urlTemplate',
	'maxSmsLength',
	'sendUrlParameters',
];
const TYPE_FIELDS: Record<GatewayType, string[]> = {
	http: ['configurationTemplate', 'useGet', 'contentType', 'parameters'],
	bulksms: [],
	clickatell: ['authToken'],
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
/** BulkSMS's URL is read-only (BulkSmsGatewayConfig). */
const BULKSMS_URL = 'https://api.bulksms.com/v1/messages';

export function isGatewayType(value: unknown): value is GatewayType {
	return typeof value === 'string' && (GATEWAY_TYPES as readonly string[]).includes(value);
}

interface Parameter {
	key: string;
	value: string | null;
	header: boolean;
	encode: boolean;
	confidential: boolean;
}

export class GatewayStore {
	private gateways: GatewayConfig[] = [];

	constructor(private readonly rng: () => Prng) {}

	list(): GatewayConfig[] {
		return this.gateways;
	}

	get(uid: string): GatewayConfig | undefined {
		return this.gateways.find((g) => g.uid === uid);
	}

	getDefault(): GatewayConfig | undefined {
		return this.gateways.find((g) => g.isDefault);
	}

	clear(): void {
		this.gateways = [];
	}

	/** "Encrypted" value: random like a salted PBE cipher text, never the plain value. */
	encrypt(plain: unknown): string | null {
		if (plain === null || plain === undefined) return null;
		return Buffer.from(this.rng().hex(48), 'hex').toString('base64');
	}

	/**
	 * Returns the uid it generated. When a gateway of that type exists, nothing is stored but the
	 * uid is still returned (and DHIS2 still answers 200 with its Location: inferred (docs/gateways/dhis2.md#gateway-administration) from the code).
	 */
	add(body: Record<string, unknown> & { type: GatewayType }): { uid: string; stored: boolean } {
		const uid = dhisCode((alphabet, length) => this.rng().chars(alphabet, length), 10);
		if (this.gateways.some((g) => g.type === body.type)) return { uid, stored: false };
		const config = this.bind(body, uid, this.gateways.length === 0);
		config.password = this.encrypt(body.password);
		if (config.type === 'clickatell') config.authToken = this.encrypt(body.authToken);
		if (config.type === 'http') {
			config.parameters = this.parameters(body.parameters).map((p) =>
				p.confidential ? { ...p, value: this.encrypt(p.value) } : p,
			);
		}
		this.gateways.push(config);
		return { uid, stored: true };
	}

	/** Caller has checked existence, type and the default conflict. */
	update(persisted: GatewayConfig, body: Record<string, unknown> & { type: GatewayType }): void {
		const updated = this.bind(body, persisted.uid, persisted.isDefault);
		// Password: omitted keeps the stored cipher; the stored cipher sent back keeps it; anything else is a new password.
		if (
			body.password === undefined ||
			body.password === null ||
			body.password === persisted.password
		) {
			updated.password = persisted.password ?? null;
		} else {
			updated.password = this.encrypt(body.password);
		}
		if (updated.type === 'clickatell') {
			updated.authToken =
				body.authToken === undefined ||
				body.authToken === null ||
				body.authToken === persisted.authToken
					? (persisted.authToken ?? null)
					: this.encrypt(body.authToken);
		}
		if (updated.type === 'http') {
			const old = new Map(this.parameters(persisted.parameters).map((p) => [p.key, p.value]));
			updated.parameters = this.parameters(body.parameters).map((p) => {
				if (!p.confidential) return p;
				const before = old.get(p.key) ?? null;
				if (p.value === null || p.value.trim() === '') return { ...p, value: before };
				return { ...p, value: p.value === before ? before : this.encrypt(p.value) };
			});
		}
		this.gateways = [...this.gateways.filter((g) => g !== persisted), updated];
	}

	setDefault(uid: string): void {
		for (const gateway of this.gateways) gateway.isDefault = gateway.uid === uid;
	}

	remove(uid: string): void {
		const removed = this.get(uid);
		this.gateways = this.gateways.filter((g) => g.uid !== uid);
		if (removed?.isDefault && this.gateways.length > 0) this.gateways[0].isDefault = true;
	}

	/** The JSON DHIS2 returns: `id` mirrors `uid`. */
	render(gateway: GatewayConfig): Record<string, unknown> {
		return { ...gateway, id: gateway.uid };
	}

	private bind(
		body: Record<string, unknown> & { type: GatewayType },
		uid: string,
		isDefault: boolean,
	): GatewayConfig {
		const config: GatewayConfig = { type: body.type, uid, isDefault };
		for (const field of [...COMMON_FIELDS, ...TYPE_FIELDS[body.type]]) {
			if (field !== 'isDefault' && body[field] !== undefined) config[field] = body[field];
		}
		if (body.type === 'bulksms') config.urlTemplate = BULKSMS_URL;
		return config;
	}

	private parameters(value: unknown): Parameter[] {
		if (!Array.isArray(value)) return [];
		return value
			.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
			.map((p) => ({
				key: String(p.key ?? ''),
				value: p.value === undefined || p.value === null ? null : String(p.value),
				header: p.header === true || p.header === 'true',
				encode: p.encode === true || p.encode === 'true',
				confidential: p.confidential === true || p.confidential === 'true',
			}));
	}
}

/**
 * SMSBox sender names: query_sender_names (GET, filters q and status) and
 * request_sender_name (POST; new names start `pending`, docs/gateways/smsbox.md#sender-names). The simulator's
 * POST /sim/config {senderNames: {NAME: status}} approves or rejects them.
 */
import type { SimContext } from '../../core/context';
import type { SimReply, SimRequest } from '../../core/http-io';
import { stringField } from '../../core/http-io';
import { checkSmsboxAuth } from './auth';
import { senderNameConflict, smsboxError, smsboxOk } from './replies';
import { readSmsboxBody } from './request-body';
import { sqlDateTime } from './schedule';

export type SenderNameStatus = 'approved' | 'rejected' | 'pending';
const STATUSES: SenderNameStatus[] = ['approved', 'rejected', 'pending'];

export interface SenderName {
	id: number;
	sendingName: string;
	sampleContent: string;
	status: SenderNameStatus;
	createdMs: number;
}

const NAME_PATTERN = /^[A-Za-z0-9 .-]{1,11}$/;
const SAMPLE_MIN = 15;
const SAMPLE_MAX = 170;

export class SenderNames {
	private names: SenderName[] = [];
	private nextId = 1;

	constructor(private readonly defaults: () => { name: string; createdMs: number }) {
		this.reset();
	}

	reset(): void {
		const { name, createdMs } = this.defaults();
		this.names = [
			{
				id: 1,
				sendingName: name,
				sampleContent: 'Default sender of the simulator account',
				status: 'approved',
				createdMs,
			},
		];
		this.nextId = 2;
	}

	/** Approved names are the only ones send_sms accepts as source_addr (code 111 otherwise). */
	isApproved(name: string): boolean {
		return this.names.some((n) => n.sendingName === name && n.status === 'approved');
	}

	find(name: string): SenderName | undefined {
		return this.names.find((n) => n.sendingName.toLowerCase() === name.toLowerCase());
	}

	add(
		name: string,
		sampleContent: string,
		status: SenderNameStatus,
		createdMs: number,
	): SenderName {
		const entry = { id: this.nextId++, sendingName: name, sampleContent, status, createdMs };
		this.names.push(entry);
		return entry;
	}

	/** From /sim/config: set the status of existing names, create unknown ones with that status. */
	setStatuses(statuses: Record<string, unknown>, nowMs: number): void {
		for (const [name, status] of Object.entries(statuses)) {
			if (!STATUSES.includes(status as SenderNameStatus)) {
				throw new Error(`senderNames.${name} must be approved, rejected or pending`);
			}
			const existing = this.find(name);
			if (existing) existing.status = status as SenderNameStatus;
			else this.add(name, '', status as SenderNameStatus, nowMs);
		}
	}

	list(): SenderName[] {
		return [...this.names];
	}
}

export function handleQuerySenderNames(
	ctx: SimContext,
	names: SenderNames,
	req: SimRequest,
): SimReply {
	const denied = checkSmsboxAuth(ctx, req, 'Authorization');
	if (denied) return denied;
	const q = (req.query.get('q') ?? '').toLowerCase();
	const status = req.query.get('status') ?? '';
	const data = names
		.list()
		.filter(
			(n) =>
				q === '' ||
				n.sendingName.toLowerCase().includes(q) ||
				n.sampleContent.toLowerCase().includes(q),
		)
		.filter((n) => status === '' || n.status === status)
		.map((n) => ({
			id: String(n.id),
			sending_name: n.sendingName,
			status: n.status,
			created: sqlDateTime(n.createdMs),
		}));
	// SMSBox's documented (docs/gateways/smsbox.md#sender-names) reply for this endpoint really says "Message Scheduled Successfully" (copied as documented).
	return smsboxOk('Message Scheduled Successfully', data);
}

export function handleRequestSenderName(
	ctx: SimContext,
	names: SenderNames,
	req: SimRequest,
): SimReply {
	const denied = checkSmsboxAuth(ctx, req, 'Authentication');
	if (denied) return denied;
	const read = readSmsboxBody(req);
	if (!read.ok) return smsboxError(113);
	const senderId = stringField(read.body.senderid) ?? '';
	const sample = stringField(read.body.sample_content);
	if (!NAME_PATTERN.test(senderId)) return senderNameConflict(121);
	if (names.find(senderId)) return senderNameConflict(122);
	if (sample === undefined || sample.trim() === '') return smsboxError(104);
	// SMSBox's documentation (docs/gateways/smsbox.md#sender-names) states the 15-character minimum without a code; inferred (docs/gateways/smsbox.md#sender-names): reported under 124 like the maximum.
	if (sample.length < SAMPLE_MIN)
		return senderNameConflict(124, 'Sender Name sample content should be minimum of 15 characters');
	if (sample.length > SAMPLE_MAX) return senderNameConflict(124);
	const entry = names.add(senderId, sample, 'pending', ctx.clock.now());
	return smsboxOk(`SenderID ${entry.id} created Successfully`, '[]');
}

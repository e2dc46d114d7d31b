/** Every message a gateway accepted: the truth behind GET /sim/messages. */
import type { MessageFilter, MessageRecord } from './types';

export type NewMessage = Omit<
	MessageRecord,
	'seq' | 'deliveredAt' | 'failureReason' | 'networkCode'
> &
	Partial<Pick<MessageRecord, 'deliveredAt' | 'failureReason' | 'networkCode'>>;

export class MessageStore {
	private records: MessageRecord[] = [];
	private readonly bySeq = new Map<number, MessageRecord>();
	private nextSeq = 1;

	add(message: NewMessage): MessageRecord {
		const record: MessageRecord = {
			deliveredAt: null,
			failureReason: null,
			networkCode: null,
			...message,
			seq: this.nextSeq++,
		};
		this.records.push(record);
		this.bySeq.set(record.seq, record);
		return record;
	}

	get(seq: number): MessageRecord | undefined {
		return this.bySeq.get(seq);
	}

	list(filter: MessageFilter = {}): MessageRecord[] {
		return this.records.filter(
			(r) =>
				(filter.gateway === undefined || r.gateway === filter.gateway) &&
				(filter.status === undefined || r.status === filter.status) &&
				(filter.id === undefined || r.id === filter.id) &&
				(filter.to === undefined || r.to === filter.to),
		);
	}

	/** Live records (not copies): callers in the simulator mutate status in place. */
	where(predicate: (record: MessageRecord) => boolean): MessageRecord[] {
		return this.records.filter(predicate);
	}

	get size(): number {
		return this.records.length;
	}

	clear(): void {
		this.records = [];
		this.bySeq.clear();
		this.nextSeq = 1;
	}
}

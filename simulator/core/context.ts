/** The shared services one simulator instance hands to its gateways and control API. */
import type { Accounts } from './accounts';
import { Balances } from './balances';
import { CallbackDispatcher } from './callbacks';
import { SimClock } from './clock';
import type { SimConfig } from './config';
import type { DeliveryService } from './delivery';
import { defaultConfig } from './config';
import { deriveSeed, Prng } from './prng';
import { MessageStore } from './store';
import { TimerRegistry } from './timers';
import type { MessageRecord } from './types';

export class SimContext {
	config: SimConfig = defaultConfig();
	readonly clock = new SimClock();
	readonly timers = new TimerRegistry();
	readonly store = new MessageStore();
	readonly balances = new Balances();
	readonly callbacks: CallbackDispatcher;
	/** Id generation has its own PRNG stream so it never shifts fault decisions. */
	ids: Prng;
	/** Set once by startSimulator, before the server accepts requests. */
	delivery!: DeliveryService;
	private acceptedListener: (records: MessageRecord[]) => void = () => undefined;

	constructor(
		readonly seed: number,
		readonly accounts: Accounts,
		readonly quiet: boolean,
	) {
		this.ids = new Prng(deriveSeed(seed, 1));
		this.callbacks = new CallbackDispatcher(
			this.timers,
			this.clock,
			() => this.config.callbackRetry,
		);
	}

	/** Gateways call this for messages now waiting for a delivery report ('sent'). */
	accepted(records: MessageRecord[]): void {
		if (records.length > 0) this.acceptedListener(records);
	}

	onAccepted(listener: (records: MessageRecord[]) => void): void {
		this.acceptedListener = listener;
	}

	resetIds(): void {
		this.ids = new Prng(deriveSeed(this.seed, 1));
	}

	log(message: string): void {
		if (!this.quiet) process.stdout.write(`[simulator] ${message}\n`);
	}
}

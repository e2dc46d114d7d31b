/** What Africa's Talking remembers between requests besides the accepted messages. */

export interface AtInboxMessage {
	/** Numeric id used by the fetch API's lastReceivedId (docs/gateways/africastalking.md#balance-inbox-and-subscriptions). */
	id: number;
	/** Id sent in the incoming-message callback (docs/gateways/africastalking.md#incoming-messages shows "ATSid_..."). */
	callbackId: string;
	linkId: string;
	text: string;
	to: string;
	from: string;
	date: string;
	networkCode: string;
}

export interface AtSubscription {
	id: number;
	phoneNumber: string;
	shortCode: string;
	keyword: string;
	date: string;
}

/** A checkout token from `POST /checkout/token/create`: for one phone number, for 10 minutes. */
export interface AtCheckoutToken {
	phoneNumber: string;
	expiresAt: number;
}

export class AtState {
	inbox: AtInboxMessage[] = [];
	subscriptions: AtSubscription[] = [];
	/** Checkout tokens by token, until used or expired. */
	checkoutTokens = new Map<string, AtCheckoutToken>();
	/** "senderId|phoneNumber" pairs from bulk opt-outs: later sends from that sender get 406. */
	optOuts = new Set<string>();
	/** Record seqs of premium replies whose linkId matched no incoming message. */
	invalidLinkIds = new Set<number>();
	nextInboxId = 1;
	nextSubscriptionId = 1;

	reset(): void {
		this.inbox = [];
		this.subscriptions = [];
		this.checkoutTokens.clear();
		this.optOuts.clear();
		this.invalidLinkIds.clear();
		this.nextInboxId = 1;
		this.nextSubscriptionId = 1;
	}

	isOptedOut(senderId: string, phoneNumber: string): boolean {
		return this.optOuts.has(`${senderId}|${phoneNumber}`);
	}
}

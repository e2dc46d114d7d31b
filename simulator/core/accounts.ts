/** The default accounts every gateway accepts out of the box (simulator/README.md#default-accounts). */
import { deriveSeed, Prng } from './prng';
import { generatePersonalAccessToken } from '../gateways/dhis2/token';

export interface Accounts {
	africasTalking: {
		username: string;
		apiKey: string;
		currency: string;
		/** Alphanumeric sender IDs registered to the account; `from` must be one of these or a short code. */
		senderIds: string[];
		shortCodes: string[];
		/** Premium keywords per short code (subscriptions, premium sends). */
		keywords: string[];
	};
	gupshup: {
		appId: string;
		appName: string;
		apiKey: string;
		currency: string;
		/** DLT sender IDs (India only; docs/gateways/gupshup.md#sending). */
		senderIds: string[];
	};
	smsBox: {
		apiKey: string;
		apiSecret: string;
		senderName: string;
		/** The two-way long code inbound messages are addressed to. */
		twoWayNumber: string;
		currency: string;
	};
	dhis2: {
		username: string;
		password: string;
		/** A valid V2 personal access token, generated from the seed at start. */
		personalAccessToken: string;
		userId: string;
		phoneNumber: string;
	};
	/** Kannel's sendsms user (the `username`/`password` query parameters). */
	kannel: { username: string; password: string };
	/** Twilio-style Basic auth: Account SID and Auth Token. */
	twilio: { accountSid: string; authToken: string; fromNumber: string };
}

export function createAccounts(seed: number): Accounts {
	const rng = new Prng(deriveSeed(seed, 99));
	return {
		africasTalking: {
			username: 'sandbox',
			apiKey: 'at-sim-key',
			currency: 'KES',
			senderIds: ['SIMSMS', 'AFRICASTKNG'],
			shortCodes: ['12345'],
			keywords: ['NEWS'],
		},
		gupshup: {
			appId: '4a1b2c3d-0000-4000-8000-000000000001',
			appName: 'SimApp',
			apiKey: 'gs-sim-key',
			currency: 'USD',
			senderIds: ['GSDSMS'],
		},
		smsBox: {
			apiKey: 'sb-sim-key',
			apiSecret: 'sb-sim-secret',
			senderName: 'SMSBOX',
			twoWayNumber: '255701000001',
			currency: 'TZS',
		},
		dhis2: {
			username: 'admin',
			password: 'district',
			personalAccessToken: generatePersonalAccessToken(rng),
			userId: 'M5zQapPyTZI',
			phoneNumber: '+4740000000',
		},
		kannel: { username: 'kannel-sim', password: 'kannel-sim-pass' },
		twilio: {
			accountSid: 'AC00000000000000000000000000000001',
			authToken: 'tw-sim-token',
			fromNumber: '+15005550006',
		},
	};
}

/** Starting balances (in each gateway's currency), restored by POST /sim/reset. */
export const DEFAULT_BALANCES = { africasTalking: 100000, gupshup: 1000, smsBox: 5000000 } as const;

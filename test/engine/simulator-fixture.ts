/**
 * One simulator per test file, on 127.0.0.1:0, and the credentials that point the package's four
 * credential types at it.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';

export interface SimFixture {
	sim: Simulator;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

export function useSimulator(): { get: () => SimFixture } {
	let fixture: SimFixture | undefined;
	beforeAll(async () => {
		const sim = await startSimulator({ port: 0, quiet: true, autoDeliverMs: null });
		fixture = { sim, credentials: simulatorCredentials(sim) };
	});
	afterAll(async () => {
		await fixture?.sim.stop();
	});
	beforeEach(async () => {
		await fixture?.sim.reset();
	});
	return {
		get: () => {
			if (!fixture) throw new Error('the simulator is not started');
			return fixture;
		},
	};
}

export function simulatorCredentials(sim: Simulator): Record<string, ICredentialDataDecryptedObject> {
	return {
		africasTalkingApi: {
			username: 'sandbox',
			apiKey: 'at-sim-key',
			environment: 'sandbox',
			baseUrl: sim.baseUrls.africastalking,
		},
		gupshupApi: { apiKey: 'gs-sim-key', appId: '4a1b2c3d-0000-4000-8000-000000000001', baseUrl: sim.baseUrls.gupshup },
		smsBoxApi: { apiKey: 'sb-sim-key', apiSecret: 'sb-sim-secret', baseUrl: sim.baseUrls.smsbox },
		dhis2Api: { serverUrl: sim.baseUrls.dhis2, authType: 'basic', username: 'admin', password: 'district', token: '' },
	};
}

/** Kenyan mobile numbers +2547110xxxxx, valid for libphonenumber's full metadata. */
export function kenyanNumbers(count: number, start = 0): string[] {
	return Array.from({ length: count }, (_, i) => `+25471${String(start + i).padStart(7, '0')}`);
}

/**
 * Brazilian mobile numbers +55 11 9xxxx-xxxx: Gupshup permits Brazil, Mexico, Colombia, Peru and
 * India, and India needs a registered sender, so Brazil keeps the tests about one thing.
 */
export function brazilianNumbers(count: number, start = 0): string[] {
	return Array.from({ length: count }, (_, i) => `+55119${String(87000000 + start + i)}`);
}

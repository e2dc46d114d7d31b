import type { Credentials } from '../../core/types';
import { joinUrl } from '../../helpers/url';

/** The seed's cURL uses plain http; integrators call the same host over https (providers.md §2.1). */
export const GUPSHUP_DEFAULT_BASE_URL = 'https://api.gupshup.io';

/** The credential's Base URL (a proxy or the simulator) replaces the public host. */
export function gupshupUrl(credentials: Credentials, path: string): string {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return joinUrl(override || GUPSHUP_DEFAULT_BASE_URL, path);
}

/** The app's UUID; it is part of the send path (`/sms/v1/message/{appid}`, seed S-GS). */
export function appId(credentials: Credentials): string {
	return String(credentials.appId ?? '').trim();
}

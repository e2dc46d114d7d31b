import type { Credentials } from '../../core/types';
import { joinUrl } from '../../helpers/url';

/** Gupshup's documented cURL uses plain http; integrators call the same host over https (docs/gateways/gupshup.md#sending). */
export const GUPSHUP_DEFAULT_BASE_URL = 'https://api.gupshup.io';

/** The credential's Base URL (a proxy or the simulator) replaces the public host. */
export function gupshupUrl(credentials: Credentials, path: string): string {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return joinUrl(override || GUPSHUP_DEFAULT_BASE_URL, path);
}

/** The app's UUID; it is part of the send path (`/sms/v1/message/{appid}`, docs/gateways/gupshup.md#sending). */
export function appId(credentials: Credentials): string {
	return String(credentials.appId ?? '').trim();
}

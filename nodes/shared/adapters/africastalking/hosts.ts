import type { Credentials } from '../../core/types';
import { joinUrl } from '../../helpers/url';

/**
 * Africa's Talking has a live host, a sandbox host and a content host for premium messages
 * (docs/gateways/africastalking.md#hosts-and-authentication). The credential's Base URL, when set, replaces all three.
 */
export function apiUrl(credentials: Credentials, path: string): string {
	return joinUrl(baseFor(credentials, 'https://api.africastalking.com'), path);
}

export function contentUrl(credentials: Credentials, path: string): string {
	// In the sandbox the SDKs send premium messages to the sandbox api host too.
	return joinUrl(baseFor(credentials, 'https://content.africastalking.com'), path);
}

function baseFor(credentials: Credentials, liveHost: string): string {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (override) return override;
	return credentials.environment === 'sandbox'
		? 'https://api.sandbox.africastalking.com'
		: liveHost;
}

export function username(credentials: Credentials): string {
	return String(credentials.username ?? '');
}

import type { Credentials } from '../../core/types';
import { joinUrl } from '../../helpers/url';

/** The server URL with its context path (for example `https://dhis2.example.org/40`). */
export function serverUrl(credentials: Credentials): string {
	return typeof credentials.serverUrl === 'string' ? credentials.serverUrl.trim() : '';
}

/**
 * `{server}/api{path}`, unversioned: DHIS2's documented `/api/26/…` is refused by every server since 2.32
 * (docs/gateways/dhis2.md#authentication-and-api-versions, "Versioned paths").
 */
export function dhis2ApiUrl(credentials: Credentials, path: string): string {
	return joinUrl(serverUrl(credentials), `/api${path.startsWith('/') ? path : `/${path}`}`);
}

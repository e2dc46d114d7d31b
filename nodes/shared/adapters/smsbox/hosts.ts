import type { Credentials } from '../../core/types';
import { joinUrl } from '../../helpers/url';

export const SMSBOX_DEFAULT_BASE_URL = 'https://smsbox.devotek.africa';

/** Every SMS endpoint lives under `/api/sms/v1/` (docs/gateways/smsbox.md#sending). */
export function smsBoxUrl(credentials: Credentials, endpoint: string): string {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return joinUrl(
		override || SMSBOX_DEFAULT_BASE_URL,
		`/api/sms/v1/${endpoint.replace(/^\/+/, '')}`,
	);
}

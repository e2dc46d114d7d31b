/**
 * The only door to libphonenumber-js in this package.
 *
 * n8n's cloud lint forbids importing libraries from shipped code, and runtime
 * dependencies are forbidden outright (docs/n8n-behaviour.md#what-a-community-package-may-ship).
 * The build bundles this one file with esbuild, so `dist` carries the phone
 * metadata inside and nothing else in `dist` imports a library.
 *
 * The "max" metadata validates real number patterns (not only lengths), which is
 * what lets an invalid number become a per-recipient error before anything is sent.
 */
export {
	isSupportedCountry,
	isValidPhoneNumber,
	ParseError,
	parsePhoneNumberWithError,
	validatePhoneNumberLength,
} from 'libphonenumber-js/max';
export type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';

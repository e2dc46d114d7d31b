/**
 * Phone-number plausibility shared by the gateways that refuse bad numbers
 * (AT 403 InvalidPhoneNumber, Gupshup 8004, SMSBox 101).
 *
 * inferred (docs/gateways/README.md#the-gateways-what-the-code-relies-on): no gateway documents its rule. Full libphonenumber validation would refuse the
 * documents' own examples (+22687161524 in the SMSBox's documentation (docs/gateways/smsbox.md#sending), 441735481364 and
 * 5535121332829 in the Gupshup seed), which the gateways obviously accept, so the
 * check is the strictest one those examples pass: a known country calling code and a
 * length that is possible for that country.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export interface ParsedNumber {
	/** E.164 digits without '+'. */
	digits: string;
	countryCallingCode: string;
}

/** `value` must be digits with or without one leading '+'; anything else is refused. */
export function parseInternational(value: string): ParsedNumber | null {
	if (!/^\+?[1-9]\d{6,14}$/.test(value)) return null;
	const digits = value.startsWith('+') ? value.slice(1) : value;
	const parsed = parsePhoneNumberFromString(`+${digits}`);
	if (!parsed || !parsed.isPossible()) return null;
	return { digits, countryCallingCode: parsed.countryCallingCode };
}

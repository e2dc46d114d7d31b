/**
 * Phone numbers in events. Gupshup writes E.164 digits without `+` (seed 001), SMSBox MSISDNs
 * without `+` (`255701000000`, seed 002), Africa's Talking `+254…` (seed 003). Events carry one
 * form, `+` and digits, which Send SMS takes back as is for a reply. Short codes (`12345`) and
 * anything that is not plain digits are kept as written.
 */

const INTERNATIONAL_DIGITS = /^\+?(\d{8,15})$/;

export function internationalNumber(value: string): string {
	const compact = value.trim().replace(/[\s-]/g, '');
	const match = INTERNATIONAL_DIGITS.exec(compact);
	return match ? `+${match[1]}` : value.trim();
}

/**
 * Phone numbers in events. Gupshup writes E.164 digits without `+` (docs/gateways/gupshup.md#webhook-callback-url), SMSBox MSISDNs
 * without `+` (`255701000000`, docs/gateways/smsbox.md#two-way-callback), Africa's Talking `+254…` (docs/gateways/africastalking.md#callbacks). Events carry one
 * form, `+` and digits, which Send SMS takes back as is for a reply. Short codes (`12345`) and
 * anything that is not plain digits are kept as written.
 */

const INTERNATIONAL_DIGITS = /^\+?(\d{8,15})$/;

export function internationalNumber(value: string): string {
	const compact = value.trim().replace(/[\s-]/g, '');
	const match = INTERNATIONAL_DIGITS.exec(compact);
	return match ? `+${match[1]}` : value.trim();
}

/** Which delivery outcome a number gets: the first matching rule, else the default. */
import type { SimConfig, OutcomeRule } from './config';
import type { DeliveryOutcome } from './types';

export interface ResolvedOutcome {
	outcome: DeliveryOutcome;
	failureReason: string | null;
	networkCode: string | null;
	gatewayStatus?: string;
	retryCount?: number;
}

function digitsOf(number: string): string {
	return number.replace(/[^\d]/g, '');
}

export function matches(
	rule: Pick<OutcomeRule, 'exact' | 'suffix' | 'prefix'>,
	number: string,
): boolean {
	const digits = digitsOf(number);
	if (rule.exact !== undefined && digitsOf(rule.exact) !== digits) return false;
	if (rule.suffix !== undefined && !digits.endsWith(digitsOf(rule.suffix))) return false;
	if (rule.prefix !== undefined && !digits.startsWith(digitsOf(rule.prefix))) return false;
	return true;
}

export function resolveOutcome(config: SimConfig, number: string): ResolvedOutcome {
	const rule = config.outcomes.rules.find((r) => matches(r, number));
	const outcome = rule ? rule.outcome : config.outcomes.default;
	return {
		outcome,
		failureReason:
			outcome === 'delivered' ? null : (rule?.failureReason ?? defaultFailureReason(outcome)),
		networkCode: rule?.networkCode ?? null,
		...(rule?.gatewayStatus !== undefined ? { gatewayStatus: rule.gatewayStatus } : {}),
		...(rule?.retryCount !== undefined ? { retryCount: rule.retryCount } : {}),
	};
}

/** The send-time refusal code for a number at a gateway, if a rule names one. */
export function sendRefusalCode(
	config: SimConfig,
	gateway: 'gupshup' | 'smsBox',
	number: string,
): number | undefined {
	return config.sendRefusals.find((r) => r.gateway === gateway && matches(r, number))?.code;
}

/** AT's catch-all failure reason (docs/gateways/africastalking.md#delivery-reports: DeliveryFailure, "in sandbox too"). */
export function defaultFailureReason(outcome: DeliveryOutcome): string | null {
	if (outcome === 'failed') return 'DeliveryFailure';
	if (outcome === 'rejected') return 'UserInBlackList';
	return null;
}

/** Whether a number is on the blacklist (compared digit by digit, '+' optional). */
export function isBlacklisted(config: SimConfig, number: string): boolean {
	const digits = digitsOf(number);
	return config.blacklist.some((entry) => digitsOf(entry) === digits);
}

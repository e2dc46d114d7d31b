// Former implementation (commit 9a2b6d9, before Send SMS built its output without intermediate
// copies), kept unchanged except for import paths, only for output-differential.test.ts.
/**
 * Turns the node's input (numbers as users type them, texts, sender IDs) into messages a gateway
 * can take, before anything is sent. Every problem found here belongs to one recipient and is
 * reported on that recipient; it never stops the others.
 */
import type { GatewayAdapter, SendCapability } from '../../../../nodes/shared/core/adapter';
import { errorInfo } from '../../../../nodes/shared/core/errors';
import type {
	GatewayErrorInfo,
	OutgoingMessage,
	RecipientResult,
	SendOptions,
} from '../../../../nodes/shared/core/types';
import { normalizePhoneNumber, parseRecipientList } from '../../../../nodes/shared/helpers/phone';
import { replaceLookAlikes } from '../../../../nodes/shared/helpers/gsm-lookalikes';
import { analyzeText } from '../../../../nodes/shared/helpers/segments';

/** SMSBox's documented placeholder; the node offers it on every gateway. */
export const RECIPIENT_NAME_PLACEHOLDER = '[{RECEIVERNAME}]';

export type EncodingPolicy = 'auto' | 'replaceLookAlikes' | 'gsm7Only';

export interface SendInput {
	itemIndex: number;
	to: unknown;
	message: string;
	from?: string;
	recipientName?: string;
	/** Schedule time, premium fields: they travel with each message. */
	options?: SendOptions;
}

export interface PlanOptions {
	defaultCountry?: string;
	deduplicate: boolean;
	encodingPolicy: EncodingPolicy;
}

/** One output row of the run: either a message to send, or a result already decided. */
export type PlanEntry =
	| { kind: 'send'; message: OutgoingMessage }
	| { kind: 'decided'; result: RecipientResult; itemIndex: number };

export interface SendPlan {
	entries: PlanEntry[];
	messages: OutgoingMessage[];
}

export function planSend(
	adapter: GatewayAdapter,
	inputs: SendInput[],
	options: PlanOptions,
): SendPlan {
	const send = adapter.send;
	if (!send) throw new Error(`${adapter.displayName} cannot send SMS`);
	const entries: PlanEntry[] = [];
	const messages: OutgoingMessage[] = [];
	const firstSeen = new Map<string, number>();

	for (const input of inputs) {
		const numbers = parseRecipientList(input.to);
		if (numbers.length === 0) {
			entries.push(decided(adapter, input, '', 'invalid', noRecipient(input)));
			continue;
		}
		const text = prepareText(send, input, options.encodingPolicy);
		for (const raw of numbers) {
			const ref = entries.length;
			if ('error' in text) {
				entries.push(decided(adapter, input, raw, 'invalid', text.error, undefined, text.analysis));
				continue;
			}
			const phone = normalizePhoneNumber(raw, { defaultCountry: options.defaultCountry });
			if (!phone.ok) {
				entries.push(
					decided(
						adapter,
						input,
						raw,
						'invalid',
						errorInfo(
							'INVALID_NUMBER',
							phone.reason,
							`Item ${input.itemIndex + 1}: check the number. Local numbers need the "Default Country" option; international ones need their country code.`,
						),
						undefined,
						text.analysis,
					),
				);
				continue;
			}
			const message: OutgoingMessage = {
				ref,
				itemIndex: input.itemIndex,
				input: raw,
				e164: phone.e164,
				text: text.text,
				sender: input.from || undefined,
				encoding: text.analysis.encoding,
				segments: text.analysis.segments,
				options: input.options ?? {},
			};
			if (text.template) message.template = text.template;

			const problem = send.check?.(message, message.options);
			if (problem) {
				entries.push(decided(adapter, input, raw, 'invalid', problem, phone.e164, text.analysis));
				continue;
			}
			if (options.deduplicate) {
				const key = `${message.e164}\u0000${message.sender ?? ''}\u0000${message.text}\u0000${message.options.scheduleAt ?? ''}`;
				const first = firstSeen.get(key);
				if (first !== undefined) {
					entries.push(
						decided(
							adapter,
							input,
							raw,
							'invalid',
							duplicate(first, entries),
							phone.e164,
							text.analysis,
						),
					);
					continue;
				}
				firstSeen.set(key, ref);
			}
			entries.push({ kind: 'send', message });
			messages.push(message);
		}
	}
	return { entries, messages };
}

interface PreparedText {
	text: string;
	template?: { text: string; recipientName: string };
	analysis: ReturnType<typeof analyzeText>;
}

function prepareText(
	send: SendCapability,
	input: SendInput,
	policy: EncodingPolicy,
): PreparedText | { error: GatewayErrorInfo; analysis?: ReturnType<typeof analyzeText> } {
	let template = String(input.message ?? '');
	if (template.trim() === '') {
		return {
			error: errorInfo(
				'EMPTY_MESSAGE',
				'The message is empty',
				`Item ${input.itemIndex + 1}: give the text to send.`,
			),
		};
	}
	const unicodeAllowed = send.limits.unicode && policy !== 'gsm7Only';
	if (policy === 'replaceLookAlikes' && analyzeText(template).encoding === 'UCS-2') {
		template = replaceLookAlikes(template).text;
	}
	const name = input.recipientName ?? '';
	const text = template.split(RECIPIENT_NAME_PLACEHOLDER).join(name);
	const analysis = analyzeText(text);

	if (analysis.encoding === 'UCS-2' && !unicodeAllowed) {
		const characters = analysis.nonGsmCharacters.map((c) => `"${c}"`).join(', ');
		const why = send.limits.unicode
			? 'The "Encoding" option is set to GSM-7 only.'
			: 'This gateway accepts plain GSM-7 text only (no Unicode).';
		return {
			error: errorInfo(
				'UNICODE_NOT_SUPPORTED',
				`The message contains characters outside GSM-7: ${characters}`,
				`Item ${input.itemIndex + 1}: ${why} Remove those characters, or set "Encoding" to "Replace Look-Alikes" to turn curly quotes, dashes and similar characters into plain ones.`,
			),
			analysis,
		};
	}
	const limit = send.limits.maxLength;
	if (limit) {
		const measured = limit.unit === 'utf16' ? text.length : analysis.segments;
		if (measured > limit.max) {
			const unit = limit.unit === 'utf16' ? 'characters' : 'SMS parts';
			return {
				error: errorInfo(
					'MESSAGE_TOO_LONG',
					`The message is ${measured} ${unit} long; this gateway takes at most ${limit.max}`,
					`Item ${input.itemIndex + 1}: shorten the text to ${limit.max} ${unit} or fewer.`,
				),
				analysis,
			};
		}
	}
	const prepared: PreparedText = { text, analysis };
	if (send.limits.nativePersonalisation && template.includes(RECIPIENT_NAME_PLACEHOLDER)) {
		prepared.template = { text: template, recipientName: name };
	}
	return prepared;
}

function decided(
	adapter: GatewayAdapter,
	input: SendInput,
	raw: string,
	status: RecipientResult['status'],
	error: GatewayErrorInfo,
	e164?: string,
	analysis?: ReturnType<typeof analyzeText>,
): PlanEntry {
	return {
		kind: 'decided',
		itemIndex: input.itemIndex,
		result: {
			gateway: adapter.id,
			status,
			to: e164 ?? '',
			input: raw,
			messageId: null,
			segments: analysis?.segments ?? 0,
			encoding: analysis?.encoding ?? 'GSM-7',
			cost: null,
			currency: null,
			sender: input.from || null,
			scheduledAt: null,
			error,
		},
	};
}

function noRecipient(input: SendInput): GatewayErrorInfo {
	return errorInfo(
		'NO_RECIPIENT',
		'No phone number was given',
		`Item ${input.itemIndex + 1}: "To" is empty. Give one number, a comma-separated list or an array.`,
	);
}

function duplicate(firstRef: number, entries: PlanEntry[]): GatewayErrorInfo {
	const first = entries[firstRef];
	const item = first && first.kind === 'send' ? first.message.itemIndex + 1 : firstRef + 1;
	return errorInfo(
		'DUPLICATE_RECIPIENT',
		'The same message to the same number is already in this run',
		`Sent once, with item ${item}. Turn off "Deduplicate Recipients" to send it again.`,
	);
}

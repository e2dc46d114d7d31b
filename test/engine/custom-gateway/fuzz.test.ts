/**
 * Safety of the Custom HTTP Gateway's requests: hostile messages, senders and numbers (quotes, &, =,
 * newlines, {{ and }}, placeholders, %, +, unicode, JSON specials) sent in every body kind (form,
 * JSON by parameter names, JSON template, query string, one recipient per form post) arrive at the
 * simulator exactly as given, each in its own parameter: the simulator parses what it received, and
 * the test compares its records with the input. Nothing leaks from one parameter to another: no extra
 * recipient, no changed text or sender.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { sendCustom, shippedProfile } from '../../fixtures/custom-gateway';
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';
import type { Simulator } from '../../../simulator';

const fx = useSimulator();

const FRAGMENTS = [
	'"',
	"'",
	'&',
	'=',
	'&to=+254799999999',
	'&text=x',
	'\n',
	'\r\n',
	'\t',
	'{{',
	'}}',
	'{{to}}',
	'{{ message }}',
	'{{from}}',
	'{{ $json.phone }}',
	'%',
	'%26',
	'%0A',
	'+',
	'#',
	'?',
	'/',
	'\\',
	'\\"',
	'\\u0022',
	'",',
	'"}',
	'{"to":"+254799999999"}',
	'[',
	']',
	',',
	';',
	' ',
	'é',
	'ß',
	'中文',
	'😀',
	'🇰🇪',
	'ÿ',
	'\u00a0',
	'<script>',
	'</x>',
	'null',
	'true',
	'0: Accepted for delivery',
];

function prng(seed: number): () => number {
	let state = seed % 2147483647 || 1;
	return () => {
		state = (state * 16807) % 2147483647;
		return (state - 1) / 2147483646;
	};
}

/** A hostile text, framed by letters so no input is blank or starts or ends with whitespace. */
function hostile(random: () => number, maxFragments: number): string {
	const count = 1 + Math.floor(random() * maxFragments);
	let text = 'A';
	for (let i = 0; i < count; i++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
	return `${text}Z`;
}

type Kind =
	| 'form (joined)'
	| 'json (names)'
	| 'json (template)'
	| 'query (Kannel)'
	| 'form (one, Twilio)';

function profileFor(
	kind: Kind,
	sim: Simulator,
): { profile: ICredentialDataDecryptedObject; gateway: string; hostileSender: boolean } {
	const at = shippedProfile('africastalking-simulator', sim);
	switch (kind) {
		case 'form (joined)':
			return { profile: at, gateway: 'africasTalking', hostileSender: false };
		case 'json (names)':
			return {
				profile: {
					...at,
					sendPath: '/version1/messaging/bulk',
					bodyFormat: 'json',
					recipientParameter: 'phoneNumbers',
					senderParameter: 'senderId',
					recipientsPerRequest: 'array',
				},
				gateway: 'africasTalking',
				hostileSender: false,
			};
		case 'json (template)':
			return {
				profile: {
					...at,
					sendPath: '/version1/messaging/bulk',
					bodyFormat: 'json',
					extraParameters: '{}',
					jsonTemplate:
						'{"username": "sandbox", "phoneNumbers": "{{to}}", "message": "{{message}}", "senderId": "{{from}}"}',
					recipientsPerRequest: 'array',
				},
				gateway: 'africasTalking',
				hostileSender: false,
			};
		case 'query (Kannel)':
			return { profile: shippedProfile('kannel', sim), gateway: 'kannel', hostileSender: true };
		case 'form (one, Twilio)':
			return { profile: shippedProfile('twilio', sim), gateway: 'twilio', hostileSender: true };
	}
}

const KINDS: Kind[] = [
	'form (joined)',
	'json (names)',
	'json (template)',
	'query (Kannel)',
	'form (one, Twilio)',
];

describe.each(KINDS)('hostile input in the %s body', (kind) => {
	it.each([11, 12, 13])('arrives parameter for parameter as given (seed %i)', async (seed) => {
		const random = prng(seed * 7 + KINDS.indexOf(kind));
		const { sim } = fx.get();
		const { profile, gateway, hostileSender } = profileFor(kind, sim);
		const numbers = kenyanNumbers(30, seed * 100);
		const items: IDataObject[] = numbers.map((phone, i) => ({
			phone:
				i % 3 === 0
					? `${phone}`
					: i % 3 === 1
						? phone.replace('+254', '+254 ')
						: `00${phone.slice(1)}`,
			text: hostile(random, 8),
			from: hostileSender ? hostile(random, 3) : 'SIMSMS',
		}));
		const { json, run } = await sendCustom({
			profile,
			message: '={{ $json.text }}',
			from: '={{ $json.from }}',
			items,
		});
		expect(run.status).toBe('success');
		expect(json.map((j) => j.status)).toEqual(items.map(() => 'accepted'));
		const stored = sim.messages({ gateway: gateway as 'kannel' });
		expect(stored).toHaveLength(items.length);
		const got = stored
			.map((m) => ({ to: m.to, text: m.text, sender: m.sender }))
			.sort((a, b) => a.to.localeCompare(b.to));
		const want = numbers
			.map((to, i) => ({ to, text: items[i].text, sender: items[i].from }))
			.sort((a, b) => a.to.localeCompare(b.to));
		expect(got).toEqual(want);
	});
});

describe('hostile numbers', () => {
	it('are invalid or normalised before any request, so none adds a recipient or a parameter', async () => {
		const { sim } = fx.get();
		const inputs = [
			'+254711000001&to=+254799999999',
			'+254711000002 +254799999998',
			'+254711000003"',
			'+254711000004|+254799999997',
			// Comma, semicolon and new line separate a list in the To field (its documented syntax): two recipients.
			'+254711000008;+254711000009',
			'{{to}}',
			'+254711000005%26text=x',
			'+254 711 000 006',
			'=+254711000007',
		];
		const { json } = await sendCustom({
			profile: shippedProfile('kannel', sim),
			message: 'Hi',
			items: inputs.map((phone) => ({ phone })),
			onError: 'continueRegularOutput',
		});
		const sent = json.filter((j) => j.status === 'accepted').map((j) => j.to);
		const stored = sim.messages({ gateway: 'kannel' }).map((m) => m.to);
		expect(stored.sort()).toEqual([...sent].sort());
		for (const to of stored) expect(to).toMatch(/^\+\d{8,15}$/);
		expect(stored).not.toContain('+254799999999');
		expect(stored).not.toContain('+254799999998');
		expect(stored).not.toContain('+254799999997');
		expect(stored).toEqual(
			expect.arrayContaining(['+254711000006', '+254711000008', '+254711000009']),
		);
		expect(json.every((j) => ['accepted', 'invalid'].includes(String(j.status)))).toBe(true);
	});
});

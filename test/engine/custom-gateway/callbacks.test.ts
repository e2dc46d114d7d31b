/**
 * A delivery report of the simulator's Twilio-style gateway, read by a Custom HTTP Gateway callback
 * mapping: Send SMS (Twilio profile, with the StatusCallback as a fixed extra parameter) sends, the
 * simulator posts its form status callbacks to a capture server on loopback, and each is parsed into
 * a delivery report whose messageId is the one Send SMS returned.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { parseWithProfile } from '../../../nodes/shared/adapters/http-gateway/webhooks';
import { sendCustom, shippedProfile } from '../../fixtures/custom-gateway';
import { kenyanNumbers, useSimulator } from '../../fixtures/simulator';

const fx = useSimulator();

const MAPPING = {
	callbackNumberPath: 'To',
	callbackMessageIdPath: 'MessageSid',
	callbackStatusPath: 'MessageStatus',
	callbackFailurePath: 'ErrorCode',
	callbackStatusValues:
		'{"delivered": ["delivered"], "failed": ["failed", "undelivered"], "sent": ["sent", "queued"]}',
};

describe('Twilio-style status callbacks read by a profile mapping', () => {
	let server: http.Server;
	const bodies: string[] = [];
	let url = '';

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => {
				bodies.push(body);
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`;
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	it('turns each callback into a delivery report for the message ID Send SMS returned', async () => {
		const numbers = [kenyanNumbers(1, 5)[0], '+254711110000'];
		const { json } = await sendCustom({
			profile: {
				...shippedProfile('twilio', fx.get().sim),
				extraParameters: JSON.stringify({ StatusCallback: url }),
			},
			message: 'Hello',
			from: '+15005550006',
			items: numbers.map((phone) => ({ phone })),
		});
		expect(json.map((j) => j.status)).toEqual(['accepted', 'accepted']);
		await fx.get().sim.deliver({ gateway: 'twilio' });

		const events = bodies.map((body) => {
			const fields = Object.fromEntries(new URLSearchParams(body));
			const result = parseWithProfile(
				MAPPING,
				{ headers: {}, query: {}, body: { kind: 'form', fields } },
				{ receivedAtMs: Date.now() },
			);
			if (!result.ok) throw new Error(result.rejection.message);
			return result.event;
		});
		const byId = Object.fromEntries(events.map((e) => [(e as { messageId: string }).messageId, e]));
		expect(byId[String(json[0].messageId)]).toMatchObject({
			eventType: 'deliveryReport',
			status: 'delivered',
			final: true,
			to: numbers[0],
		});
		// The simulator's default rule fails numbers ending in 0000.
		expect(byId[String(json[1].messageId)]).toMatchObject({
			status: 'failed',
			gatewayStatus: 'undelivered',
			failureReason: '30003',
		});
	});
});

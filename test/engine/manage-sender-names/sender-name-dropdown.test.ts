/**
 * The approved SMSBox sender names as a dropdown (loadOptions) in Send SMS and Change Scheduled SMS,
 * listed through the same adapter capability as Manage Sender Names.
 */
import { SendSms } from '../../../nodes/SendSms/SendSms.node';
import { send } from '../../fixtures/send-sms';
import { useSimulator } from '../../fixtures/simulator';
import { loadOptions } from '../../fixtures/load-options';

const fx = useSimulator();

describe("Send SMS's From field", () => {
	const fromFields = new SendSms().description.properties.filter((p) => p.name === 'from');

	it('is a dropdown of approved names for SMSBox, and stays a text field for the other gateways', () => {
		const dropdown = fromFields.find((p) => p.type === 'options');
		const text = fromFields.find((p) => p.type === 'string');
		expect(dropdown?.typeOptions).toMatchObject({
			loadOptionsMethod: 'getApprovedSenderNames',
			loadOptionsDependsOn: ['gateway'],
		});
		expect(dropdown?.displayOptions).toEqual({ show: { gateway: ['smsBox'] } });
		// An options field without noDataExpression still takes an expression.
		expect(dropdown?.noDataExpression).toBeFalsy();
		expect(text?.displayOptions).toEqual({ hide: { gateway: ['dhis2', 'smsBox'] } });
	});

	it('offers only approved names, sorted', async () => {
		fx.get().sim.configure({
			senderNames: { ZULU: 'approved', CLINIC: 'pending', OLDNAME: 'rejected', ALPHA: 'approved' },
		});
		const options = await loadOptions(
			'sendSms',
			'getApprovedSenderNames',
			{ gateway: 'smsBox' },
			fx.get().credentials,
		);
		expect(options).toEqual([
			{ name: 'ALPHA', value: 'ALPHA' },
			{ name: 'SMSBOX', value: 'SMSBOX' },
			{ name: 'ZULU', value: 'ZULU' },
		]);
		expect(
			fx.get().sim.stats().requests.byGateway.smsBox.byEndpoint[
				'GET /api/sms/v1/query_sender_names'
			],
		).toBe(1);
	});

	it("shows SMSBox's refusal of the credentials in the dropdown", async () => {
		const credentials = {
			...fx.get().credentials,
			smsBoxApi: { ...fx.get().credentials.smsBoxApi, apiSecret: 'wrong' },
		};
		await expect(
			loadOptions('sendSms', 'getApprovedSenderNames', { gateway: 'smsBox' }, credentials),
		).rejects.toThrow('Invalid Authorization Parameters');
	});

	it('still sends from a name chosen in the dropdown or given by an expression', async () => {
		fx.get().sim.configure({ senderNames: { CLINIC: 'approved' } });
		const chosen = await send(fx.get(), {
			gateway: 'smsBox',
			to: '+255700000001',
			message: 'Hi',
			from: 'CLINIC',
		});
		const expressed = await send(fx.get(), {
			gateway: 'smsBox',
			to: '+255700000002',
			message: 'Hi',
			from: '={{ $json.sender }}',
			items: [{ sender: 'SMSBOX' }],
		});
		expect([chosen.json[0].sender, expressed.json[0].sender]).toEqual(['CLINIC', 'SMSBOX']);
		expect(
			fx
				.get()
				.sim.messages({ gateway: 'smsBox' })
				.map((m) => m.sender)
				.sort(),
		).toEqual(['CLINIC', 'SMSBOX']);
	});
});

describe("Change Scheduled SMS's New Sender Name field", () => {
	it('lists the same approved names', async () => {
		fx.get().sim.configure({ senderNames: { CLINIC: 'approved', WAITING: 'pending' } });
		const options = await loadOptions(
			'changeScheduledSms',
			'getApprovedSenderNames',
			{ gateway: 'smsBox', operation: 'edit' },
			fx.get().credentials,
		);
		expect(options.map((o) => o.value)).toEqual(['CLINIC', 'SMSBOX']);
	});
});

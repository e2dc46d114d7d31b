/**
 * Callback payloads copied from the gateway documents (the seeds) and providers.md, byte for byte
 * where the document gives a body. Shared by the parser unit tests and the trigger engine tests.
 */

/** Seed 003 (Africa's Talking), the `curl -d` bodies of each webhook, joined as curl sends them. */
export const AT = {
	twoWay:
		'linkId=SampleLinkId123&text=Hello&to=12345&id=ATSid_123&date=2026-03-04+10:30:00&from=%2B254711000111',
	deliveryReport:
		'id=ATXid_123&status=Success&phoneNumber=%2B254711XXXYYY&networkCode=63902&failureReason=&retryCount=0',
	optOut: 'senderId=MyBrand&phoneNumber=%2B254711XXXYYY',
	subscription: 'phoneNumber=%2B254711000111&shortCode=12345&keyword=NEWS&updateType=addition',
	contentType: 'application/x-www-form-urlencoded',
};

/** A delivery report for the given AT status and failure reason (fields of providers.md §1.5). */
export function atDeliveryReport(
	status: string,
	failureReason = '',
	retryCount = '0',
	id = 'ATXid_123',
): string {
	return new URLSearchParams({
		id,
		status,
		phoneNumber: '+254711000111',
		networkCode: '63902',
		failureReason,
		retryCount,
	}).toString();
}

/** Seed 001 (Gupshup), "Inbound events", with each documented status. */
export function gupshupEvent(status: string, ts = '1633074677239'): string {
	return `{
"destination": "5535121332829",
"messageId": "6a5a9990-80b3-4a2e-9d37-6442261095a9",
"ts": "${ts}",
"status": "${status}"
}`;
}

/**
 * The one public Gupshup inbound shape (providers.md §2.1, the WhatsApp inbound example of
 * docs.gupshup.io/docs/inbound-messages), which the simulator also posts for SMS.
 */
export const GUPSHUP_INBOUND = JSON.stringify({
	app: 'DemoApp',
	timestamp: 1580227766370,
	version: 2,
	type: 'message',
	payload: {
		id: 'ABEGkYaYVSEEAhAL3SLAWwHKeKrt6s3FKB0c',
		source: '918x98xx21x4',
		type: 'text',
		payload: { text: 'Hi' },
		sender: { phone: '918898772114', name: 'Smit', country_code: '91', dial_code: '8898772114' },
	},
});

/** Seed 002 (SMSBox) two-way callback sample, with the seed's single quotes made JSON. */
export const SMSBOX_CALLBACK = `{
   "from": "255701000000",
   "to": "255701000001",
   "channel": "sms",
   "timeUTC": "Wed, 14 Jun 2017 07:00:00 GMT" ,
   "transaction_id": "120a1039103910",
   "message": {
    "text": "Test message",
    "media": { "mediaUrl": "" },
    "custom": { }
  },
   "billing": {
   "currency":"TZS",
    "subscriber_price":"100.00",
    "billing_price":"100.00"
  }
}`;

/** Seed 000 (DHIS2) §1.52.2 JSON example (its fragment completed into an object). */
export const DHIS2_INBOUND = `{
  "text": "sample text",
  "originator": "47XXXXXXXX",
  "gatewayid": "unknown",
  "receiveddate": "2016-05-01",
  "smsencoding": "1"
}`;

/** The query-parameter form of DHIS2's /api/sms/inbound (providers.md §4.3: `receivedTime`). */
export const DHIS2_QUERY = {
	originator: '47XXXXXXXX',
	message: 'text',
	gateway: 'unknown',
	receivedTime: '2016-05-01',
};

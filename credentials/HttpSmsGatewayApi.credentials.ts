import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The Custom HTTP Gateway: one credential holds the whole profile of a provider's HTTP API (where
 * it lives, how it authenticates, how a send is written and how its reply is read), so any gateway
 * works without code. The adapter (nodes/shared/adapters/http-gateway) reads and checks the profile
 * when a node runs. Secrets are applied here, by `authenticate`, inside n8n's request helper: the
 * adapter never places them, so they never appear in its requests, outputs or errors.
 */
export class HttpSmsGatewayApi implements ICredentialType {
	name = 'httpSmsGatewayApi';

	displayName = 'Custom HTTP SMS Gateway API';

	icon: Icon = {
		light: 'file:../icons/http-gateway.svg',
		dark: 'file:../icons/http-gateway.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-sms-gateways/n8n-nodes-sms-gateways#any-other-gateway';

	properties: INodeProperties[] = [
		{
			displayName:
				'Describe your provider\'s HTTP API once here. Ready-made profiles (Kannel, Twilio-style, Africa\'s Talking, SMSBox) are in the package README under "Any other gateway".',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Gateway Name',
			name: 'gatewayName',
			type: 'string',
			default: '',
			placeholder: 'My SMS provider',
			description: 'Optional. Used in messages and errors instead of "Custom HTTP Gateway".',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://sms.example.com',
			description: 'The start of every request URL; the paths below are added to it',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'Basic Auth', value: 'basicAuth' },
				{ name: 'Header', value: 'headerAuth' },
				{ name: 'Query Parameter', value: 'queryAuth' },
			],
			default: 'none',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
		{
			displayName: 'Header Name',
			name: 'authHeaderName',
			type: 'string',
			default: 'Authorization',
			displayOptions: { show: { authentication: ['headerAuth'] } },
		},
		{
			displayName: 'Header Value',
			name: 'authHeaderSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'Bearer …',
			displayOptions: { show: { authentication: ['headerAuth'] } },
		},
		{
			displayName: 'Query Parameter Name',
			name: 'authQueryName',
			type: 'string',
			default: 'api_key',
			displayOptions: { show: { authentication: ['queryAuth'] } },
		},
		{
			displayName: 'Query Parameter Value',
			name: 'authQuerySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['queryAuth'] } },
		},
		{
			displayName: 'Confidential Parameters',
			name: 'secretParameters',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: '{"username": "…", "password": "…"}',
			description:
				'Optional. Secret parameters as a JSON object, sent with every request: in the query string of a GET, otherwise beside the send parameters (form or JSON body). Stored encrypted and never shown in outputs or errors.',
		},
		{
			displayName: 'Send Method',
			name: 'sendMethod',
			type: 'options',
			options: [
				{ name: 'POST', value: 'POST' },
				{ name: 'GET', value: 'GET' },
				{ name: 'PUT', value: 'PUT' },
			],
			default: 'POST',
		},
		{
			displayName: 'Send Path',
			name: 'sendPath',
			type: 'string',
			default: '/send',
			placeholder: '/cgi-bin/sendsms',
			description: 'Added to the Base URL to send a message',
		},
		{
			displayName: 'Send Parameters In',
			name: 'bodyFormat',
			type: 'options',
			options: [
				{ name: 'Form Body (x-www-form-urlencoded)', value: 'form' },
				{ name: 'JSON Body', value: 'json' },
				{ name: 'Query String', value: 'query' },
			],
			default: 'form',
			description:
				'Where the recipient, message and sender go. A GET always uses the query string.',
		},
		{
			displayName: 'Recipient Parameter',
			name: 'recipientParameter',
			type: 'string',
			default: 'to',
		},
		{
			displayName: 'Message Parameter',
			name: 'messageParameter',
			type: 'string',
			default: 'message',
		},
		{
			displayName: 'Sender Parameter',
			name: 'senderParameter',
			type: 'string',
			default: 'from',
			description:
				'Leave empty when the gateway takes no sender; an empty "From" sends no sender parameter',
		},
		{
			displayName: 'JSON Body Template',
			name: 'jsonTemplate',
			type: 'json',
			default: '',
			placeholder: '{"messages": [{"to": "{{to}}", "text": "{{message}}", "from": "{{from}}"}]}',
			description:
				'Optional. The JSON body with the placeholders {{to}}, {{message}} and {{from}}, for a body the three parameter names cannot describe. Values are escaped for JSON, so a message cannot change the body. A string that is exactly "{{to}}" becomes the array of recipients when Recipients per Request is "JSON Array".',
			displayOptions: { show: { bodyFormat: ['json'] } },
		},
		{
			displayName: 'Fixed Extra Parameters',
			name: 'extraParameters',
			type: 'json',
			default: '{}',
			description:
				'Parameters sent unchanged with every message, as a JSON object (for example {"type": "text"})',
		},
		{
			displayName: 'Recipients per Request',
			name: 'recipientsPerRequest',
			type: 'options',
			options: [
				{ name: 'One', value: 'one' },
				{ name: 'Several, Joined by a Separator', value: 'joined' },
				{ name: 'JSON Array', value: 'array' },
			],
			default: 'one',
		},
		{
			displayName: 'Recipient Separator',
			name: 'recipientSeparator',
			type: 'string',
			default: ',',
			displayOptions: { show: { recipientsPerRequest: ['joined'] } },
		},
		{
			displayName: 'Recipient Item Template',
			name: 'recipientTemplate',
			type: 'json',
			default: '',
			placeholder: '{"dest_addr": "{{to}}"}',
			description:
				'Optional. The shape of one recipient in the JSON array, when the gateway wants objects instead of plain numbers.',
			displayOptions: { show: { recipientsPerRequest: ['array'] } },
		},
		{
			displayName: 'Max Recipients per Request',
			name: 'maxRecipients',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 100,
			displayOptions: { show: { recipientsPerRequest: ['joined', 'array'] } },
		},
		{
			displayName: 'Number Format',
			name: 'numberFormat',
			type: 'options',
			options: [
				{ name: 'International With + (+254711000001)', value: 'plusE164' },
				{ name: 'International Digits (254711000001)', value: 'digitsE164' },
			],
			default: 'plusE164',
		},
		{
			displayName: 'Success HTTP Statuses',
			name: 'successStatuses',
			type: 'string',
			default: '200-299',
			description: 'Statuses and ranges that can mean success, for example 200-299 or 200,202',
		},
		{
			displayName: 'Success Field Path',
			name: 'successPath',
			type: 'string',
			default: '',
			placeholder: 'status',
			description:
				'Optional. A JSON path in the reply that must hold the Success Value (for example status or data.code).',
		},
		{
			displayName: 'Success Value',
			name: 'successValue',
			type: 'string',
			default: '',
			placeholder: 'ok',
			description: 'The value at the Success Field Path that means the message was accepted',
		},
		{
			displayName: 'Success Text Prefixes',
			name: 'successTextPrefixes',
			type: 'string',
			default: '',
			placeholder: '0:,3:',
			description:
				'Optional, for plain-text replies. Comma-separated beginnings that mean accepted (Kannel: 0:,3:).',
		},
		{
			displayName: 'Message ID Path',
			name: 'messageIdPath',
			type: 'string',
			default: '',
			placeholder: 'id',
			description: "Optional. The JSON path of the gateway's message ID in the reply.",
		},
		{
			displayName: 'Error Message Path',
			name: 'errorMessagePath',
			type: 'string',
			default: '',
			placeholder: 'error.message',
			description: "Optional. The JSON path of the gateway's error message in a refusal.",
		},
		{
			displayName: 'Per-Recipient Results Path',
			name: 'resultsPath',
			type: 'string',
			default: '',
			placeholder: 'data.recipients',
			description: 'Optional. The JSON path of an array with one result per recipient.',
		},
		{
			displayName: 'Result Number Path',
			name: 'resultNumberPath',
			type: 'string',
			default: '',
			placeholder: 'number',
			description:
				'Optional. Where each result names its number; without it, results are matched by position.',
			displayOptions: { hide: { resultsPath: [''] } },
		},
		{
			displayName: 'Result Status Path',
			name: 'resultStatusPath',
			type: 'string',
			default: '',
			placeholder: 'status',
			displayOptions: { hide: { resultsPath: [''] } },
		},
		{
			displayName: 'Result Accepted Values',
			name: 'resultAcceptedValues',
			type: 'string',
			default: '',
			placeholder: 'Success,Queued',
			description:
				'Comma-separated status values that mean the recipient was accepted; any other value is a refusal',
			displayOptions: { hide: { resultsPath: [''] } },
		},
		{
			displayName: 'Result Message ID Path',
			name: 'resultMessageIdPath',
			type: 'string',
			default: '',
			placeholder: 'messageId',
			displayOptions: { hide: { resultsPath: [''] } },
		},
		{
			displayName: 'Result Error Path',
			name: 'resultErrorPath',
			type: 'string',
			default: '',
			placeholder: 'error',
			displayOptions: { hide: { resultsPath: [''] } },
		},
		{
			displayName: 'Statuses Safe to Send Again',
			name: 'retryStatuses',
			type: 'string',
			default: '429,503',
			description:
				'HTTP statuses that mean the gateway took nothing and asks to come back later (Retry-After is honoured). Any other unexpected reply leaves the recipients "unknown" and is never sent again.',
		},
		{
			displayName: 'Balance Request Path',
			name: 'balancePath',
			type: 'string',
			default: '',
			placeholder: '/balance',
			description:
				'Optional. A GET path that answers the account balance; Check SMS Balance uses it.',
		},
		{
			displayName: 'Balance Value Path',
			name: 'balanceValuePath',
			type: 'string',
			default: '',
			placeholder: 'balance',
			displayOptions: { hide: { balancePath: [''] } },
		},
		{
			displayName: 'Balance Currency Path',
			name: 'balanceCurrencyPath',
			type: 'string',
			default: '',
			placeholder: 'currency',
			displayOptions: { hide: { balancePath: [''] } },
		},
		{
			displayName: 'Balance Currency',
			name: 'balanceCurrency',
			type: 'string',
			default: '',
			placeholder: 'USD',
			description: 'Optional. The currency when the reply does not name one.',
			displayOptions: { hide: { balancePath: [''] } },
		},
		{
			displayName: 'Credential Test Path',
			name: 'testPath',
			type: 'string',
			default: '',
			placeholder: '/account',
			description:
				'Optional. A GET path that answers 2xx for good credentials and sends nothing; used by the Test button. Empty: the Balance Request Path, else the Base URL itself.',
		},
		{
			displayName:
				'Callbacks: how the Inbound SMS and SMS Delivery Report triggers read what your provider posts. Each path is a form field name (From) or, for JSON bodies, a path such as data.from or messages[0].text. A callback with a status is a delivery report; one with a text and no status is an incoming message.',
			name: 'callbacksNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Callback Number Path',
			name: 'callbackNumberPath',
			type: 'string',
			default: 'from',
			placeholder: 'From',
			description:
				'Where the phone number is: the sender of an incoming message, and the recipient of a delivery report unless Callback Report Number Path is set',
		},
		{
			displayName: 'Callback Text Path',
			name: 'callbackTextPath',
			type: 'string',
			default: 'text',
			placeholder: 'Body',
			description: 'Where the text of an incoming message is',
		},
		{
			displayName: 'Callback To Path',
			name: 'callbackToPath',
			type: 'string',
			default: 'to',
			description: 'Optional. Where the number or short code an incoming message was sent to is.',
		},
		{
			displayName: 'Normalise To Number',
			name: 'callbackNormaliseTo',
			type: 'boolean',
			default: false,
			description:
				"Whether to write the To number of an incoming message in international form with + (255701000001 → +255701000001), as the named gateways' triggers do; short codes stay as posted. Off: the To number as the provider posted it. The sender and a delivery report's recipient are always written with +.",
			displayOptions: { hide: { callbackToPath: [''] } },
		},
		{
			displayName: 'Callback Time Path',
			name: 'callbackTimePath',
			type: 'string',
			default: '',
			placeholder: 'timestamp',
			description:
				'Optional. Where the time is (ISO 8601 or Unix seconds/milliseconds). Empty: the time n8n received the callback.',
		},
		{
			displayName: 'Callback Message ID Path',
			name: 'callbackMessageIdPath',
			type: 'string',
			default: 'messageId',
			placeholder: 'MessageSid',
			description:
				'Where the message ID is: for a delivery report, the ID Send SMS returned (required then); for an incoming message, optional',
		},
		{
			displayName: 'Callback Status Path',
			name: 'callbackStatusPath',
			type: 'string',
			default: 'status',
			placeholder: 'MessageStatus',
			description: 'Where the delivery status is. Empty: the provider posts no delivery reports.',
		},
		{
			displayName: 'Callback Report Number Path',
			name: 'callbackReportNumberPath',
			type: 'string',
			default: '',
			placeholder: 'To',
			description:
				'Optional. Where the recipient of a delivery report is, when it is not at the Callback Number Path.',
			displayOptions: { hide: { callbackStatusPath: [''] } },
		},
		{
			displayName: 'Callback Failure Path',
			name: 'callbackFailurePath',
			type: 'string',
			default: '',
			placeholder: 'ErrorCode',
			description: "Optional. Where a delivery report's failure reason or error code is.",
			displayOptions: { hide: { callbackStatusPath: [''] } },
		},
		{
			displayName: 'Callback Status Values',
			name: 'callbackStatusValues',
			type: 'json',
			default:
				'{"delivered": ["delivered", "DELIVRD"], "failed": ["failed", "undelivered", "UNDELIV"], "rejected": ["rejected", "REJECTD"], "expired": ["expired", "EXPIRED"], "sent": ["sent"], "queued": ["queued", "accepted", "pending", "ENROUTE"]}',
			description:
				"Which of the provider's status values mean which status (delivered, failed, rejected, expired, sent, queued), compared without case. Values not listed give the status unknown.",
			displayOptions: { hide: { callbackStatusPath: [''] } },
		},
		{
			displayName: 'Acknowledgement Status',
			name: 'callbackAckStatus',
			type: 'number',
			default: 200,
			typeOptions: { minValue: 200, maxValue: 299 },
			description: 'The HTTP status the trigger answers each accepted callback with (200–299)',
		},
		{
			displayName: 'Acknowledgement Body',
			name: 'callbackAckBody',
			type: 'string',
			default: '',
			placeholder: 'OK',
			description:
				'Optional. The body of the answer, for providers that expect one. Empty: no body. {{path}} takes a value from the callback, by the same paths as above, encoded for the Content Type (SMSBox: {"transaction_id":{{transaction_id}},"successful":true}).',
		},
		{
			displayName: 'Acknowledgement Content Type',
			name: 'callbackAckContentType',
			type: 'string',
			default: 'text/plain; charset=utf-8',
			description:
				'The Content-Type of the answer when it has a body, such as application/json or text/xml',
			displayOptions: { hide: { callbackAckBody: [''] } },
		},
	];

	/** Places the secrets of the chosen authentication and the confidential parameters. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const options: IHttpRequestOptions = {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}) },
		};
		const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
		const kind = credentials.authentication;
		if (kind === 'basicAuth') {
			options.auth = {
				username: String(credentials.username ?? ''),
				password: String(credentials.password ?? ''),
			};
		} else if (
			kind === 'headerAuth' &&
			typeof credentials.authHeaderName === 'string' &&
			credentials.authHeaderName.trim()
		) {
			options.headers![credentials.authHeaderName.trim()] = String(
				credentials.authHeaderSecret ?? '',
			);
		} else if (
			kind === 'queryAuth' &&
			typeof credentials.authQueryName === 'string' &&
			credentials.authQueryName.trim()
		) {
			qs[credentials.authQueryName.trim()] = String(credentials.authQuerySecret ?? '');
		}
		const confidential = confidentialParameters(credentials.secretParameters);
		const body = options.body;
		const bodyIsObject =
			body !== undefined &&
			body !== null &&
			typeof body === 'object' &&
			!Array.isArray(body) &&
			!(body instanceof URLSearchParams);
		if (options.method !== 'GET' && bodyIsObject) {
			options.body = { ...(body as IDataObject), ...confidential };
		} else {
			Object.assign(qs, confidential);
		}
		if (Object.keys(qs).length > 0) options.qs = qs;
		return options;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: "={{$credentials.baseUrl.replace(/\\/+$/, '')}}",
			url: "={{$credentials.testPath || $credentials.balancePath || '/'}}",
			method: 'GET',
		},
	};
}

/** The Confidential Parameters JSON object; the adapter reports a broken one before sending. */
function confidentialParameters(value: unknown): IDataObject {
	if (typeof value !== 'string' || value.trim() === '') return {};
	try {
		const parsed = JSON.parse(value) as unknown;
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: {};
	} catch {
		return {};
	}
}

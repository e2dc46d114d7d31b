/**
 * The e2e suite's core scenarios in n8n's queue mode (`npm run test:e2e:queue`): the same test
 * files as `npm run test:e2e`, against PostgreSQL, Redis, one main, two workers and one webhook
 * processor (test/e2e/global-setup.ts starts that stack when SMS_GATEWAYS_E2E_STACK=queue), plus
 * the queue-only files under test/e2e/queue/. The action nodes kept are those run by a webhook
 * workflow (Send SMS, Premium SMS Subscriptions: a worker runs each, checked from n8n's logs). Left out: files about the editor and the example
 * files' shape (nothing there depends on where executions run) and the manual-run examples.
 */
const base = require('./jest.config');

process.env.SMS_GATEWAYS_E2E_STACK = 'queue';

module.exports = {
	...base,
	testMatch: [
		'<rootDir>/test/e2e/10-registration.test.ts',
		'<rootDir>/test/e2e/20-credential-test.test.ts',
		'<rootDir>/test/e2e/30-send-sms.test.ts',
		'<rootDir>/test/e2e/premium-subscriptions.test.ts',
		// The Custom HTTP Gateway's triggers read their credential inside webhook(): on the webhook processor here.
		'<rootDir>/test/e2e/custom-gateway-callbacks.test.ts',
		'<rootDir>/test/e2e/examples/auto-reply.test.ts',
		'<rootDir>/test/e2e/examples/delivery-failures.test.ts',
		'<rootDir>/test/e2e/examples/stop-suppression.test.ts',
		'<rootDir>/test/e2e/queue/**/*.test.ts',
		'<rootDir>/test/e2e/90-no-secrets.test.ts',
	],
	testPathIgnorePatterns: ['/node_modules/'],
};

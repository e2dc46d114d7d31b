/**
 * End-to-end tier: a real n8n (the pinned release, see tooling/n8n/pinned.ts) with the packed
 * tarball installed as a community package, plus the gateway simulator, both started once by
 * global-setup.ts for every test file and stopped by global-teardown.ts.
 * One worker: the test files share that n8n and its simulator. test/e2e/queue/ holds the files
 * that only make sense in queue mode: jest.queue.config.js runs them (`npm run test:e2e:queue`).
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/queue/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	testSequencer: '<rootDir>/test/e2e/sequencer.js',
	maxWorkers: 1,
	// The first use installs n8n (minutes) in global setup, which has no timeout; these are per test.
	testTimeout: 120000,
	slowTestThreshold: 30,
};

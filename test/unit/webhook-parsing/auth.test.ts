import {
	basicAuthMatches,
	readBasicAuth,
	secretsEqual,
	tokenMatches,
} from '../../../nodes/shared/webhook-parsing/auth';

const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe('secretsEqual', () => {
	it('compares exactly, whatever the lengths', () => {
		expect(secretsEqual('s3cret', 's3cret')).toBe(true);
		expect(secretsEqual('s3cret', 's3cret ')).toBe(false);
		expect(secretsEqual('', 's3cret')).toBe(false);
		expect(secretsEqual('S3CRET', 's3cret')).toBe(false);
		expect(secretsEqual('x'.repeat(10000), 'x')).toBe(false);
		expect(secretsEqual('pässwörd', 'pässwörd')).toBe(true);
	});
});

describe('tokenMatches', () => {
	it('accepts the secret in the token query parameter or the X-Webhook-Token header', () => {
		expect(tokenMatches({}, { token: 'abc' }, 'abc')).toBe(true);
		expect(tokenMatches({ 'x-webhook-token': 'abc' }, {}, 'abc')).toBe(true);
		expect(tokenMatches({ 'x-webhook-token': 'wrong' }, { token: 'abc' }, 'abc')).toBe(true);
	});

	it('refuses a wrong, missing or differently named secret', () => {
		expect(tokenMatches({}, { token: 'abd' }, 'abc')).toBe(false);
		expect(tokenMatches({}, {}, 'abc')).toBe(false);
		expect(tokenMatches({ authorization: 'abc' }, { secret: 'abc' }, 'abc')).toBe(false);
	});

	it('never matches when no secret is configured', () => {
		expect(tokenMatches({}, { token: '' }, '')).toBe(false);
		expect(tokenMatches({ 'x-webhook-token': '' }, {}, '')).toBe(false);
	});
});

describe('readBasicAuth', () => {
	it('decodes user and password; the password may contain colons and UTF-8', () => {
		expect(readBasicAuth(basic('admin', 'district'))).toEqual({
			username: 'admin',
			password: 'district',
		});
		expect(readBasicAuth(basic('admin', 'a:b:ç'))).toEqual({
			username: 'admin',
			password: 'a:b:ç',
		});
		expect(readBasicAuth(`basic   ${Buffer.from('u:p').toString('base64')}`)).toEqual({
			username: 'u',
			password: 'p',
		});
	});

	it.each([
		undefined,
		'',
		'Bearer abc',
		'Basic',
		'Basic !!!',
		`Basic ${Buffer.from('nocolon').toString('base64')}`,
		'Basic a',
	])('returns undefined for %p', (header) => {
		expect(readBasicAuth(header)).toBeUndefined();
	});
});

describe('basicAuthMatches', () => {
	const expected = { username: 'admin', password: 'district' };

	it('accepts the right pair only', () => {
		expect(basicAuthMatches({ authorization: basic('admin', 'district') }, expected)).toBe(true);
		expect(basicAuthMatches({ authorization: basic('admin', 'District') }, expected)).toBe(false);
		expect(basicAuthMatches({ authorization: basic('Admin', 'district') }, expected)).toBe(false);
		expect(basicAuthMatches({}, expected)).toBe(false);
	});

	it('never matches when the node has no username or password set', () => {
		expect(basicAuthMatches({ authorization: basic('', '') }, { username: '', password: '' })).toBe(
			false,
		);
		expect(
			basicAuthMatches({ authorization: basic('admin', '') }, { username: 'admin', password: '' }),
		).toBe(false);
	});
});
